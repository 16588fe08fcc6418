package org.uprflow.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.uprflow.cycle.PreSessionProcess;
import org.uprflow.cycle.UprCycleProcess;
import org.uprflow.testing.Client;
import org.uprflow.testing.TaskForms;

/**
 * Case 1: opening cycles and completing their first user task (Submit the stakeholder report,
 * with the values its form requires), through the platform's authenticated REST API and through
 * the engine's Java API with no HTTP and no security, at each number of users in turn, so that
 * both channels see the same machine at the same moment. Also what authentication alone costs.
 */
final class CycleThroughput {

    static final String CASE = "1 cycle";
    static final String JAVA_OPEN = "Java API: open a cycle (start upr-cycle)";
    static final String REST_OPEN = "REST: POST /api/countries/{cc}/cycles";
    static final String JAVA_COMPLETE = "Java API: complete a task with its form values";
    static final String REST_COMPLETE = "REST: POST /engine-rest/task/{id}/complete";
    /** The peer of the platform's REST row (issue 15): {@link StockCamundaRest}, same engine, same database. */
    static final String STOCK_REST_COMPLETE = "stock Camunda REST (starter + Camunda's HTTP Basic filter, no platform "
            + "code): POST /engine-rest/task/{id}/complete";
    static final String JAVA_COMPLETE_AS_CSO = "Java API as the CSO: complete (authorization + tenant checks on)";
    static final String AUTHENTICATE = "in-process: HTTP Basic check (password + groups + tenants)";
    static final String AUTHENTICATE_SEPARATELY = "in-process: the same three lookups, a transaction each";
    static final String REST_FLOOR = "REST: GET /engine-rest/version (HTTP + Basic, no work)";
    static final String CUSTOM_PLANS = " [plan_cache_mode=force_custom_plan, as before]";
    static final String AT_INBOX_SCALE = ", at the inbox's scale";
    static final String JAVA_COMPLETE_UNTUNED = "Java API: complete, untuned bare engine (no platform index, auto plans)";
    /** The completion rows with the data checks of task completion on (as shipped) and off (this harness only). */
    static final String DATA_CHECKS_ON = ", data checks on (as shipped)";
    static final String DATA_CHECKS_OFF = ", data checks off (benchmark only)";
    static final String OVER_THE_ROUNDS = ", over the rounds";
    /** The aim's ratio (issue 15): the platform's REST completion over stock Camunda REST's, alternating rounds. */
    static final String PLATFORM_VS_STOCK = "ratio platform REST/stock Camunda REST, alternating rounds (the aim: >= 1.0)";
    /** Rounds of the on/off pairs, the order alternating, each with a quarter of a row's operations and time. */
    static final int DATA_CHECK_ROUNDS = 4;
    /** Every index of the platform's script is off for the untuned row. */
    static final String INDEXES = "uprflow_idx_";
    private static final int PROFILED_USERS = 8;
    private static final String FORM = "submit-stakeholder-report";
    private static final int CYCLE_NUMBERS = 9;
    private static final int PREFILL_BATCH = 50;
    /** The rows of one user level that complete tasks from the pool, so that each gets its share. */
    private static final int COMPLETION_ROWS = 7;

    private final ProcessEngine engine;
    private final AuthenticationProvider authentication;
    private final TransactionTemplate transaction;
    private final Client client;
    private final Client stock;
    private final Population world;
    private final Scale scale;
    private final Report report;
    private final String reviewDate = LocalDate.now().plusYears(1).toString();
    private final Map<String, Object> formValues = TaskForms.validInput(FORM);
    private final String completionBody;
    private final ConcurrentLinkedQueue<String[]> restCycleSlots = new ConcurrentLinkedQueue<>();
    /** Open stakeholder-report tasks not yet handed out: {task id, country}. */
    private final ConcurrentLinkedQueue<String[]> openTasks = new ConcurrentLinkedQueue<>();
    private final Set<String> handedOut = new HashSet<>();
    private final AtomicLong javaCycles = new AtomicLong();
    private final PlanCacheMode planCache;
    private final CpuMeter cpu;
    private final PlatformIndexes indexes;
    private final CompletionDataChecks dataChecks;

    CycleThroughput(ProcessEngine engine, AuthenticationProvider authentication, PlatformTransactionManager transactions,
            Client client, Client stock, Population world, Scale scale, Report report, PlanCacheMode planCache, CpuMeter cpu,
            DataSource dataSource, CompletionDataChecks dataChecks) {
        this.engine = engine;
        this.dataChecks = dataChecks;
        this.planCache = planCache;
        this.cpu = cpu;
        this.indexes = new PlatformIndexes(dataSource);
        this.authentication = authentication;
        this.transaction = new TransactionTemplate(transactions);
        this.client = client;
        this.stock = stock;
        this.world = world;
        this.scale = scale;
        this.report = report;
        this.completionBody = TaskForms.engineRestVariables(formValues);
        // cycle number first, so that concurrent users open cycles of different countries
        for (int number = 1; number <= CYCLE_NUMBERS; number++) {
            for (String code : world.staffed()) {
                restCycleSlots.add(new String[] {code, Integer.toString(number)});
            }
        }
    }

    void run() throws Exception {
        checkStockRestAuthenticates();
        prefill(scale.maxOps() * 3L * COMPLETION_ROWS / 6);
        indexes.execute("analyze"); // what autovacuum does after thousands of new rows (some servers run without it)
        List<String> countries = world.staffed();
        long restOpensPerLevel = restCycleSlots.size() / scale.users().size();
        for (int users : scale.users()) {
            Duration time = scale.maxTime();
            planCache.use(PlanCacheMode.SHIPPED);
            report.add(Load.run(CASE, JAVA_OPEN, users, scale.warmUpOps(), scale.maxOps(), time, cpu.meter(), (user, n) -> {
                openByJava(countries.get((int) (n % countries.size())));
                return true;
            }));
            report.add(Load.run(CASE, REST_OPEN, users, Math.min(scale.warmUpOps(), users), Math.min(scale.maxOps(),
                    restOpensPerLevel), time, cpu.meter(), (user, n) -> {
                String[] slot = restCycleSlots.poll();
                if (slot == null) {
                    return false;
                }
                client.expect(201, client.post(Client.basic(Population.manager(slot[0]), Population.PASSWORD),
                        "/api/countries/" + slot[0] + "/cycles", "{\"cycleNumber\":" + slot[1]
                                + ",\"wgSession\":40,\"reviewDate\":\"" + reviewDate + "\"}"), "opening " + slot[0]);
                return true;
            }));
            collectOpenTasks();
            // the completion rows share the pool, so that none finds it empty
            long share = Math.max(1, Math.min(scale.maxOps(), openTasks.size() / COMPLETION_ROWS - scale.warmUpOps()));
            // The same completions as shipped (PostgreSQL's default planning) and with custom plans forced on
            // every statement, as the postgres profile did before: what planning every statement costs.
            for (String mode : List.of(PlanCacheMode.SHIPPED, PlanCacheMode.CUSTOM)) {
                planCache.use(mode);
                String suffix = mode.equals(PlanCacheMode.SHIPPED) ? "" : CUSTOM_PLANS;
                profiled(users, "java-complete-" + mode, () -> Load.run(CASE, JAVA_COMPLETE + suffix, users,
                        scale.warmUpOps(), share, time, cpu.meter(), (user, n) -> completeByJava()));
                profiled(users, "rest-complete-" + mode, () -> Load.run(CASE, REST_COMPLETE + suffix, users,
                        scale.warmUpOps(), share, time, cpu.meter(), (user, n) -> completeByRest(client)));
                if (mode.equals(PlanCacheMode.SHIPPED)) {
                    profiled(users, "stock-rest-complete", () -> Load.run(CASE, STOCK_REST_COMPLETE, users,
                            scale.warmUpOps(), share, time, cpu.meter(), (user, n) -> completeByRest(stock)));
                }
            }
            // The bare engine as it comes: none of the platform's indexes on its tables, PostgreSQL's default planning.
            planCache.use(PlanCacheMode.AUTO);
            indexes.drop(INDEXES);
            profiled(users, "java-complete-untuned", () -> Load.run(CASE, JAVA_COMPLETE_UNTUNED, users, scale.warmUpOps(),
                    share, time, cpu.meter(), (user, n) -> completeByJava()));
            indexes.create(INDEXES);
            planCache.use(PlanCacheMode.SHIPPED);
            // The engine's own checks without HTTP: splits the platform's overhead into checks and transport.
            report.add(Load.run(CASE, JAVA_COMPLETE_AS_CSO, users, scale.warmUpOps(), share, time, cpu.meter(), (user, n) -> {
                String[] task = openTasks.poll();
                if (task == null) {
                    return false;
                }
                engine.getIdentityService().setAuthentication(Population.cso(task[1]), List.of(task[1] + "-cso"),
                        List.of(task[1]));
                try {
                    engine.getTaskService().complete(task[0], new HashMap<>(formValues));
                } finally {
                    engine.getIdentityService().clearAuthentication();
                }
                return true;
            }));
            report.add(Load.run(CASE, AUTHENTICATE, users, scale.warmUpOps(), scale.maxOps(), time, cpu.meter(), (user, n) -> {
                String code = countries.get((int) (n % countries.size()));
                authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(Population.cso(code),
                        Population.PASSWORD));
                return true;
            }));
            // What the check cost before its three lookups shared a transaction: each its own, as the engine does.
            report.add(Load.run(CASE, AUTHENTICATE_SEPARATELY, users, scale.warmUpOps(), scale.maxOps(), time, cpu.meter(),
                    (user, n) -> {
                        String cso = Population.cso(countries.get((int) (n % countries.size())));
                        IdentityService identity = engine.getIdentityService();
                        return identity.checkPassword(cso, Population.PASSWORD)
                                && !identity.createGroupQuery().groupMember(cso).list().isEmpty()
                                && !identity.createTenantQuery().userMember(cso).includingGroupsOfUser(true).list().isEmpty()
                                || fail("not a CSO with a country: " + cso);
                    }));
            report.add(Load.run(CASE, REST_FLOOR, users, scale.warmUpOps(), scale.maxOps(), time, cpu.meter(), (user, n) -> {
                String code = countries.get((int) (n % countries.size()));
                client.expect(200, client.get(Client.basic(Population.cso(code), Population.PASSWORD), "/engine-rest/version"),
                        "version");
                return true;
            }));
            completeWithAndWithoutDataChecks(users);
            completeAgainstStock(users);
            ratio(users, "open a cycle", JAVA_OPEN, REST_OPEN);
            ratio(users, "complete a task (both as shipped)", JAVA_COMPLETE, REST_COMPLETE);
            ratioRow(users, "ratio platform REST/stock Camunda REST: complete a task, one row each", STOCK_REST_COMPLETE,
                    REST_COMPLETE);
            ratioRow(users, "ratio stock Camunda REST/Java API: complete a task", JAVA_COMPLETE, STOCK_REST_COMPLETE);
            ratio(users, "complete, both with custom plans forced", JAVA_COMPLETE + CUSTOM_PLANS, REST_COMPLETE + CUSTOM_PLANS);
            ratio(users, "complete, REST as shipped vs untuned bare engine (the aim)", JAVA_COMPLETE_UNTUNED, REST_COMPLETE);
            ratio(users, "complete, REST with custom plans forced vs untuned bare engine", JAVA_COMPLETE_UNTUNED,
                    REST_COMPLETE + CUSTOM_PLANS);
            ratio(users, "complete, Java API: custom plans forced vs auto", JAVA_COMPLETE, JAVA_COMPLETE + CUSTOM_PLANS);
            ratio(users, "complete, Java API: platform indexes vs none (both auto)", JAVA_COMPLETE_UNTUNED, JAVA_COMPLETE);
        }
    }

    /**
     * Issue 10's speed aim: the completion rows (REST and Java API, as shipped) with the data checks of
     * task completion on and off ({@link CompletionDataChecks}), in rounds whose order alternates (on
     * then off, off then on), so that both see the same machine; per channel the rounds summed and the
     * ratio on/off (ops/s, and the median of the rounds' medians). The tasks are the pool's
     * (<em>Submit the stakeholder report</em>): a form no data check is about, so the rows measure
     * what every completion pays for the checks being there, not a data-bound task's own queries.
     */
    private void completeWithAndWithoutDataChecks(int users) throws Exception {
        prefill(4L * DATA_CHECK_ROUNDS * (perRound() + scale.warmUpOps()));
        collectOpenTasks();
        planCache.use(PlanCacheMode.SHIPPED);
        List<Row> rows = List.of(new Row(REST_COMPLETE, (user, n) -> completeByRest(client)),
                new Row(JAVA_COMPLETE, (user, n) -> completeByJava()));
        Map<String, List<Figure>> rounds;
        try {
            rounds = inAlternatingRounds(users, List.of(new Setting(DATA_CHECKS_ON, () -> dataChecks.set(true), rows),
                    new Setting(DATA_CHECKS_OFF, () -> dataChecks.set(false), rows)));
        } finally {
            dataChecks.set(true);
        }
        for (String channel : List.of(REST_COMPLETE, JAVA_COMPLETE)) {
            Figure on = summed(channel + DATA_CHECKS_ON, users, rounds.get(channel + DATA_CHECKS_ON));
            Figure off = summed(channel + DATA_CHECKS_OFF, users, rounds.get(channel + DATA_CHECKS_OFF));
            report.add(on);
            report.add(off);
            report.add(new Figure(CASE, "ratio data checks on/off: " + channel, users, 0, 0,
                    on.opsPerSecond() / off.opsPerSecond(), Double.NaN, Double.NaN, String.format(Locale.ROOT,
                            "ops/s column = throughput ratio (aim >= 0.9); median latency x%.2f", on.medianMs()
                                    / off.medianMs())));
        }
    }

    /**
     * Issue 15's comparison with the peer a user would run instead: the platform's REST completion and stock Camunda
     * REST's, in rounds whose order alternates, so that both see the same machine and the same state of the
     * database (one row after the other differed by 20-40 % on a two-core machine); summed per side, and their ratio.
     */
    private void completeAgainstStock(int users) throws Exception {
        prefill(2L * DATA_CHECK_ROUNDS * (perRound() + scale.warmUpOps()));
        collectOpenTasks();
        planCache.use(PlanCacheMode.SHIPPED);
        Map<String, List<Figure>> rounds = inAlternatingRounds(users, List.of(
                new Setting("", () -> { }, List.of(new Row(REST_COMPLETE, (user, n) -> completeByRest(client)))),
                new Setting("", () -> { }, List.of(new Row(STOCK_REST_COMPLETE, (user, n) -> completeByRest(stock))))));
        Figure platform = summed(REST_COMPLETE, users, rounds.get(REST_COMPLETE));
        Figure peer = summed(STOCK_REST_COMPLETE, users, rounds.get(STOCK_REST_COMPLETE));
        report.add(platform);
        report.add(peer);
        report.add(Figure.ratio(CASE, PLATFORM_VS_STOCK, users, peer, platform));
    }

    /** One row of a round: its name and what each of its operations does. */
    private record Row(String name, Load.Operation work) {
    }

    /** What a round switches to (a suffix of its rows' names, the switch), and the rows it runs then. */
    private record Setting(String suffix, Runnable apply, List<Row> rows) {
    }

    /** A row's share of operations in one of {@link #DATA_CHECK_ROUNDS} rounds. */
    private long perRound() {
        return Math.max(1, scale.maxOps() / DATA_CHECK_ROUNDS);
    }

    /**
     * The settings' rows in {@link #DATA_CHECK_ROUNDS} rounds, the settings' order alternating (first to last, then
     * last to first), each row with a round's share of operations and time; the figures per row and setting.
     */
    private Map<String, List<Figure>> inAlternatingRounds(int users, List<Setting> settings) throws Exception {
        Duration time = scale.maxTime().dividedBy(DATA_CHECK_ROUNDS);
        Map<String, List<Figure>> rounds = new HashMap<>();
        for (int round = 1; round <= DATA_CHECK_ROUNDS; round++) {
            List<Setting> order = new ArrayList<>(settings);
            if (round % 2 == 0) {
                Collections.reverse(order);
            }
            for (Setting setting : order) {
                setting.apply().run();
                for (Row row : setting.rows()) {
                    String name = row.name() + setting.suffix();
                    Figure figure = Load.run(CASE, name + ", round " + round, users, scale.warmUpOps(), perRound(), time,
                            cpu.meter(), row.work());
                    report.add(figure);
                    rounds.computeIfAbsent(name, k -> new ArrayList<>()).add(figure);
                }
            }
        }
        return rounds;
    }

    /** The rounds of one setting as one row: operations and time summed, the median of their medians, the worst p95. */
    private static Figure summed(String channel, int users, List<Figure> rounds) {
        long operations = rounds.stream().mapToLong(Figure::operations).sum();
        double seconds = rounds.stream().mapToDouble(Figure::seconds).sum();
        double[] medians = rounds.stream().mapToDouble(Figure::medianMs).sorted().toArray();
        double median = medians.length % 2 == 1 ? medians[medians.length / 2]
                : (medians[medians.length / 2 - 1] + medians[medians.length / 2]) / 2;
        return new Figure(CASE, channel + OVER_THE_ROUNDS, users, operations, seconds, operations / seconds, median,
                rounds.stream().mapToDouble(Figure::p95Ms).max().orElse(Double.NaN),
                rounds.size() + " rounds, order alternating");
    }

    private static boolean fail(String what) {
        throw new IllegalStateException(what);
    }

    /**
     * The aim's rows again once the inbox case has filled ACT_RU_TASK (100,000 open tasks): REST as
     * shipped, the Java API as shipped and the untuned bare engine, with what is left of the pool.
     */
    void completeAtInboxScale(int users) throws Exception {
        // The rows of run() used up the tasks made for them (these rows printed 0.0/s): three rows' worth of their own.
        prefill(3L * (scale.maxOps() + scale.warmUpOps()));
        collectOpenTasks();
        long share = Math.max(1, Math.min(scale.maxOps(), openTasks.size() / 3 - scale.warmUpOps()));
        // A row that finds the pool empty says so in its note instead of printing 0.0/s without a word.
        String open = engine.getTaskService().createTaskQuery().count() + " open tasks; " + openTasks.size()
                + " stakeholder-report tasks in the pool for the three rows";
        planCache.use(PlanCacheMode.SHIPPED);
        report.add(Load.run(CASE, REST_COMPLETE + AT_INBOX_SCALE, users, scale.warmUpOps(), share, scale.maxTime(),
                cpu.meter(), (user, n) -> completeByRest(client)).withNote(open));
        report.add(Load.run(CASE, JAVA_COMPLETE + AT_INBOX_SCALE, users, scale.warmUpOps(), share, scale.maxTime(),
                cpu.meter(), (user, n) -> completeByJava()).withNote(open));
        planCache.use(PlanCacheMode.AUTO);
        indexes.drop(INDEXES);
        report.add(Load.run(CASE, JAVA_COMPLETE_UNTUNED + AT_INBOX_SCALE, users, scale.warmUpOps(), share,
                scale.maxTime(), cpu.meter(), (user, n) -> completeByJava()).withNote(open));
        indexes.create(INDEXES);
        planCache.use(PlanCacheMode.SHIPPED);
        ratio(users, "complete at inbox scale, REST as shipped vs untuned bare engine",
                JAVA_COMPLETE_UNTUNED + AT_INBOX_SCALE, REST_COMPLETE + AT_INBOX_SCALE);
        Figure rest = report.find(CASE, REST_COMPLETE + AT_INBOX_SCALE, users);
        Figure bare = report.find(CASE, JAVA_COMPLETE_UNTUNED + AT_INBOX_SCALE, users);
        report.aim("task completions over secured REST (as shipped) at " + users + " users >= untuned bare engine, "
                + open, rest.opsPerSecond() >= bare.opsPerSecond(), String.format(Locale.ROOT,
                        "REST %.0f/s vs untuned Java API %.0f/s (%.2f)", rest.opsPerSecond(), bare.opsPerSecond(),
                        rest.opsPerSecond() / bare.opsPerSecond()));
    }

    /**
     * Completion rows over REST through another address of the same database (a load balancer, another node),
     * at one number of users, on cycles opened for them beforehand.
     */
    Figure completeThrough(Client other, String benchmarkCase, String channel, int users, Load.Meter meter) {
        prefill(scale.maxOps() + scale.warmUpOps());
        collectOpenTasks();
        return Load.run(benchmarkCase, channel, users, scale.warmUpOps(), Math.min(scale.maxOps(), openTasks.size()
                - scale.warmUpOps()), scale.maxTime(), meter, (user, n) -> completeByRest(other));
    }

    /** The stock row measures Camunda's check, so the check must refuse a wrong password and let a CSO in. */
    private void checkStockRestAuthenticates() {
        String cso = Population.cso(world.staffed().get(0));
        stock.expect(401, stock.get(Client.basic(cso, Population.PASSWORD + "-wrong"), "/engine-rest/task/count"),
                "stock REST, wrong password");
        stock.expect(200, stock.get(Client.basic(cso, Population.PASSWORD), "/engine-rest/task/count"), "stock REST, a CSO");
    }

    /** The next task of the pool completed over REST as its country's CSO; false when the pool is empty. */
    private boolean completeByRest(Client client) {
        String[] task = openTasks.poll();
        if (task == null) {
            return false;
        }
        client.expect(204, client.post(Client.basic(Population.cso(task[1]), Population.PASSWORD),
                "/engine-rest/task/" + task[0] + "/complete", completionBody), "completing " + task[0]);
        return true;
    }

    /** The next task of the pool completed through the Java API, no identity; false when the pool is empty. */
    private boolean completeByJava() {
        String[] task = openTasks.poll();
        if (task == null) {
            return false;
        }
        engine.getTaskService().complete(task[0], new HashMap<>(formValues));
        return true;
    }

    /**
     * With {@code -Dbenchmark.profile=true}, the row at 8 users (the aim's) runs under a JFR recording,
     * summarised into the report. Off by default: the recording (JFR's "profile" settings) made those
     * rows cost the JVM two to four times the CPU of the same work unrecorded (docs/benchmarks.md).
     */
    private void profiled(int users, String name, Callable<Figure> row) throws Exception {
        if (users != PROFILED_USERS || !Boolean.getBoolean("benchmark.profile")) {
            report.add(row.call());
            return;
        }
        Path file = Path.of("target", "benchmarks", "profile-" + name + "-" + users + ".jfr");
        report.add(Profile.record(file, row));
        String summary = Profile.summarise(file);
        Files.writeString(file.resolveSibling("profile-" + name + "-" + users + ".txt"), summary);
        report.add(Figure.value(CASE, "JFR profile of the row above (" + name + ", " + users + " users)",
                summary.lines().findFirst().orElse("") + "; details in " + file.resolveSibling("profile-" + name + "-"
                        + users + ".txt")));
    }

    /** Cycles opened through the Java API in batches, so that the completions have tasks to work on. */
    private void prefill(long cycles) {
        List<String> countries = world.staffed();
        AtomicLong left = new AtomicLong(cycles);
        report.add(Load.run("setup", "Java API: open cycles, " + PREFILL_BATCH + " per transaction", 2, 0,
                (cycles + PREFILL_BATCH - 1) / PREFILL_BATCH, Duration.ofMinutes(10), (user, n) -> {
                    if (left.getAndAdd(-PREFILL_BATCH) <= 0) {
                        return false;
                    }
                    transaction.executeWithoutResult(status -> {
                        for (int i = 0; i < PREFILL_BATCH; i++) {
                            openByJava(countries.get((int) ((n * PREFILL_BATCH + i) % countries.size())));
                        }
                    });
                    return true;
                }).withNote("ops are batches"));
    }

    private void openByJava(String code) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(UprCycleProcess.COUNTRY_CODE, code);
        variables.put(UprCycleProcess.CYCLE_NUMBER, 1);
        variables.put(UprCycleProcess.WG_SESSION, 40);
        variables.put(UprCycleProcess.REVIEW_DATE, reviewDate);
        engine.getRuntimeService().startProcessInstanceByKey(UprCycleProcess.KEY,
                code.toUpperCase(Locale.ROOT) + "-J" + javaCycles.incrementAndGet(), variables);
    }

    /** Every open stakeholder-report task not handed out yet goes into the pool, untimed. */
    private void collectOpenTasks() {
        for (Task task : engine.getTaskService().createTaskQuery()
                .taskDefinitionKey(PreSessionProcess.SUBMIT_STAKEHOLDER_REPORT).list()) {
            if (handedOut.add(task.getId())) {
                openTasks.add(new String[] {task.getId(), task.getTenantId()});
            }
        }
    }

    /** The platform's throughput as a fraction of the bare engine's: what HTTP and security cost. */
    private void ratio(int users, String work, String bare, String platform) {
        ratioRow(users, "ratio REST/Java API: " + work, bare, platform);
    }

    /** Throughput of {@code platform}'s row divided by {@code bare}'s, as a row of its own. */
    private void ratioRow(int users, String channel, String bare, String platform) {
        report.add(Figure.ratio(CASE, channel, users, report.find(CASE, bare, users), report.find(CASE, platform, users)));
    }
}
