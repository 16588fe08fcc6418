package org.uprflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.SqlCapture;

/**
 * A page of an inbox answered by {@link InboxPageStatement} holds exactly the tasks, in exactly the order, that the
 * engine's own statement gives for the same question. The engine's statement is reached by asking the same with a
 * second order (the task's id, which is the tie-break of the walkable page), which it writes differently and so is
 * sent as written. The tasks: two tenants (fictional codes of no country), candidate links to the caller's group and
 * to another, one of them assigned to the caller, ties and missing due dates, a task of the caller's group in the
 * other tenant and one without tenant.
 */
class InboxPageStatementIT extends PostgresIntegrationTest {

    private static final String HOME = "q1";
    private static final String ELSEWHERE = "q2";
    private static final String CSO_GROUP = HOME + "-cso";
    private static final String GOVERNMENT_GROUP = HOME + "-government";
    private static final String CSO = "inbox-page-cso";

    @Autowired
    private ProcessEngine engine;

    private final List<String> created = new ArrayList<>();

    @BeforeEach
    void tasks() {
        Instant day = Instant.parse("2027-03-01T09:00:00Z");
        for (int i = 0; i < 24; i++) {
            // every third task shares its due date with the one before; every seventh has none
            Date due = i % 7 == 6 ? null : Date.from(day.plusSeconds(86_400L * (i - (i % 3 == 2 ? 1 : 0))));
            String group = i % 4 == 3 ? GOVERNMENT_GROUP : CSO_GROUP;
            created.add(task("home " + i, HOME, group, due, i == 5 ? CSO : null));
        }
        created.add(task("the same group, other tenant", ELSEWHERE, CSO_GROUP, Date.from(day), null));
        created.add(task("no tenant", null, CSO_GROUP, Date.from(day), null));
    }

    @AfterEach
    void removeTasks() {
        created.forEach(id -> engine.getTaskService().deleteTask(id, true));
    }

    @Test
    void aCsosPagesAreTheEnginesPages() {
        for (int first = 0; first < 24; first += 5) {
            int from = first;
            List<String> page = asCso(() -> ids(roleFilter().listPage(from, 5)));
            List<String> engines = asCso(() -> ids(roleFilter().orderByTaskId().asc().listPage(from, 5)));
            assertThat(page).as("page from %d", from).isEqualTo(engines);
        }
        List<String> all = asCso(() -> ids(roleFilter().listPage(0, 100)));
        assertThat(all).as("the CSO's tasks of the home tenant, each once").hasSize(18).doesNotHaveDuplicates()
                .isEqualTo(asCso(() -> ids(roleFilter().orderByTaskId().asc().listPage(0, 100))))
                .containsAll(List.of(created.get(5))).doesNotContain(created.get(3), created.get(24), created.get(25));
    }

    /** What Tasklist asks of a filter by default: active tasks, then its own order (created, newest first). */
    @Test
    void tasklistsOwnOrderAfterTheFiltersGivesTheEnginesPages() throws Exception {
        for (int first = 0; first < 18; first += 6) {
            int from = first;
            List<String> page = asCso(() -> ids(roleFilter().active().orderByTaskCreateTime().desc().listPage(from, 6)));
            List<String> engines = asCso(() -> ids(roleFilter().active().orderByTaskCreateTime().desc().orderByTaskId().asc()
                    .listPage(from, 6)));
            assertThat(page).as("page from %d", from).hasSize(6).isEqualTo(engines);
        }
        assertThat(statementsSent(() -> asCso(() -> roleFilter().active().orderByTaskCreateTime().desc().listPage(0, 15))))
                .singleElement().satisfies(sql -> assertThat(sql).startsWith("select RES.REV_,RES.ID_")
                        .contains("RES.SUSPENSION_STATE_ = 1").endsWith("RES.CREATE_TIME_ desc,RES.ID_ asc LIMIT 15 OFFSET 0"));
    }

    @Test
    void theWalkablePageIsWhatIsSent() throws Exception {
        List<String> sent = statementsSent(() -> asCso(() -> roleFilter().listPage(0, 15)));

        assertThat(sent).singleElement().satisfies(sql ->
                assertThat(sql).startsWith("select RES.REV_,RES.ID_").contains("coalesce(").doesNotContain("distinct"));
        assertThat(statementsSent(() -> asCso(() -> roleFilter().orderByTaskId().asc().listPage(0, 15))))
                .singleElement().satisfies(sql -> assertThat(sql).startsWith("select distinct"));
    }

    @Test
    void anotherCountrysCallerSeesNoneOfTheseTasks() {
        IdentityService identity = engine.getIdentityService();
        identity.setAuthentication("inbox-page-elsewhere", List.of(ELSEWHERE + "-cso"), List.of(ELSEWHERE));
        try {
            // the role filter of the other country, and this country's filter asked by the other country's caller
            assertThat(ids(engine.getTaskService().createTaskQuery().taskCandidateGroup(ELSEWHERE + "-cso").includeAssignedTasks()
                    .tenantIdIn(ELSEWHERE).orderByDueDate().asc().listPage(0, 15))).isEmpty();
            assertThat(ids(roleFilter().listPage(0, 15))).isEmpty();
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void aCallerInBothGroupsSeesBoth() {
        IdentityService identity = engine.getIdentityService();
        identity.setAuthentication(CSO, List.of(CSO_GROUP, GOVERNMENT_GROUP), List.of(HOME));
        try {
            TaskService tasks = engine.getTaskService();
            Supplier<TaskQuery> both = () -> tasks.createTaskQuery().taskCandidateGroupIn(List.of(CSO_GROUP, GOVERNMENT_GROUP))
                    .includeAssignedTasks().tenantIdIn(HOME);
            List<String> page = ids(both.get().orderByDueDate().asc().listPage(0, 100));
            assertThat(page).hasSize(24).isEqualTo(ids(both.get().orderByDueDate().asc().orderByTaskId().asc().listPage(0, 100)));
            assertThat(ids(both.get().orderByDueDate().desc().listPage(3, 7)))
                    .isEqualTo(ids(both.get().orderByDueDate().desc().orderByTaskId().asc().listPage(3, 7)));
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The query of a CSO's role filter (country.CountryProvisioning). */
    private TaskQuery roleFilter() {
        return engine.getTaskService().createTaskQuery().taskCandidateGroup(CSO_GROUP).includeAssignedTasks()
                .tenantIdIn(HOME).orderByDueDate().asc();
    }

    private <T> T asCso(Supplier<T> work) {
        engine.getIdentityService().setAuthentication(CSO, List.of(CSO_GROUP), List.of(HOME));
        try {
            return work.get();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private String task(String name, String tenant, String group, Date due, String assignee) {
        TaskService tasks = engine.getTaskService();
        Task task = tasks.newTask();
        task.setName(name);
        task.setTenantId(tenant);
        task.setDueDate(due);
        task.setAssignee(assignee);
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), group);
        return task.getId();
    }

    private static List<String> ids(List<Task> tasks) {
        return tasks.stream().map(Task::getId).toList();
    }

    /** The task lists the engine sent while {@code work} ran, parameters filled in. */
    private static List<String> statementsSent(Runnable work) throws Exception {
        return SqlCapture.statements(SqlCapture.ENGINE_STATEMENTS + ".TaskEntity.selectTaskByQueryCriteria", () -> {
            work.run();
            return null;
        });
    }
}
