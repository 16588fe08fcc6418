package org.uprflow.benchmark;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.uprflow.cycle.CoordinationMeetingProcess;
import org.uprflow.cycle.PreSessionProcess;
import org.uprflow.cycle.ReviewAndPositionsProcess;
import org.uprflow.cycle.UprCycleProcess;
import org.uprflow.testing.Client;
import org.uprflow.testing.Http;
import org.uprflow.testing.TaskForms;
import org.uprflow.testing.World;

/**
 * Case 5 (issue 5's "Scale"): the programme managers' dashboard with every country on the
 * platform, four cycles each and about 250 recommendations per review, read over REST by a
 * manager of all countries (the overview) and for one country (its page).
 *
 * <p>How the data is made: the fourth (current) cycle of every country is real: opened through
 * {@code POST /api/countries/{cc}/cycles} and walked forward through the engine's Java API with
 * values its forms accept, to one of five phases in turn (pre-session, positions, coordination
 * meeting, matrix agreement, monitoring), so its tasks, history and meetings are the engine's and
 * the listener's own. Cycles 1 to 3 are closed ones made by SQL: their {@code cycle} rows, and
 * the engine history of the most advanced real cycle copied under new instance ids (every
 * activity ended), so {@code ACT_HI_ACTINST} holds four cycles' worth per country. Recommendations
 * (with a theme each), a matrix per cycle (25 rows, each linked to ten recommendations) and the
 * meetings of the closed cycles go in as JDBC batches.
 */
final class DashboardAtScale {

    static final String CASE = "5 dashboard";
    static final String OVERVIEW = "REST: GET /api/dashboard (manager of all countries)";
    static final String COUNTRY = "REST: GET /api/dashboard/countries/{cc}";
    static final String MANAGER = "all.pm";
    private static final int CYCLES = 4;
    private static final int MATRIX_ROWS = 25;
    private static final int BATCH = 1_000;
    private static final String[] STOPS = {PreSessionProcess.SUBMIT_STAKEHOLDER_REPORT,
            ReviewAndPositionsProcess.RECORD_POSITIONS, CoordinationMeetingProcess.HOLD_CSO_FOLLOW_UP_WORKSHOP,
            UprCycleProcess.AGREE_MATRIX_CSO, UprCycleProcess.REPORT_PROGRESS};
    private static final String[] STATUSES = {"FULLY_IMPLEMENTED", "PARTIALLY_IMPLEMENTED", "IN_PROCESS",
            "LITTLE_OR_NO_ACTION", "NOT_STARTED"};
    private static final String[] MEETINGS = {"PRE_SESSION", "IMPLEMENTATION_PLAN_WORKSHOP", "COORDINATION_CSO_WORKSHOP",
            "GOVERNMENT_TRAINING", "COORDINATION_DIALOGUE", "FOLLOW_UP_MEETING"};

    private final ProcessEngine engine;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Client client;
    private final Population world;
    private final Scale scale;
    private final Report report;
    private final int recommendations;
    /** Every country in the full run; the first 20 in the smoke run. */
    private final List<String> countries;
    private final LocalDate currentReview = LocalDate.now().plusMonths(8);

    DashboardAtScale(ProcessEngine engine, DataSource dataSource, PlatformTransactionManager transactions, Client client,
            Population world, Scale scale, Report report) {
        this.engine = engine;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(transactions);
        this.client = client;
        this.world = world;
        this.scale = scale;
        this.report = report;
        this.recommendations = scale.name().equals("full") ? 250 : 20;
        this.countries = scale.name().equals("full") ? world.countries : world.countries.subList(0, 20);
    }

    void run() {
        String manager = Client.basic(MANAGER, Population.PASSWORD);
        managerOfAllCountries(Population.admin(client));
        registersAndMatrices();
        openCurrentCycles(Http.over(client).as(MANAGER, Population.PASSWORD));
        String template = walkCurrentCycles();
        closedCycles(template);
        jdbc.execute("analyze");
        report.note("dashboardData", jdbc.queryForMap("select (select count(*) from cycle) as cycles, "
                + "(select count(*) from recommendation) as recommendations, (select count(*) from matrix_entry) as "
                + "matrix_rows, (select count(*) from meeting) as meetings, (select count(*) from act_ru_task) as "
                + "open_tasks, (select count(*) from act_hi_actinst) as activity_history, (select count(*) from "
                + "act_hi_taskinst) as task_history"));

        String country = countries.get(STOPS.length - 1);
        int queries = scale.name().equals("full") ? 200 : 20;
        for (int users : List.of(1, 8)) {
            report.add(Load.run(CASE, OVERVIEW, users, scale.warmUpOps(), queries, scale.maxTime(), (user, n) -> {
                client.expect(200, client.get(manager, "/api/dashboard"), "overview");
                return true;
            }).withNote(countries.size() + " countries"));
            report.add(Load.run(CASE, COUNTRY, users, scale.warmUpOps(), queries, scale.maxTime(), (user, n) -> {
                client.expect(200, client.get(manager, "/api/dashboard/countries/" + country), "country page");
                return true;
            }).withNote(country.toUpperCase(Locale.ROOT) + ", in monitoring"));
        }
        int bytes = client.get(manager, "/api/dashboard").body().length();
        report.note("dashboardOverviewBytes", bytes);
    }

    /** One manager who belongs to every country: the REST calls an admin would make. */
    private void managerOfAllCountries(Http.Caller admin) {
        String first = countries.get(0);
        World.addParticipant(admin, first, new World.Person(MANAGER, "PROGRAMME_MANAGER", "All", "Countries",
                "all.pm@example.org", Population.PASSWORD)).expect("creating " + MANAGER, 201);
        ConcurrentLinkedQueue<String> todo = new ConcurrentLinkedQueue<>(countries.subList(1, countries.size()));
        report.add(Load.run("setup", "REST: make " + MANAGER + " a programme manager of every country", 4, 0,
                countries.size(), Duration.ofMinutes(10), (user, n) -> {
                    String code = todo.poll();
                    if (code == null) {
                        return false;
                    }
                    World.addToCountry(admin, code, MANAGER, "PROGRAMME_MANAGER").expect(code, 201);
                    return true;
                }));
    }

    /** Recommendations with positions and a theme, and a matrix version per cycle, by JDBC batch. */
    private void registersAndMatrices() {
        long started = System.nanoTime();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Object[]> recs = new ArrayList<>();
        List<Object[]> themes = new ArrayList<>();
        List<Object[]> versions = new ArrayList<>();
        List<Object[]> entries = new ArrayList<>();
        List<Object[]> links = new ArrayList<>();
        for (String code : countries) {
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                List<UUID> ofCycle = new ArrayList<>();
                for (int i = 0; i < recommendations; i++) {
                    UUID id = UUID.randomUUID();
                    ofCycle.add(id);
                    recs.add(new Object[] {id, code, cycle, i + 1, 40, "Recommendation " + (i + 1) + " to " + code,
                            "State " + (i % 60), i % 4 == 0 ? "NOTED" : "SUPPORTED", i % 5 + 1, now, now});
                    themes.add(new Object[] {id, "Theme " + (i % 12)});
                }
                UUID version = UUID.randomUUID();
                versions.add(new Object[] {version, code, cycle, cycle < CYCLES ? "FINAL" : "DRAFT", now});
                for (int row = 0; row < MATRIX_ROWS; row++) {
                    UUID entry = UUID.randomUUID();
                    entries.add(new Object[] {entry, version, UUID.randomUUID(), "Theme " + (row % 12),
                            "Ministry " + (row % 7), STATUSES[(row + cycle) % STATUSES.length], now});
                    for (int k = row; k < ofCycle.size(); k += MATRIX_ROWS) {
                        links.add(new Object[] {entry, ofCycle.get(k)});
                    }
                }
            }
        }
        batch("insert into recommendation (id, country_code, cycle_number, ordinal, wg_session, text, recommending_state, "
                + "state_position, action_category, version, created_at, created_by, updated_at, updated_by) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 'bench', ?, 'bench')", recs);
        batch("insert into recommendation_theme (recommendation_id, theme) values (?, ?)", themes);
        batch("insert into matrix_version (id, country_code, cycle_number, version_number, status, created_at, created_by) "
                + "values (?, ?, ?, 1, ?, ?, 'bench')", versions);
        batch("insert into matrix_entry (id, matrix_version_id, entry_key, theme_cluster, goal, responsible_institution, "
                + "status, version, updated_at, updated_by) values (?, ?, ?, ?, 'A goal', ?, ?, 0, ?, 'bench')", entries);
        batch("insert into matrix_entry_recommendation (matrix_entry_id, recommendation_id) values (?, ?)", links);
        report.add(Figure.value("setup", "JDBC batches: recommendations, themes, matrices, links", String.format(
                Locale.ROOT, "%.1f s for %d recommendations, %d matrix rows, %d links", (System.nanoTime() - started) / 1e9,
                recs.size(), entries.size(), links.size())));
    }

    private void openCurrentCycles(Http.Caller manager) {
        ConcurrentLinkedQueue<String> todo = new ConcurrentLinkedQueue<>(countries);
        report.add(Load.run("setup", "REST: open every country's cycle 4", 4, 0, countries.size(),
                Duration.ofMinutes(10), (user, n) -> {
                    String code = todo.poll();
                    if (code == null) {
                        return false;
                    }
                    World.openCycle(manager, code, CYCLES, 48, currentReview).expect("opening " + code + "-" + CYCLES, 201);
                    return true;
                }));
    }

    /** Walks each current cycle to its stop; returns the instance id of one that went furthest. */
    private String walkCurrentCycles() {
        long started = System.nanoTime();
        ConcurrentLinkedQueue<Integer> todo = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < countries.size(); i++) {
            todo.add(i);
        }
        Figure walked = Load.run("setup", "Java API: walk cycle 4 to its phase (one transaction a country)", 2, 0,
                countries.size(), Duration.ofMinutes(30), (user, n) -> {
                    Integer index = todo.poll();
                    if (index == null) {
                        return false;
                    }
                    String code = countries.get(index);
                    transaction.executeWithoutResult(status -> walk(code, STOPS[index % STOPS.length]));
                    return true;
                });
        long completed = engine.getHistoryService().createHistoricTaskInstanceQuery().finished().count();
        report.add(walked.withNote(String.format(Locale.ROOT, "%.0f s; %d tasks completed in all",
                (System.nanoTime() - started) / 1e9, completed)));
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(
                countries.get(STOPS.length - 1).toUpperCase(Locale.ROOT) + "-" + CYCLES)
                .processDefinitionKey(UprCycleProcess.KEY).singleResult().getId();
    }

    private void walk(String code, String stop) {
        String businessKey = code.toUpperCase(Locale.ROOT) + "-" + CYCLES;
        for (int step = 0; step < 60; step++) {
            List<Task> open = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
                    .orderByTaskCreateTime().asc().list();
            if (open.isEmpty() || open.stream().anyMatch(task -> stop.equals(task.getTaskDefinitionKey()))) {
                return;
            }
            Task next = open.get(0);
            UserTask model = engine.getRepositoryService().getBpmnModelInstance(next.getProcessDefinitionId())
                    .getModelElementById(next.getTaskDefinitionKey());
            engine.getTaskService().complete(next.getId(), TaskForms.validInput(model.getCamundaFormRef()));
        }
        throw new IllegalStateException(businessKey + " never reached " + stop);
    }

    /**
     * Cycles 1 to 3 of every country, closed: their rows, their meetings, and the history of the
     * {@code template} cycle (with its phases' instances) copied under new ids, every activity ended.
     */
    private void closedCycles(String template) {
        long started = System.nanoTime();
        List<Object[]> cycles = new ArrayList<>();
        List<Object[]> meetings = new ArrayList<>();
        Timestamp now = Timestamp.from(java.time.Instant.now());
        for (String code : countries) {
            for (int cycle = 1; cycle < CYCLES; cycle++) {
                String suffix = "-" + code + cycle;
                LocalDate review = currentReview.minusMonths(54L * (CYCLES - cycle));
                cycles.add(new Object[] {code, cycle, code.toUpperCase(Locale.ROOT) + "-" + cycle, 40 - 10 * cycle,
                        review, template + suffix, now});
                for (int m = 0; m < MEETINGS.length; m++) {
                    meetings.add(new Object[] {code, cycle, MEETINGS[m], m == 5 ? 1 : null, review.plusMonths(m),
                            m == 3 ? null : 30 + m, m == 2 ? null : 10 + m, "bench" + suffix, "bench" + suffix + "-" + m,
                            now});
                }
            }
        }
        batch("insert into cycle (country_code, cycle_number, business_key, wg_session, review_date, process_instance_id, "
                + "opened_at, opened_by) values (?, ?, ?, ?, ?, ?, ?, 'bench')", cycles);
        batch("insert into meeting (country_code, cycle_number, kind, matrix_round, held_on, cso_attendance, "
                + "government_attendance, process_instance_id, task_id, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                meetings);
        int copied = 0;
        for (String code : countries) {
            for (int cycle = 1; cycle < CYCLES; cycle++) {
                String suffix = "-" + code + cycle;
                copied += jdbc.update(copyOf("act_hi_actinst", "root_proc_inst_id_ = ?", suffix), template);
                copied += jdbc.update(copyOf("act_hi_taskinst", "root_proc_inst_id_ = ?", suffix), template);
            }
        }
        report.add(Figure.value("setup", "SQL: cycles 1-3 (rows, meetings, copied engine history)", String.format(
                Locale.ROOT, "%.1f s; %d history rows copied", (System.nanoTime() - started) / 1e9, copied)));
    }

    /** INSERT ... SELECT of a history table's rows with every id made new and every open activity ended. */
    private String copyOf(String table, String where, String suffix) {
        List<String> columns = jdbc.queryForList("select column_name from information_schema.columns "
                + "where table_name = ? order by ordinal_position", String.class, table);
        List<String> values = new ArrayList<>();
        for (String column : columns) {
            String value = switch (column) {
                case "id_", "proc_inst_id_", "root_proc_inst_id_", "execution_id_", "parent_act_inst_id_",
                        "call_proc_inst_id_", "task_id_", "act_inst_id_" ->
                        // ids of 64 characters at most; the UUID ids keep their whole value, longer ones lose their tail
                        "substr(" + column + ", 1, " + (64 - suffix.length()) + ") || '" + suffix + "'";
                case "end_time_" -> "coalesce(end_time_, start_time_)";
                default -> column;
            };
            values.add(value);
        }
        return "insert into " + table + " (" + String.join(", ", columns) + ") select " + String.join(", ", values)
                + " from " + table + " where " + where;
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
    }
}
