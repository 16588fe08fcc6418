package org.uprflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.uprflow.cycle.UprCycleProcess;
import org.uprflow.testing.CycleWalk;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.TestMailServer;
import org.uprflow.testing.World;

/**
 * Notices end to end on PostgreSQL with a real SMTP server in this JVM (GreenMail behind a proxy
 * that plays a failing server). Benin (BJ) and Niger (NE) are this class's countries, so that its
 * reminder setting and digests touch nobody else's tests.
 */
class NotificationIT extends PostgresIntegrationTest {

    private static final String MANAGER = "bj.manager";
    private static final String CSO = "bj.cso";
    private static final String REFUSED = "bj.refused";
    private static final String NO_ADDRESS = "bj.noaddress";
    private static final String GOV = "bj.gov";
    private static final String NE_CSO = "ne.cso";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static boolean countriesReady;

    @Autowired
    private OutboxDispatcher dispatcher;
    @Autowired
    private NoticeScheduler scheduler;
    @Autowired
    private Outbox outbox;
    @Autowired
    private NoticeEvents events;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private TaskService tasks;
    @Autowired
    private PlatformTransactionManager transactions;

    private final TestMailServer mail = TestMailServer.get();

    @BeforeEach
    void beninAndNiger() {
        if (countriesReady) {
            return;
        }
        for (String code : List.of("BJ", "NE")) {
            World.onboard(world.admin(), code).expect("onboarding " + code, 201);
        }
        participant("BJ", MANAGER, "PROGRAMME_MANAGER", MANAGER + "@example.org");
        participant("BJ", CSO, "CSO", CSO + "@example.org");
        participant("BJ", REFUSED, "CSO", "refused@bj.example.org");
        participant("BJ", GOV, "GOVERNMENT", GOV + "@example.org");
        participant("NE", NE_CSO, "CSO", NE_CSO + "@example.org");
        World.addToCountry(world.admin(), "NE", MANAGER, "PROGRAMME_MANAGER").expect("adding " + MANAGER, 201);
        withoutAddress("BJ", NO_ADDRESS, "Koffi");
        withoutAddress("NE", "ne.noaddress", "Moussa");
        assertThat(world.as(CSO).putJson("/api/notifications/preferences",
                "{\"delivery\":\"IMMEDIATE\",\"language\":\"fr\"}", null).status()).isEqualTo(200);
        mail.faults().refuse("refused@bj.example.org");
        countriesReady = true;
    }

    @Test
    void aTaskWaitingForARoleIsMailedToEachMemberInTheirLanguageWithCycleDueDateAndLink() throws Exception {
        openCycle("BJ", 1, LocalDate.now().plusYears(1));
        JsonNode task = world.admin().get("/engine-rest/task?processInstanceBusinessKey=BJ-1"
                + "&taskDefinitionKey=Task_SubmitStakeholderReport").json().get(0);
        String taskId = task.get("id").asText();

        MimeMessage notice = awaitMail(CSO + "@example.org", m -> m.getSubject().contains("BJ-1")
                && m.getSubject().contains("Soumettre le rapport des parties prenantes"));
        assertThat(notice.getSubject()).startsWith("[BJ-1] Une tâche vous attend");
        assertThat(notice.getHeader("Content-Language")).containsExactly("fr");
        assertThat(notice.getHeader("List-Unsubscribe")[0]).contains("/api/notifications/unsubscribe?token=");
        String body = (String) notice.getContent();
        assertThat(body).contains("Pays : Bénin", "Cycle : BJ-1", "Échéance : " + task.get("due").asText().substring(0, 10),
                "Ce qui est attendu : Soumettez le rapport", "/camunda/app/tasklist/default/#/?task=" + taskId);

        // A refused recipient fails alone, visibly; the others were sent.
        JsonNode failed = awaitNotice(MANAGER, "BJ", "FAILED", n -> n.get("recipient").asText().equals(REFUSED));
        assertThat(failed.get("lastError").asText()).contains("refused");
        assertThat(mail.receivedBy("refused@bj.example.org")).isEmpty();

        // Nobody without an address is skipped in silence: the managers hear who was not told, and of what.
        MimeMessage missing = awaitMail(MANAGER + "@example.org", m -> m.getSubject().contains("Koffi Sansadresse")
                && m.getSubject().contains("BJ-1"));
        assertThat((String) missing.getContent()).contains(NO_ADDRESS, "Submit the stakeholder report");
        assertThat(notices(MANAGER, "BJ", "NO_ADDRESS")).anyMatch(n -> n.get("recipient").asText().equals(NO_ADDRESS));

        // Nothing of Benin reaches anybody of Niger or Kenya.
        for (String outsider : List.of(NE_CSO, World.KE_CSO, World.KE_MANAGER)) {
            for (MimeMessage received : mail.receivedBy(outsider + "@example.org")) {
                assertThat(received.getSubject() + received.getContent()).doesNotContain("BJ-", "Benin", "Bénin");
            }
        }
    }

    @Test
    void theNoticeLogShowsEachManagerOnlyTheirCountries() {
        world.startProbe("bj");
        awaitNotice(MANAGER, "BJ", null, n -> n.get("recipient").asText().equals(GOV));
        assertThat(world.as(World.KE_MANAGER).get("/api/notifications/outbox?country=BJ").status()).isEqualTo(404);
        assertThat(world.as(World.KE_MANAGER).get("/api/notifications/outbox").json().get("notices").findValuesAsText("country"))
                .doesNotContain("BJ", "NE");
        assertThat(world.as(MANAGER).get("/api/notifications/outbox").json().get("notices").findValuesAsText("country"))
                .isNotEmpty().allMatch(country -> country.equals("BJ") || country.equals("NE"));
        assertThat(world.as(CSO).get("/api/notifications/outbox?country=BJ").status()).isEqualTo(403);
        assertThat(world.as(MANAGER).get("/api/notifications/outbox?country=XX").status()).isEqualTo(400);
    }

    @Test
    void oneClickUnsubscribeNeedsNoLoginAndCannotBeGuessed() throws Exception {
        World.Probe first = world.startProbe("bj");
        MimeMessage notice = awaitMail(GOV + "@example.org", m -> ((String) m.getContent()).contains(first.governmentTaskId()));
        String link = notice.getHeader("List-Unsubscribe")[0].replaceAll("^<|>$", "");
        String path = link.substring(link.indexOf("/api/"));
        Http.Response unsubscribed = http.anonymous().get(path);
        assertThat(unsubscribed.status()).isEqualTo(200);
        assertThat(unsubscribed.body()).contains("no longer receive", "a task waits for your role");
        assertThat(http.anonymous().get("/api/notifications/unsubscribe?token=guessed-token").status()).isEqualTo(404);
        assertThat(http.anonymous().get("/api/notifications/unsubscribe").status()).isEqualTo(404);
        assertThat(world.as(GOV).get("/api/notifications/preferences").json().get("unsubscribed").get(0).asText())
                .isEqualTo("TASK_AVAILABLE");
        try {
            World.Probe second = world.startProbe("bj");
            // written by the dispatcher after the commit: still for the CSO, nothing for the one who left
            awaitRows(second.csoTaskId(), CSO, 1);
            awaitEventsTaken();
            assertThat(rowsFor(second.governmentTaskId(), GOV)).isZero();
        } finally {
            world.as(GOV).putJson("/api/notifications/preferences", "{\"delivery\":\"IMMEDIATE\",\"language\":\"en\"}", null);
        }
    }

    @Test
    void preferencesAndSettingsRefuseBadInputNamingTheField() {
        Http.Response language = world.as(CSO).putJson("/api/notifications/preferences",
                "{\"delivery\":\"IMMEDIATE\",\"language\":\"de\"}", null);
        assertThat(language.status()).isEqualTo(400);
        assertThat(language.json().get("errors").has("language")).isTrue();
        Http.Response delivery = world.as(CSO).putJson("/api/notifications/preferences",
                "{\"delivery\":\"HOURLY\",\"language\":\"en\"}", null);
        assertThat(delivery.status()).isEqualTo(400);
        assertThat(delivery.json().get("errors").has("delivery")).isTrue();
        Http.Response days = world.as(MANAGER).putJson("/api/countries/BJ/notification-settings",
                "{\"reminderDaysBeforeDue\":0}", null);
        assertThat(days.status()).isEqualTo(400);
        assertThat(days.json().get("errors").has("reminderDaysBeforeDue")).isTrue();
        assertThat(world.as(CSO).putJson("/api/countries/BJ/notification-settings", "{\"reminderDaysBeforeDue\":3}", null)
                .status()).isEqualTo(403);
        assertThat(world.as(World.KE_MANAGER).putJson("/api/countries/BJ/notification-settings",
                "{\"reminderDaysBeforeDue\":3}", null).status()).isEqualTo(404);
        assertThat(world.as(CSO).get("/api/notifications/preferences").json().get("language").asText()).isEqualTo("fr");
        Http.Response address = world.admin().postJson("/api/countries/BJ/participants", """
                {"userId":"bj.local","role":"CSO","firstName":"A","lastName":"B","email":"awa@localhost","password":"long-enough"}""");
        assertThat(address.status()).isEqualTo(400);
        assertThat(address.json().get("errors").has("email")).isTrue();
    }

    @Test
    void remindersFollowTheCountrysSettingAndOverdueNoticesReachTheRoleAndTheManagers() throws Exception {
        openCycle("BJ", 2, LocalDate.now().plusMonths(8));
        String taskId = world.admin().get("/engine-rest/task?processInstanceBusinessKey=BJ-2"
                + "&taskDefinitionKey=Task_SubmitStakeholderReport").json().get(0).get("id").asText();
        try {
            awaitRows(taskId, CSO, 1); // the announcement, written by the dispatcher after the opening's commit
            runReminders();
            assertThat(rowsFor(taskId, CSO)).as("announced only, months ahead of its due date").isEqualTo(1);

            assertThat(world.as(MANAGER).putJson("/api/countries/BJ/notification-settings", "{\"reminderDaysBeforeDue\":60}",
                    null).status()).isEqualTo(200);
            runReminders();
            MimeMessage reminder = awaitMail(CSO + "@example.org", m -> m.getSubject().startsWith("[BJ-2] Échéance le"));
            assertThat((String) reminder.getContent()).contains("arrive à échéance dans", taskId);
            runReminders();
            assertThat(rowsFor(taskId, CSO)).as("reminded once, whatever the turns").isEqualTo(2);

            tasks.setDueDate(taskId, Date.from(Instant.now().minus(Duration.ofHours(1))));
            runReminders();
            awaitMail(CSO + "@example.org", m -> m.getSubject().startsWith("[BJ-2] En retard depuis"));
            MimeMessage toManager = awaitMail(MANAGER + "@example.org", m -> m.getSubject().startsWith("[BJ-2] Overdue since"));
            assertThat((String) toManager.getContent()).contains("Submit the stakeholder report", taskId);
        } finally {
            world.as(MANAGER).putJson("/api/countries/BJ/notification-settings", "{\"reminderDaysBeforeDue\":7}", null);
        }
    }

    @Test
    void someoneGivenATaskByNameIsToldButClaimingItOneselfTellsNobody() throws Exception {
        World.Probe probe = world.startProbe("bj");
        assertThat(world.as(MANAGER).postJson("/engine-rest/task/" + probe.csoTaskId() + "/assignee",
                "{\"userId\":\"" + CSO + "\"}").status()).isEqualTo(204);
        MimeMessage assigned = awaitMail(CSO + "@example.org", m -> m.getSubject().startsWith("[BJ] Attribuée à vous")
                && ((String) m.getContent()).contains(probe.csoTaskId()));
        assertThat(assigned.getHeader("Content-Language")).containsExactly("fr");

        assertThat(world.as(GOV).postJson("/engine-rest/task/" + probe.governmentTaskId() + "/claim",
                "{\"userId\":\"" + GOV + "\"}").status()).isEqualTo(204);
        assertThat(jdbc.sql("select count(*) from notification_outbox where task_id = ? and category = 'TASK_ASSIGNED'")
                .param(probe.governmentTaskId()).query(Integer.class).single()).isZero();
    }

    @Test
    void programmeManagersAreToldWhenAPhaseOfTheCycleCompletes() throws Exception {
        openCycle("BJ", 3, LocalDate.now().plusYears(1));
        new CycleWalk(world.admin()).until("BJ-3", "Task_RegisterRecommendations");
        MimeMessage note = awaitMail(MANAGER + "@example.org", m -> m.getSubject().equals("[BJ-3] Phase completed: Pre-session"));
        assertThat((String) note.getContent()).contains("Country: Benin", "/dashboard/country.html?code=BJ");
    }

    @Test
    void digestsComeOncePerPersonAndCountryAndNeverMixTwoCountries() throws Exception {
        assertThat(world.as(MANAGER).putJson("/api/notifications/preferences",
                "{\"delivery\":\"DAILY_DIGEST\",\"language\":\"en\"}", null).status()).isEqualTo(200);
        try {
            openCycle("BJ", 4, LocalDate.now().plusYears(1));
            openCycle("NE", 1, LocalDate.now().plusYears(1));
            // held for her: each opening told her who of the country has no address (a CSO of each)
            awaitHeld("[BJ-4]");
            awaitHeld("[NE-1]");
            while (scheduler.collectDigests(Instant.now().plus(Duration.ofDays(2))) < 0) {
                Thread.sleep(200); // the other node's turn (here: the background scheduler)
            }
            MimeMessage benin = awaitMail(MANAGER + "@example.org", m -> m.getSubject().matches("\\[BJ\\] \\d+ notices for you")
                    && ((String) m.getContent()).contains("BJ-4"));
            MimeMessage niger = awaitMail(MANAGER + "@example.org", m -> m.getSubject().matches("\\[NE\\] \\d+ notices for you")
                    && ((String) m.getContent()).contains("NE-1"));
            assertThat((String) benin.getContent()).doesNotContain("NE-1", "Niger");
            assertThat((String) niger.getContent()).doesNotContain("BJ-", "Benin");
        } finally {
            world.as(MANAGER).putJson("/api/notifications/preferences", "{\"delivery\":\"IMMEDIATE\",\"language\":\"en\"}", null);
        }
    }

    @Test
    void anEventWhoseNoticesCannotBeWrittenIsSetAsideWhileTheOthersAreSent() throws Exception {
        long broken = jdbc.sql("insert into notification_event (kind, payload, next_attempt_at, created_at) "
                + "values ('TASK_CREATED', '{\"kind\":', current_timestamp, current_timestamp) returning id")
                .query(Long.class).single();
        try {
            new TransactionTemplate(transactions).executeWithoutResult(status ->
                    events.phaseCompleted("bj", "BJ-9", UprCycleProcess.PRE_SESSION));
            dispatcher.drain(Instant.now());
            MimeMessage note = awaitMail(MANAGER + "@example.org", m -> m.getSubject().equals("[BJ-9] Phase completed: Pre-session"));
            assertThat(note.getAllRecipients()).hasSize(1);
            var setAside = jdbc.sql("select attempts, last_error, next_attempt_at > current_timestamp as later "
                    + "from notification_event where id = ?").param(broken).query().singleRow();
            assertThat(setAside.get("attempts")).isEqualTo(1);
            assertThat((String) setAside.get("last_error")).contains("could not be read");
            assertThat(setAside.get("later")).as("tried again after a back-off").isEqualTo(true);
            assertThat(jdbc.sql("select count(*) from notification_event where payload like '%BJ-9%'").query(Long.class).single())
                    .as("the other event became its notices and left the table").isZero();
        } finally {
            jdbc.sql("delete from notification_event where id = ?").param(broken).update();
        }
    }

    @Test
    void aConnectionDroppedMidBatchLeavesNothingUnsentAndSendsNothingTwice() throws Exception {
        mail.faults().dropAtData(3);
        List<String> addresses = write("drop", 8);
        // The dispatcher woken by the commit meets the drop at the third mail; that one waits for its retry.
        awaitSettled(0);
        assertThat(addresses.stream().map(this::row).filter(r -> r.status() == OutboxStatus.PENDING))
                .singleElement().satisfies(r -> assertThat(r.attempts()).isEqualTo(1));
        assertThat(dispatcher.drain(Instant.now().plus(Duration.ofHours(1)))).isPositive();
        assertDeliveredOnceEach(addresses);
    }

    @Test
    void aNodeThatDiesHoldingAClaimLeavesItsUnsentRowsToAnotherNodeAfterTheLease() throws Exception {
        List<String> addresses = new ArrayList<>();
        Instant now = Instant.now().plusSeconds(1);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            addresses.addAll(write("lease", 5));
            List<Outbox.Row> claimed = outbox.claim("dead-node", 100, now, now.plus(Duration.ofMinutes(2)));
            // the dead node had sent the first one before it died
            outbox.markDone(claimed.stream().filter(r -> r.recipientEmail().equals(addresses.get(0))).findFirst()
                    .orElseThrow().id(), OutboxStatus.SENT, now);
        });
        assertThat(dispatcher.drain(Instant.now())).as("a live lease is left alone").isZero();
        assertThat(dispatcher.drain(now.plus(Duration.ofMinutes(3)))).isGreaterThanOrEqualTo(4);
        assertThat(mail.receivedBy(addresses.get(0))).as("sent by the node that died, not again").isEmpty();
        assertDeliveredOnceEach(addresses.subList(1, addresses.size()));
    }

    @Test
    void anSmtpServerThatIsDownIsRetriedWithBackOffThenMarkedFailedAndShown() throws Exception {
        mail.faults().down(true);
        try {
            String address = write("down", 1).get(0);
            dispatcher.drain(Instant.now());
            awaitSettled(0);
            Outbox.Row waiting = row(address);
            assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(waiting.attempts()).isPositive();
            assertThat(waiting.nextAttemptAt().toInstant()).as("backed off").isAfter(Instant.now());
            dispatcher.drain(Instant.now().plus(Duration.ofDays(2)));
            assertThat(row(address).status()).isEqualTo(OutboxStatus.FAILED);
            assertThat(row(address).attempts()).isEqualTo(6);
            assertThat(notices(MANAGER, "BJ", "FAILED")).anyMatch(n -> n.get("email").asText().equals(address));
        } finally {
            mail.faults().down(false);
        }
    }

    @Test
    void dispatchersRacingForTheSameRowsSendEachNoticeExactlyOnce() throws Exception {
        List<String> addresses = write("race", 60);
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> drains = new ArrayList<>();
            for (int node = 0; node < 4; node++) {
                drains.add(nodes.submit(() -> dispatcher.drain(Instant.now())));
            }
            for (Future<Integer> drain : drains) {
                drain.get();
            }
        } finally {
            nodes.shutdown();
        }
        awaitSettled(0);
        assertDeliveredOnceEach(addresses);
    }

    // --- helpers ---

    private void participant(String country, String userId, String role, String email) {
        World.addParticipant(world.admin(), country, new World.Person(userId, role, userId.replace('.', '-'), "Test",
                email, World.PASSWORD)).expect("adding " + userId, 201);
    }

    /** Someone the admin created in Admin without an address, then given a role. */
    private void withoutAddress(String country, String userId, String firstName) {
        assertThat(world.admin().postJson("/engine-rest/user/create", """
                {"profile":{"id":"%s","firstName":"%s","lastName":"Sansadresse"},"credentials":{"password":"%s"}}"""
                .formatted(userId, firstName, World.PASSWORD)).status()).isEqualTo(204);
        World.addToCountry(world.admin(), country, userId, "CSO").expect("adding " + userId, 201);
    }

    private void openCycle(String country, int number, LocalDate review) {
        World.openCycle(world.as(MANAGER), country, number, 40, review).expect("opening " + country + "-" + number, 201);
    }

    private void runReminders() throws InterruptedException {
        while (scheduler.remindAndAnnounceOverdue(Instant.now()) < 0) {
            Thread.sleep(200); // the background scheduler holds this turn
        }
    }

    /** Notices written straight into the outbox, each to its own address, committed. */
    private List<String> write(String prefix, int count) {
        String run = Long.toString(System.nanoTime(), 36);
        List<String> addresses = new ArrayList<>();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                String address = prefix + "-" + run + "-" + i + "@bj.example.org";
                outbox.add(new Outbox.NewNotice("bj", NoticeCategory.OVERDUE, CSO, address, "en", "Test notice " + i,
                        "Body " + i, null, null, OutboxStatus.PENDING, Instant.now()), Instant.now());
                addresses.add(address);
            }
        });
        return addresses;
    }

    private void awaitHeld(String subjectPrefix) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (jdbc.sql("select count(*) from notification_outbox where recipient_user_id = ? and status = 'HELD' "
                    + "and subject like ?").params(MANAGER, subjectPrefix + "%").query(Integer.class).single() > 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("nothing held for the digest: " + subjectPrefix);
    }

    private Outbox.Row row(String address) {
        return jdbc.sql("select id from notification_outbox where recipient_email = ?").param(address).query(Long.class)
                .list().stream().findFirst().flatMap(id -> outbox.recent(List.of("bj"), null, 1000).stream()
                        .filter(r -> r.id() == id).findFirst()).orElseThrow();
    }

    private int rowsFor(String taskId, String userId) {
        return jdbc.sql("select count(*) from notification_outbox where task_id = ? and recipient_user_id = ?")
                .params(taskId, userId).query(Integer.class).single();
    }

    private void awaitRows(String taskId, String userId, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline) && rowsFor(taskId, userId) < count) {
            Thread.sleep(200);
        }
        assertThat(rowsFor(taskId, userId)).as("notices of task %s to %s", taskId, userId).isEqualTo(count);
    }

    /** Every due event turned into notices (the government task's too). */
    private void awaitEventsTaken() throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline) && jdbc.sql("select count(*) from notification_event "
                + "where next_attempt_at <= current_timestamp").query(Integer.class).single() > 0) {
            Thread.sleep(200);
        }
    }

    private void awaitSettled(int pendingAtMost) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            int unsettled = jdbc.sql("select count(*) from notification_outbox where status = 'PENDING' "
                    + "and (attempts = 0 or claimed_by is not null)").query(Integer.class).single();
            if (unsettled <= pendingAtMost) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the outbox did not settle");
    }

    private void assertDeliveredOnceEach(List<String> addresses) throws Exception {
        Set<String> messageIds = new HashSet<>();
        for (String address : addresses) {
            awaitMail(address, m -> true);
            List<MimeMessage> received = mail.receivedBy(address);
            assertThat(received).as("mails to %s", address).hasSize(1);
            messageIds.add(received.get(0).getMessageID());
        }
        assertThat(messageIds).hasSize(addresses.size());
    }

    @FunctionalInterface
    private interface MailCheck {
        boolean test(MimeMessage message) throws Exception;
    }

    private MimeMessage awaitMail(String address, MailCheck check) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            for (MimeMessage message : mail.receivedBy(address)) {
                if (check.test(message)) {
                    return message;
                }
            }
            Thread.sleep(200);
        }
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : mail.receivedBy(address)) {
            subjects.add(message.getSubject());
        }
        throw new AssertionError("no such mail to " + address + "; received: " + subjects);
    }

    private List<JsonNode> notices(String manager, String country, String status) {
        JsonNode log = world.as(manager).get("/api/notifications/outbox?country=" + country
                + (status == null ? "" : "&status=" + status)).json();
        List<JsonNode> notices = new ArrayList<>();
        log.get("notices").forEach(notices::add);
        return notices;
    }

    private JsonNode awaitNotice(String manager, String country, String status, Predicate<JsonNode> match) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode notice : notices(manager, country, status)) {
                if (match.test(notice)) {
                    return notice;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no such notice of " + country + " with status " + status);
    }

}
