package org.uprflow.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.uprflow.cycle.internal.OverdueTaskFollowUpProcess;

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
        Map<String, Object> values = validInput(formOf(task));
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

    /** Values that every rule of the form accepts, built from the form itself. */
    public static Map<String, Object> validInput(String formId) {
        Map<String, Object> values = new HashMap<>();
        for (JsonNode c : readForm(formId).path("components")) {
            if (!c.hasNonNull("key")) {
                continue;
            }
            String key = c.get("key").asText();
            JsonNode validate = c.path("validate");
            Object value = switch (c.path("type").asText()) {
                case "number" -> (long) Math.max(1, validate.path("min").asLong(0));
                case "datetime" -> "2015-07-13";
                case "radio", "select" -> c.get("values").get(0).path("value").asText();
                default -> validate.hasNonNull("pattern") ? "https://www.upr-info.org/en/review/kenya" : "Nairobi";
            };
            values.put(key, value);
        }
        return values;
    }

    /** Form values as engine-rest wants them: each with its Camunda type. */
    public static String engineRestVariables(Map<String, Object> values) {
        ObjectNode variables = new ObjectMapper().createObjectNode();
        values.forEach((name, value) -> {
            ObjectNode typed = variables.putObject(name);
            typed.putPOJO("value", value);
            typed.put("type", value instanceof Long ? "Long" : value instanceof Boolean ? "Boolean" : "String");
        });
        ObjectNode body = new ObjectMapper().createObjectNode();
        body.set("variables", variables);
        return body.toString();
    }

    static JsonNode readForm(String formId) {
        for (String folder : List.of("processes/", "variants/ke/")) {
            try (InputStream in = CycleFixture.class.getClassLoader().getResourceAsStream(folder + formId + ".form")) {
                if (in != null) {
                    return new ObjectMapper().readTree(in);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException("no form " + formId);
    }
}
