package org.uprflow.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.transaction.PlatformTransactionManager;
import org.uprflow.engine.EngineIndexes;
import org.springframework.transaction.support.TransactionTemplate;
import org.uprflow.testing.Client;
import org.uprflow.testing.SqlCapture;

/**
 * Case 3: the list a CSO's Tasklist filter loads (candidate group of the country, the country's
 * tenant, the engine's authorization check, due date first, 15 a page), with {@code inboxTasks}
 * open tasks spread over 193 countries. Measured without and then with the platform's inbox
 * indexes ({@code uprflow_idx_auth_*} in {@code db/engine/postgres/engine-indexes.sql}, made by {@link EngineIndexes} at start), each with the EXPLAIN ANALYZE of the SQL the engine sends.
 */
final class InboxQuery {

    static final String CASE = "3 inbox";
    static final String PAGE = "in-process: CSO filter, first 15 by due date";
    static final String COUNT = "in-process: CSO filter, count";
    static final String REST_PAGE = "REST: POST /engine-rest/filter/{id}/list?maxResults=15";
    static final String TASKLIST_PAGE = "REST as Tasklist asks: the same, HAL, active, created newest first";
    /**
     * What Tasklist 7.24 sends with a filter's page (its taskListQuery: the search's empty variable lists, active tasks,
     * its default sorting) and reads as HAL, which embeds the tasks' process definitions and assignees.
     */
    static final String TASKLIST_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"active\":true,\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
    static final String HAL = "application/hal+json";
    private static final String FIXTURE = "benchmark/inbox-task.bpmn";
    private static final int BATCH = 250;
    private static final int COPIES_PER_TASK = 9;
    /** The inbox's indexes in the platform's script, by the start of their names. */
    static final String INDEXES = "uprflow_idx_auth_";

    private final ProcessEngine engine;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final Client client;
    private final Population world;
    private final Scale scale;
    private final Report report;
    private final PlanCacheMode planCache;
    private final PlatformIndexes indexes;

    InboxQuery(ProcessEngine engine, DataSource dataSource, PlatformTransactionManager transactions, Client client,
            Population world, Scale scale, Report report, PlanCacheMode planCache) {
        this.planCache = planCache;
        this.indexes = new PlatformIndexes(dataSource);
        this.engine = engine;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
        this.client = client;
        this.world = world;
        this.scale = scale;
        this.report = report;
    }

    void run() throws Exception {
        generate();
        explainSubtaskLookup();
        String country = world.staffed().get(0);
        String cso = Population.cso(country);
        String filterId = roleFilterOf(country, cso);
        List<String> names = indexes.names(INDEXES);

        indexes.drop(INDEXES);
        analyze();
        planCache.use(PlanCacheMode.SHIPPED);
        measure("without inbox indexes", "before", country, cso, filterId);
        indexes.create(INDEXES);
        analyze();
        // The index is usable only with plans made for the statement's values: first with custom plans forced
        // on every statement (as the postgres profile did before), then as it ships (only the task list planned
        // for its values: CustomPlansForTaskQueries), last, so that it is the figure the aim reads.
        planCache.use(PlanCacheMode.CUSTOM);
        measure("with " + names + ", plan_cache_mode=force_custom_plan", "after-custom-plans", country, cso, filterId);
        planCache.use(PlanCacheMode.SHIPPED);
        measure("with " + names, "after", country, cso, filterId);
    }

    /**
     * One task in {@value #COPIES_PER_TASK} + 1 is a real instance started through the engine
     * ({@value #BATCH} a transaction, round the 193 countries); the others are copies of those
     * tasks made in SQL, each with its own id, a later due date, its own candidate-group link and
     * its own task authorization, exactly the rows the engine writes for a task and the only
     * tables the inbox query reads. They share their template's execution, so they are for
     * reading only (the run never completes them).
     */
    private void generate() throws SQLException {
        engine.getRepositoryService().createDeployment().name("benchmark-inbox").addClasspathResource(FIXTURE).deploy();
        long open = engine.getTaskService().createTaskQuery().count();
        long wanted = Math.max(0, scale.inboxTasks() - open);
        long templates = (wanted + COPIES_PER_TASK) / (COPIES_PER_TASK + 1);
        AtomicLong left = new AtomicLong(templates);
        Instant now = Instant.now();
        List<String> countries = world.countries;
        report.add(Load.run("setup", "Java API: start one-task instances, " + BATCH + " per transaction", 2, 0,
                (templates + BATCH - 1) / BATCH, Duration.ofMinutes(30), (user, n) -> {
                    long take = Math.min(BATCH, left.getAndAdd(-BATCH));
                    if (take <= 0) {
                        return false;
                    }
                    transaction.executeWithoutResult(status -> {
                        for (int i = 0; i < take; i++) {
                            long k = n * BATCH + i;
                            // due dates spread over the coming year, a different hour for each task
                            Date due = Date.from(now.plus(k * 7919 % (365 * 24), ChronoUnit.HOURS));
                            engine.getRuntimeService().startProcessInstanceByKey("inbox-task",
                                    Map.of("countryCode", countries.get((int) (k % countries.size())), "due", due));
                        }
                    });
                    return true;
                }).withNote("ops are batches of " + BATCH + "; open tasks before: " + open));
        long started = System.nanoTime();
        String copies = "generate_series(1, " + COPIES_PER_TASK + ") g";
        String templateTask = "t.task_def_key_ = 'Task_ReviewRecommendation' and t.id_ not like '%-c%'";
        execute("insert into act_ru_task (id_, rev_, execution_id_, proc_inst_id_, proc_def_id_, name_, task_def_key_, "
                + "priority_, create_time_, last_updated_, due_date_, suspension_state_, tenant_id_, task_state_) "
                + "select t.id_ || '-c' || g, 1, t.execution_id_, t.proc_inst_id_, t.proc_def_id_, t.name_, "
                + "t.task_def_key_, t.priority_, t.create_time_, t.last_updated_, t.due_date_ + g * interval '7 hours', "
                + "t.suspension_state_, t.tenant_id_, t.task_state_ from act_ru_task t cross join " + copies
                + " where " + templateTask);
        execute("insert into act_ru_identitylink (id_, rev_, group_id_, type_, user_id_, task_id_, tenant_id_) "
                + "select i.id_ || '-c' || g, 1, i.group_id_, i.type_, i.user_id_, i.task_id_ || '-c' || g, i.tenant_id_ "
                + "from act_ru_identitylink i join act_ru_task t on t.id_ = i.task_id_ cross join " + copies
                + " where " + templateTask);
        execute("insert into act_ru_authorization (id_, rev_, type_, group_id_, user_id_, resource_type_, resource_id_, "
                + "perms_, removal_time_, root_proc_inst_id_) select a.id_ || '-c' || g, 1, a.type_, a.group_id_, "
                + "a.user_id_, a.resource_type_, a.resource_id_ || '-c' || g, a.perms_, a.removal_time_, a.root_proc_inst_id_ "
                + "from act_ru_authorization a join act_ru_task t on t.id_ = a.resource_id_ and a.resource_type_ = 7 "
                + "cross join " + copies + " where " + templateTask);
        long total = engine.getTaskService().createTaskQuery().count();
        report.add(Figure.value("setup", "SQL: copy each started task " + COPIES_PER_TASK + " times",
                String.format(Locale.ROOT, "%.1f s; open tasks now %d", (System.nanoTime() - started) / 1e9, total)));
        report.note("openTasksForInbox", total);
    }

    /** The filter Tasklist opens first for the country's CSOs, as the CSO sees it. */
    private String roleFilterOf(String country, String cso) {
        engine.getIdentityService().setAuthentication(cso, List.of(country + "-cso"), List.of(country));
        try {
            return engine.getFilterService().createTaskFilterQuery().list().stream()
                    .filter(filter -> "role-tasks".equals(filter.getProperties().get("uprflowView")))
                    .map(Filter::getId).findFirst().orElseThrow();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private void measure(String variant, String plans, String country, String cso, String filterId) throws Exception {
        List<String> groups = List.of(country + "-cso");
        List<String> tenants = List.of(country);
        for (int users : scale.users()) {
            report.add(Load.run(CASE, PAGE, users, scale.warmUpOps(), scale.inboxQueries(), scale.maxTime(), (user, n) -> {
                engine.getIdentityService().setAuthentication(cso, groups, tenants);
                try {
                    engine.getFilterService().listPage(filterId, 0, 15);
                } finally {
                    engine.getIdentityService().clearAuthentication();
                }
                return true;
            }).withNote(variant));
        }
        report.add(Load.run(CASE, COUNT, 1, scale.warmUpOps(), scale.inboxQueries(), scale.maxTime(), (user, n) -> {
            engine.getIdentityService().setAuthentication(cso, groups, tenants);
            try {
                engine.getFilterService().count(filterId);
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
            return true;
        }).withNote(variant));
        String authorization = Client.basic(cso, Population.PASSWORD);
        for (int users : scale.users()) {
            report.add(Load.run(CASE, REST_PAGE, users, scale.warmUpOps(), scale.inboxQueries(), scale.maxTime(),
                    (user, n) -> {
                        client.expect(200, client.post(authorization, "/engine-rest/filter/" + filterId
                                + "/list?firstResult=0&maxResults=15", "{}"), "inbox");
                        return true;
                    }).withNote(variant));
        }
        for (int users : List.of(1, 8)) {
            report.add(Load.run(CASE, TASKLIST_PAGE, users, scale.warmUpOps(), scale.inboxQueries(), scale.maxTime(),
                    (user, n) -> {
                        client.expect(200, client.post(authorization, "/engine-rest/filter/" + filterId
                                + "/list?firstResult=0&maxResults=15", TASKLIST_BODY, HAL), "inbox as Tasklist asks");
                        return true;
                    }).withNote(variant));
        }
        explain(variant, plans, cso, groups, tenants, filterId);
    }

    /** EXPLAIN ANALYZE of the list and count statements the engine sends for the filter; the plans go to target/benchmarks. */
    private void explain(String variant, String planFile, String cso, List<String> groups, List<String> tenants, String filterId)
            throws Exception {
        engine.getIdentityService().setAuthentication(cso, groups, tenants);
        List<String> statements;
        try {
            statements = SqlCapture.statements(SqlCapture.ENGINE_STATEMENTS, () -> {
                engine.getFilterService().listPage(filterId, 0, 15);
                return engine.getFilterService().count(filterId);
            });
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        StringBuilder plans = new StringBuilder();
        List<String> times = new ArrayList<>();
        List<String> innerJoinTimes = new ArrayList<>();
        for (String sql : statements) {
            String plan = SqlCapture.explainAnalyze(dataSource, sql);
            String table = sql.replaceAll("(?is).*? from\\s+(\\w+).*", "$1");
            times.add(String.format(Locale.ROOT, "%s %.1f ms", table, SqlCapture.executionTime(plan)));
            plans.append("-- ").append(variant).append('\n').append(sql).append("\n\n").append(plan).append("\n\n");
            // What the engine sends instead with cmmnEnabled=false and standaloneTasksEnabled=false
            // (TaskQueryImpl.isQueryForProcessTasksOnly): the process definition inner-joined.
            String processTasksOnly = sql.replace("left join ACT_RE_PROCDEF D", "inner join ACT_RE_PROCDEF D");
            if (processTasksOnly.equals(sql)) {
                continue;
            }
            String innerPlan = SqlCapture.explainAnalyze(dataSource, processTasksOnly);
            innerJoinTimes.add(String.format(Locale.ROOT, "%.1f ms", SqlCapture.executionTime(innerPlan)));
            plans.append("-- ").append(variant).append(", process tasks only (inner join)\n").append(innerPlan)
                    .append("\n\n");
        }
        Path file = Path.of("target", "benchmarks", "inbox-plans-" + planFile + ".txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, plans.toString());
        report.add(Figure.value(CASE, "EXPLAIN ANALYZE of every statement of a list + count",
                variant + ": execution " + String.join(", ", times) + "; with CMMN and standalone tasks off "
                        + String.join(", ", innerJoinTimes) + "; plans in " + file));
    }

    /**
     * What every completion asks first (TaskManager.deleteTask: the task's subtasks), with this
     * many open tasks, with the platform's index and with the planner kept off it (what the
     * engine's own schema gives: no index on the column).
     */
    private void explainSubtaskLookup() throws SQLException {
        String sql = "select * from ACT_RU_TASK where PARENT_TASK_ID_ = 'no-such-task'";
        String with = SqlCapture.explainAnalyze(dataSource, sql);
        String without = SqlCapture.explainAnalyze(dataSource, sql, "set local enable_indexscan = off",
                "set local enable_bitmapscan = off");
        report.add(Figure.value(CASE, "EXPLAIN ANALYZE: a completion's subtask lookup (TaskManager.deleteTask)",
                String.format(Locale.ROOT, "%d open tasks: %.2f ms with uprflow_idx_task_parent, %.1f ms without "
                        + "(sequential scan)", engine.getTaskService().createTaskQuery().count(),
                        SqlCapture.executionTime(with), SqlCapture.executionTime(without))));
    }

    /** What autovacuum does in production: statistics, and the visibility map that index-only scans need. */
    private void analyze() throws SQLException {
        execute("vacuum analyze act_ru_task, act_ru_identitylink, act_ru_authorization, act_re_procdef");
    }

    private void execute(String sql) throws SQLException {
        indexes.execute(sql);
    }
}
