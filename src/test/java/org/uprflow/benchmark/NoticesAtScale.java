package org.uprflow.benchmark;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.uprflow.notification.NotificationSwitch;
import org.uprflow.testing.Client;
import org.uprflow.testing.TaskForms;

/**
 * Case 7 (issue 13): the notices at scale, with the platform sending to a real SMTP server in a JVM
 * of its own ({@link MailRelay}), as a production node sends to its relay. Every staffed country's
 * cycle opened at once over REST (each CSO group and the managers told); how fast the outbox drains
 * to the server (from the rows' own send stamps); and task completions in the same run, after one
 * unrecorded row, in rounds of three rows over one pool: notifier off (no event written), dispatcher held (each completion
 * writes its event, nothing is turned into notices or sent during the row) and notifier on (the
 * dispatcher works beside the completions), in turns so that none gains by its place. The CPU of
 * each row is recorded (JVM by thread kind, PostgreSQL, the relay), and what the held notices
 * cost afterwards, stage by stage: events turned into notices, then the notices sent. Runs on its
 * own ({@code -Dbenchmark.cases=notify}): it opens cycles 1 to 9 of every staffed country, which
 * the cycle case opens too.
 */
final class NoticesAtScale {

    static final String CASE = "7 notices";
    static final String OPEN_ALL = "REST: open every staffed country's cycle at once (notices written)";
    static final String DRAIN = "outbox drained to a local SMTP server (mail relay JVM), mails/s";
    static final String COMPLETE_ON = "Java API: complete a task, notifier on";
    static final String COMPLETE_HELD = "Java API: complete a task, dispatcher held (events written)";
    static final String COMPLETE_OFF = "Java API: complete a task, notifier off";
    static final String EXPANSION = "CPU per notice: events turned into notices (the held rows' events, afterwards)";
    static final String SENDING = "CPU per notice: notices sent (the held rows' notices, afterwards)";
    static final String WITH_DRAIN = "CPU per completion, its notices included (the on rows and their drain)";
    private static final String FORM = "submit-stakeholder-report";
    private static final String FIRST_TASK = "Task_SubmitStakeholderReport";
    /** Rounds of completions; the on and off rows change places each round, the held one stays between them. */
    private static final int ROUNDS = 4;
    private static final int ROWS_PER_ROUND = 3;
    /** Cycles opened: the first two timed, the others only to give the completion rows enough tasks. */
    private static final int CYCLES = 9;
    /**
     * Between polls of the harness's waits: the platform's dispatcher steps back while any connection
     * of the pool is in use, these polls included, so they are spaced out.
     */
    private static final long POLL_MILLIS = 500;

    private enum Mode { ON, HELD, OFF }

    private final ProcessEngine engine;
    private final JdbcTemplate jdbc;
    private final NotificationSwitch notices;
    private final Client client;
    private final Population world;
    private final Scale scale;
    private final Report report;
    private final CpuMeter cpu;
    private final Map<String, Object> formValues = TaskForms.validInput(FORM);
    private final String reviewDate = LocalDate.now().plusYears(1).toString();

    NoticesAtScale(ProcessEngine engine, DataSource dataSource, NotificationSwitch notices, Client client, Population world,
            Scale scale, Report report, CpuMeter cpu) {
        this.engine = engine;
        this.jdbc = new JdbcTemplate(dataSource);
        this.notices = notices;
        this.client = client;
        this.world = world;
        this.scale = scale;
        this.report = report;
        this.cpu = cpu;
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
                        client.expect(201, client.post(Client.basic(Population.manager(code), Population.PASSWORD),
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

        CpuMeter.Sample beforeBacklog = cpu.sample();
        Figure backlog = backlogDrained(scale.name().equals("smoke") ? 300 : 3_000);
        report.add(backlog.withNote(CpuMeter.perOperation(beforeBacklog, cpu.sample(), backlog.operations())));

        // Completions of the first task, off / held / on in turns over one pool.
        ConcurrentLinkedQueue<String> pool = new ConcurrentLinkedQueue<>(engine.getTaskService().createTaskQuery()
                .taskDefinitionKey(FIRST_TASK).active().list().stream().map(Task::getId).toList());
        long perRow = Math.max(1, Math.min(scale.maxOps(),
                pool.size() / ((long) ROWS_PER_ROUND * ROUNDS + 1) - scale.warmUpOps()));
        Instant completions = Instant.now();
        // One row unrecorded first, notifier on: the first recorded row would pay the completions' own JIT warm-up
        // (round 1 starts with the on row), which a few warm-up operations do not cover at smoke scale.
        Load.run(CASE, "warm-up", users, 0, perRow + scale.warmUpOps(), scale.maxTime(), (user, n) -> completeNext(pool));
        drained(completions, "the warm-up row's notices");
        // CPU spans (before, after) added up over the rounds: the held rows' two stages, the on rows with their drain
        List<CpuMeter.Sample[]> expansion = new ArrayList<>();
        List<CpuMeter.Sample[]> sending = new ArrayList<>();
        List<CpuMeter.Sample[]> onWithDrain = new ArrayList<>();
        long heldNotices = 0;
        long onCompletions = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            List<Mode> order = round % 2 == 1 ? List.of(Mode.ON, Mode.HELD, Mode.OFF) : List.of(Mode.OFF, Mode.HELD, Mode.ON);
            for (Mode mode : order) {
                notices.set(mode != Mode.OFF);
                notices.holdExpansion(mode == Mode.HELD);
                notices.holdSending(mode == Mode.HELD);
                Instant rowStarted = Instant.now();
                CpuMeter.Sample beforeWarmUp = cpu.sample();
                CpuMeter.Sample[] rowCpu = new CpuMeter.Sample[2];
                Figure row;
                try {
                    row = Load.run(CASE, channel(mode) + ", round " + round, users, scale.warmUpOps(), perRow,
                            scale.maxTime(), remembering(rowCpu), (user, n) -> completeNext(pool));
                } finally {
                    notices.set(true);
                }
                report.add(row.withNote(CpuMeter.perOperation(rowCpu[0], rowCpu[1], row.operations())));
                // what the row left to the dispatcher is done before the next row starts, and measured
                if (mode == Mode.HELD) {
                    notices.holdExpansion(false);
                    awaitNoEvents();
                    CpuMeter.Sample expanded = cpu.sample();
                    notices.holdSending(false);
                    drained(rowStarted, "a held row's notices");
                    expansion.add(new CpuMeter.Sample[] {rowCpu[1], expanded});
                    sending.add(new CpuMeter.Sample[] {expanded, cpu.sample()});
                    heldNotices += noticesSince(rowStarted);
                } else {
                    drained(rowStarted, "between rows");
                    if (mode == Mode.ON) {
                        // the warm-up's notices are sent in this span too: its completions are counted
                        onWithDrain.add(new CpuMeter.Sample[] {beforeWarmUp, cpu.sample()});
                        onCompletions += row.operations() + scale.warmUpOps();
                    }
                }
            }
        }
        report.add(drained(completions, "notices of the completions"));
        report.add(Figure.value(CASE, EXPANSION, spent(expansion, heldNotices, "notices")));
        report.add(Figure.value(CASE, SENDING, spent(sending, heldNotices, "notices")));
        report.add(Figure.value(CASE, WITH_DRAIN, spent(onWithDrain, onCompletions, "completions")));
        judge(users);
    }

    /** Completes the next task of the pool; false when the pool ran dry. */
    private boolean completeNext(ConcurrentLinkedQueue<String> pool) {
        String task = pool.poll();
        if (task == null) {
            return false;
        }
        engine.getTaskService().complete(task, new HashMap<>(formValues));
        return true;
    }

    private static String channel(Mode mode) {
        return switch (mode) {
            case ON -> COMPLETE_ON;
            case HELD -> COMPLETE_HELD;
            case OFF -> COMPLETE_OFF;
        };
    }

    /** A meter that keeps its two samples for the caller. */
    private Load.Meter remembering(CpuMeter.Sample[] samples) {
        return new Load.Meter() {
            @Override
            public void start() {
                samples[0] = cpu.sample();
            }

            @Override
            public String stop(long operations) {
                samples[1] = cpu.sample();
                return "";
            }
        };
    }

    private static String spent(List<CpuMeter.Sample[]> spans, long operations, String what) {
        return CpuMeter.perOperation(CpuMeter.Sample.NONE, CpuMeter.sum(spans), operations)
                + String.format(Locale.ROOT, " (%d %s over %d rows)", operations, what, spans.size());
    }

    /** The notices written since {@code since} (the completions' events turned into notices). */
    private long noticesSince(Instant since) {
        return jdbc.queryForObject("select count(*) from notification_outbox where created_at >= ?", Long.class,
                Timestamp.from(since));
    }

    private void awaitNoEvents() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (Instant.now().isBefore(deadline)
                && jdbc.queryForObject("select count(*) from notification_event", Long.class) > 0) {
            Thread.sleep(POLL_MILLIS);
        }
    }

    /**
     * A backlog, as after the mail server was down for a while: {@code count} notices written in one
     * transaction straight into the table, then drained by the platform's dispatchers (next poll).
     */
    private Figure backlogDrained(int count) throws InterruptedException {
        Instant since = Instant.now();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String code = world.staffed().get(i % world.staffed().size());
            rows.add(new Object[] {code, Population.cso(code), Population.cso(code) + "@example.org", "Backlog notice " + i,
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
            Thread.sleep(POLL_MILLIS);
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
        double on = sum(COMPLETE_ON, users);
        double held = sum(COMPLETE_HELD, users);
        double off = sum(COMPLETE_OFF, users);
        report.aim("task completions with the notifier >= 0.9 x without (Java API, " + users + " users, same run)",
                on >= 0.9 * off, String.format(Locale.ROOT, "on %.0f/s vs off %.0f/s (%.2f); dispatcher held %.0f/s (%.2f)",
                        on / ROUNDS, off / ROUNDS, on / off, held / ROUNDS, held / off));
        // The openings' drains only keep pace with the notices as they are written; a backlog shows the dispatch's own rate.
        double drain = report.figures().stream().filter(f -> f.channel().startsWith(DRAIN) && f.channel().contains("backlog"))
                .mapToDouble(Figure::opsPerSecond).findFirst().orElse(Double.NaN);
        report.aim("the outbox drains >= 50 mails/s to a local SMTP server", drain >= 50,
                String.format(Locale.ROOT, "backlog drained at %.0f mails/s", drain));
    }

    private double sum(String channel, int users) {
        double total = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            total += report.find(CASE, channel + ", round " + round, users).opsPerSecond();
        }
        return total;
    }
}
