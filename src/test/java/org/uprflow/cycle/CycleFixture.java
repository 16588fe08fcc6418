package org.uprflow.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.uprflow.cycle.internal.OverdueTaskFollowUpProcess;
import org.uprflow.testing.TaskForms;

/** Kenya's second cycle (review 21 January 2015) and the moves a test makes on it. */
public final class CycleFixture {

    static final String KENYA = "ke";
    static final String KENYA_CYCLE = "KE-2";
    static final LocalDate KENYA_REVIEW = LocalDate.of(2015, 1, 21);

    private final ProcessEngine engine;
    private final CycleCalendar calendar = new CycleCalendar();

    CycleFixture(ProcessEngine engine) {
        this.engine = engine;
        // eight months before the review: every due date of the cycle is still ahead
        at(KENYA_REVIEW.minusMonths(8));
    }

    /** What a programme manager gives when opening Kenya's second cycle. */
    static Map<String, Object> kenyaCycleOpened() {
        Map<String, Object> start = new HashMap<>();
        start.put(UprCycleProcess.COUNTRY_CODE, KENYA);
        start.put(UprCycleProcess.CYCLE_NUMBER, 2);
        start.put(UprCycleProcess.WG_SESSION, 21);
        start.put(UprCycleProcess.REVIEW_DATE, KENYA_REVIEW.toString());
        return start;
    }

    /** What a phase receives from the cycle: the start variables and the planned due dates. */
    Map<String, Object> kenyaPhaseVariables() {
        Map<String, Object> vars = kenyaCycleOpened();
        vars.putAll(calendar.schedule(KENYA_REVIEW));
        return vars;
    }

    ProcessInstance startPhase(String processKey) {
        return engine.getRuntimeService().startProcessInstanceByKey(processKey, KENYA_CYCLE, kenyaPhaseVariables());
    }

    void at(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant()));
    }

    /** The one open task with this id, in whichever instance of the cycle it is. */
    Task task(String taskKey) {
        List<Task> open = engine.getTaskService().createTaskQuery().taskDefinitionKey(taskKey).list();
        assertThat(open).as("open tasks " + taskKey).hasSize(1);
        return open.get(0);
    }

    void complete(String taskKey) {
        complete(taskKey, Map.of());
    }

    /** Completes the task with values its form accepts, changed by {@code overrides}. */
    void complete(String taskKey, Map<String, Object> overrides) {
        Task task = task(taskKey);
        Map<String, Object> values = TaskForms.validInput(formOf(task));
        values.putAll(overrides);
        engine.getTaskService().complete(task.getId(), values);
    }

    void completeAll(String... taskKeys) {
        for (String taskKey : taskKeys) {
            complete(taskKey);
        }
    }

    /** Lets the overdue timer of an open task fire, as the job executor would at its due date. */
    void letBecomeOverdue(String taskKey) {
        Job timer = engine.getManagementService().createJobQuery()
                .activityId(overdueTimerOf(taskKey)).singleResult();
        assertThat(timer).as("overdue timer of " + taskKey).isNotNull();
        engine.getManagementService().executeJob(timer.getId());
    }

    void fireTimer(String activityId) {
        Job timer = engine.getManagementService().createJobQuery().activityId(activityId).singleResult();
        assertThat(timer).as("timer " + activityId).isNotNull();
        engine.getManagementService().executeJob(timer.getId());
    }

    List<Task> followUps() {
        return engine.getTaskService().createTaskQuery()
                .taskDefinitionKey(OverdueTaskFollowUpProcess.FOLLOW_UP_OVERDUE_TASK).list();
    }

    static String overdueTimerOf(String taskKey) {
        return "BoundaryEvent_" + taskKey.substring("Task_".length()) + "Overdue";
    }

    static Date due(java.time.LocalDateTime dateTime) {
        return Date.from(dateTime.atZone(ZoneId.systemDefault()).toInstant());
    }

    private String formOf(Task task) {
        UserTask userTask = engine.getRepositoryService().getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(task.getTaskDefinitionKey());
        return userTask.getCamundaFormRef();
    }
}
