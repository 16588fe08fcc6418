package org.uprflow.benchmark;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.uprflow.cycle.CycleFixture;
import org.uprflow.notification.NotificationSwitch;

/**
 * Case 7 (issue 13): the notices at scale, with the platform sending to a real SMTP server in
 * this JVM (GreenMail). Every staffed country's cycle opened at once over REST (each CSO group and
 * the managers told); how fast the outbox drains to the server (from the rows' own send stamps);
 * and task completions with the notifier on and off in the same run, alternating, so both see the
 * same machine. Runs on its own ({@code -Dbenchmark.cases=notify}): it opens cycles 1 and 2 of
 * every staffed country, which the cycle case opens too.
 */
final class NoticesAtScale {

    static final String CASE = "7 notices";
    static final String OPEN_ALL = "REST: open every staffed country's cycle at once (notices written)";
    static final String DRAIN = "outbox drained to a local SMTP server (GreenMail), mails/s";
    static final String COMPLETE_ON = "Java API: complete a task, notifier on";
    static final String COMPLETE_OFF = "Java API: complete a task, notifier off";
    private static final String FORM = "submit-stakeholder-report";
    private static final String FIRST_TASK = "Task_SubmitStakeholderReport";
    /** Rounds of completions; odd rounds run the notifier's row first, even ones last, so neither gains by its place. */
    private static final int ROUNDS = 4;
    /** Cycles opened: the first two timed, the others only to give the completion rows enough tasks. */
    private static final int CYCLES = 6;

    private final ProcessEngine engine;
    private final JdbcTemplate jdbc;
    private final NotificationSwitch notices;
    private final Client client;
    private final World world;
    private final Scale scale;
    private final Report report;
    private final Map<String, Object> formValues = CycleFixture.validInput(FORM);
    private final String reviewDate = LocalDate.now().plusYears(1).toString();

    NoticesAtScale(ProcessEngine engine, DataSource dataSource, NotificationSwitch notices, Client client, World world,
            Scale scale, Report report) {
        this.engine = engine;
        this.jdbc = new JdbcTemplate(dataSource);
        this.notices = notices;
        this.client = client;
        this.world = world;
        this.scale = scale;
        this.report = report;
    }

    void run() throws Exception {
        List<String> countries = world.staffed();
        int users = Math.min(8, scale.maxUsers());
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            int number = cycle;
            ConcurrentLinkedQueue<String> toOpen = new ConcurrentLinkedQueue<>(countries);
            Instant opened = Instant.now();
            Figure opening = Load.run(CASE, OPEN_ALL + " (cycle " + number + ")", users, 0, countries.size(),
                    Duration.ofMinutes(10), (user, n) -> {
                        String code = toOpen.poll();
                        if (code == null) {
                            return false;
                        }
                        client.expect(201, client.post(Client.basic(World.manager(code), World.PASSWORD),
                                "/api/countries/" + code + "/cycles", "{\"cycleNumber\":" + number
                                        + ",\"wgSession\":40,\"reviewDate\":\"" + reviewDate + "\"}"), "opening " + code);
                        return true;
                    });
            Figure drained = drained(opened, "notices of cycle " + number + "'s opening");
            if (number <= 2) {
                report.add(opening);
                report.add(drained);
            }
        }

        report.add(backlogDrained(scale.name().equals("smoke") ? 300 : 3_000));

        // Completions of the first task, notifier on and off in alternating rounds over one pool.
        ConcurrentLinkedQueue<String> pool = new ConcurrentLinkedQueue<>(engine.getTaskService().createTaskQuery()
                .taskDefinitionKey(FIRST_TASK).active().list().stream().map(Task::getId).toList());
        long perRow = Math.max(1, Math.min(scale.maxOps(), pool.size() / (2L * ROUNDS) - scale.warmUpOps()));
        Instant completions = Instant.now();
        for (int round = 1; round <= ROUNDS; round++) {
            for (boolean on : round % 2 == 1 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                notices.set(on);
                try {
                    report.add(Load.run(CASE, (on ? COMPLETE_ON : COMPLETE_OFF) + ", round " + round, users,
                            scale.warmUpOps(), perRow, scale.maxTime(), (user, n) -> {
                                String task = pool.poll();
                                if (task == null) {
                                    return false;
                                }
                                engine.getTaskService().complete(task, new HashMap<>(formValues));
                                return true;
                            }));
                } finally {
                    notices.set(true);
                }
                // the notices of an "on" row are written and sent before the next row starts
                drained(completions, "between rows");
            }
        }
        report.add(drained(completions, "notices of the completions"));
        judge(users);
    }

    /**
     * A backlog, as after the mail server was down for a while: {@code count} notices written in one
     * transaction straight into the table, then drained by the platform's dispatchers (next poll).
     */
    private Figure backlogDrained(int count) throws InterruptedException {
        Instant since = Instant.now();
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            String code = world.staffed().get(i % world.staffed().size());
            rows.add(new Object[] {code, World.cso(code), World.cso(code) + "@example.org", "Backlog notice " + i,
                    "A notice of the backlog, number " + i + ", about as long as a task's notice is. ".repeat(8)});
        }
        jdbc.batchUpdate("insert into notification_outbox (country_code, category, recipient_user_id, recipient_email, "
                + "language, subject, body, status, next_attempt_at, created_at) values "
                + "(?, 'OVERDUE', ?, ?, 'en', ?, ?, 'PENDING', current_timestamp, current_timestamp)", rows);
        return drained(since, "a backlog of " + count + " written at once");
    }

    /** Waits until every notice written since {@code since} has left the outbox; the rate from their send stamps. */
    private Figure drained(Instant since, String what) throws InterruptedException {
        Timestamp from = Timestamp.from(since);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        // the events not yet turned into notices, then the notices not yet sent
        while (Instant.now().isBefore(deadline) && jdbc.queryForObject("select (select count(*) from notification_event) "
                + "+ (select count(*) from notification_outbox where created_at >= ? and status = 'PENDING')", Long.class, from) > 0) {
            Thread.sleep(100);
        }
        Map<String, Object> sent = jdbc.queryForMap("select count(*) as mails, min(sent_at) as first_sent, "
                + "max(sent_at) as last_sent from notification_outbox where created_at >= ? and status = 'SENT'", from);
        long mails = ((Number) sent.get("mails")).longValue();
        long failed = jdbc.queryForObject("select count(*) from notification_outbox where created_at >= ? "
                + "and status in ('FAILED', 'PENDING')", Long.class, from);
        double seconds = mails < 2 ? Double.NaN : Duration.between(((Timestamp) sent.get("first_sent")).toInstant(),
                ((Timestamp) sent.get("last_sent")).toInstant()).toMillis() / 1000.0;
        return new Figure(CASE, DRAIN + " (" + what + ")", 1, mails, seconds, mails / seconds, Double.NaN, Double.NaN,
                String.format(Locale.ROOT, "%d mails sent, first to last send stamp; %d failed or left", mails, failed));
    }

    /** Issue 13's aims: completions slowed by at most 10% with the notifier on; at least 50 mails/s drained. */
    private void judge(int users) {
        double on = 0;
        double off = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            on += report.find(CASE, COMPLETE_ON + ", round " + round, users).opsPerSecond();
            off += report.find(CASE, COMPLETE_OFF + ", round " + round, users).opsPerSecond();
        }
        report.aim("task completions with the notifier >= 0.9 x without (Java API, " + users + " users, same run)",
                on >= 0.9 * off, String.format(Locale.ROOT, "on %.0f/s vs off %.0f/s (%.2f)", on / ROUNDS, off / ROUNDS,
                        on / off));
        // The openings' drains only keep pace with the notices as they are written; a backlog shows the dispatch's own rate.
        double drain = report.figures().stream().filter(f -> f.channel().startsWith(DRAIN) && f.channel().contains("backlog"))
                .mapToDouble(Figure::opsPerSecond).findFirst().orElse(Double.NaN);
        report.aim("the outbox drains >= 50 mails/s to a local SMTP server", drain >= 50,
                String.format(Locale.ROOT, "backlog drained at %.0f mails/s", drain));
    }
}
