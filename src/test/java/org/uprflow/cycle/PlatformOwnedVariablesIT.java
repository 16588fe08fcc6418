package org.uprflow.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.uprflow.cycle.internal.OverdueTaskFollowUpProcess;
import org.uprflow.meeting.Meeting;
import org.uprflow.meeting.MeetingLog;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.TaskForms;
import org.uprflow.testing.World;

/**
 * A cycle's variables belong to the platform (docs/cycle.md, "Who writes a cycle's variables"):
 * tried as an adversary, a Kenyan CSO member completing her own task sends names that are not her
 * form's, values of the wrong type, and sets variables directly, on every channel that completes
 * a task. Each refusal is a 400 (403 for a direct write) naming what was refused, and nothing is
 * written: the task stays open and assigned, the variable keeps its value.
 */
class PlatformOwnedVariablesIT extends PostgresIntegrationTest {

    @Autowired
    private MeetingLog meetings;

    private static final AtomicInteger CYCLES = new AtomicInteger(70);
    private static final String LATER = "2099-01-21T17:00:00";
    private static final String FORM = "submit-stakeholder-report";
    private static final String ORGANISATIONS = "stakeholderReportOrganisations";
    private static final String ORGANISATIONS_LABEL = "Number of organisations that signed it";

    /** The channels a user completes a task through. */
    enum Channel {
        ENGINE_REST_COMPLETE("/engine-rest", "complete"),
        ENGINE_REST_SUBMIT_FORM("/engine-rest", "submit-form"),
        TASKLIST_SUBMIT_FORM("/camunda/api/engine/engine/default", "submit-form"),
        TASKLIST_COMPLETE("/camunda/api/engine/engine/default", "complete");

        final String api;
        final String action;

        Channel(String api, String action) {
            this.api = api;
            this.action = action;
        }

        boolean isTasklist() {
            return api.startsWith("/camunda");
        }
    }

    /** One open stakeholder-report task of a pre-session phase of Kenya, claimed by its CSO member. */
    private record OpenTask(String instanceId, String taskId, int cycleNumber) {
    }

    /** Shared by the refusals: none of them may change it, which each checks. */
    private static OpenTask refusalTarget;

    /** Every variable the processes, their listeners and delegates rely on, and names a task never sends. */
    static Stream<String> platformVariables() {
        List<String> names = new ArrayList<>(List.of(UprCycleProcess.COUNTRY_CODE, UprCycleProcess.CYCLE_NUMBER,
                UprCycleProcess.WG_SESSION, UprCycleProcess.REVIEW_DATE, "businessKey", "candidateGroups",
                UprCycleProcess.MATRIX_ROUNDS, UprCycleProcess.REPORTING_ROUND,
                // fields of other roles' forms: the gateway's agreement, the positions' counts
                UprCycleProcess.CSO_AGREES_MATRIX, UprCycleProcess.GOVERNMENT_AGREES_MATRIX,
                ReviewAndPositionsProcess.RECOMMENDATIONS_SUPPORTED,
                // what the overdue follow-up shows a programme manager
                OverdueTaskFollowUpProcess.OVERDUE_TASK_NAME, OverdueTaskFollowUpProcess.OVERDUE_TASK_GROUPS,
                OverdueTaskFollowUpProcess.OVERDUE_TASK_DUE, OverdueTaskFollowUpProcess.OVERDUE_PROCESS_INSTANCE_ID,
                OverdueTaskFollowUpProcess.FOLLOW_UP_DUE));
        names.addAll(new CycleCalendar().schedule(LocalDate.of(2015, 1, 21)).keySet());
        names.add(UprCycleProcess.Due.NEXT_REPORTING_ROUND_OPENS);
        return names.stream().distinct();
    }

    @ParameterizedTest
    @MethodSource("platformVariables")
    void aCompletionThatSendsAPlatformVariableIsRefusedAndWritesNothing(String name) {
        OpenTask task = refusalTarget();
        Http.Response before = variable(task, name);
        Map<String, Object> values = TaskForms.validInput(FORM);
        values.put(name, UprCycleProcess.COUNTRY_CODE.equals(name) ? "mw" : "2199-01-01T17:00:00");

        Http.Response refused = world.as(World.KE_CSO).postJson(path(Channel.ENGINE_REST_COMPLETE, task),
                TaskForms.engineRestVariables(values));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("'" + name + "'");
        assertNothingWritten(task, name, before);
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void everyChannelRefusesAnotherCountrySentAsAVariable(Channel channel) {
        OpenTask task = refusalTarget();
        Http.Response before = variable(task, UprCycleProcess.COUNTRY_CODE);
        Map<String, Object> values = TaskForms.validInput(FORM);
        // the comma would have made the next task's candidate groups "ke-government" and "ke"
        values.put(UprCycleProcess.COUNTRY_CODE, "ke-government,ke");

        Http.Response refused = caller(channel).postJson(path(channel, task), TaskForms.engineRestVariables(values));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("'countryCode'").doesNotContain("ENGINE-");
        assertNothingWritten(task, UprCycleProcess.COUNTRY_CODE, before);
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void everyChannelRefusesANumberSentAsText(Channel channel) {
        OpenTask task = refusalTarget();
        Http.Response before = variable(task, ORGANISATIONS);
        Map<String, Object> values = TaskForms.validInput(FORM);
        values.put(ORGANISATIONS, "12");

        Http.Response refused = caller(channel).postJson(path(channel, task), TaskForms.engineRestVariables(values));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("'" + ORGANISATIONS_LABEL + "' must be a number");
        assertNothingWritten(task, ORGANISATIONS, before);
    }

    /** The form's own rules are checked by a task listener, whose exception Camunda wraps: still a 400 with the rule. */
    @ParameterizedTest
    @EnumSource(Channel.class)
    void everyChannelAnswersAFormRuleWith400AndTheRulesWords(Channel channel) {
        OpenTask task = refusalTarget();
        Map<String, Object> values = TaskForms.validInput(FORM);
        values.put(ORGANISATIONS, 0L);

        Http.Response refused = caller(channel).postJson(path(channel, task), TaskForms.engineRestVariables(values));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("'" + ORGANISATIONS_LABEL + "' must be at least 1")
                .doesNotContain("ENGINE-03051");
        assertNothingWritten(task, ORGANISATIONS, variable(task, ORGANISATIONS));
    }

    /** Another country's user learns nothing from the form check: the same answer as for a task that does not exist. */
    @ParameterizedTest
    @EnumSource(value = Channel.class, names = {"ENGINE_REST_COMPLETE", "ENGINE_REST_SUBMIT_FORM"})
    void anotherCountrysUserGetsNotFoundNotTheFormsRules(Channel channel) {
        OpenTask task = refusalTarget();
        Map<String, Object> values = TaskForms.validInput(FORM);
        values.put(UprCycleProcess.COUNTRY_CODE, "mw");

        Http.Response refused = world.as(World.MW_CSO).postJson(path(channel, task), TaskForms.engineRestVariables(values));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
        assertThat(refused.body()).doesNotContain("countryCode").doesNotContain("stakeholder");
        assertNothingWritten(task, UprCycleProcess.COUNTRY_CODE, variable(task, UprCycleProcess.COUNTRY_CODE));
    }

    @Test
    void refusalsSpeakTheCallersLanguage() {
        OpenTask task = refusalTarget();
        Map<String, Object> values = TaskForms.validInput(FORM);
        values.put(UprCycleProcess.CYCLE_NUMBER, "3");

        Http.Response overRest = world.as(World.KE_CSO).inLanguage("fr").postJson(
                path(Channel.ENGINE_REST_COMPLETE, task), TaskForms.engineRestVariables(values));
        Http.Response inTasklist = caller(Channel.TASKLIST_SUBMIT_FORM).inLanguage("es").postJson(
                path(Channel.TASKLIST_SUBMIT_FORM, task), TaskForms.engineRestVariables(values));

        assertThat(overRest.json().get("message").asText()).contains("'cycleNumber' n'est pas un champ du formulaire");
        assertThat(inTasklist.json().get("message").asText()).contains("'cycleNumber' no es un campo del formulario");
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void everyChannelCompletesATaskWithItsFormsFields(Channel channel) {
        OpenTask task = openStakeholderTask();

        Http.Response completed = caller(channel).postJson(path(channel, task),
                TaskForms.engineRestVariables(TaskForms.validInput(FORM)));

        assertThat(completed.status()).as(completed.toString()).isIn(200, 204);
        assertThat(world.admin().get("/engine-rest/task/" + task.taskId()).status()).isEqualTo(404);
        assertThat(variable(task, ORGANISATIONS).json().get("value").asLong()).isEqualTo(1L);
    }

    @Test
    void participantsCannotSetOrRemoveVariablesOnAnyChannel() {
        OpenTask task = refusalTarget();
        Http.Caller cso = world.as(World.KE_CSO);
        Http.Caller tasklist = caller(Channel.TASKLIST_SUBMIT_FORM);
        String countryMw = "{\"value\":\"mw\",\"type\":\"String\"}";
        String engineTask = "/engine-rest/task/" + task.taskId();
        String tasklistTask = Channel.TASKLIST_SUBMIT_FORM.api + "/task/" + task.taskId();
        Map<String, Http.Response> attempts = new HashMap<>();
        Http.Response before = variable(task, UprCycleProcess.COUNTRY_CODE);

        attempts.put("PUT task variable", cso.putJson(engineTask + "/variables/countryCode", countryMw, null));
        attempts.put("PUT task-local variable", cso.putJson(engineTask + "/localVariables/overdueTaskName",
                "{\"value\":\"[open](https://evil.example)\",\"type\":\"String\"}", null));
        attempts.put("POST task variables", cso.postJson(engineTask + "/variables",
                "{\"modifications\":{\"countryCode\":" + countryMw + "}}"));
        attempts.put("POST task-local variables", cso.postJson(engineTask + "/localVariables",
                "{\"modifications\":{\"cycleNumber\":{\"value\":\"3\",\"type\":\"String\"}}}"));
        attempts.put("DELETE task variable", cso.delete(engineTask + "/variables/cycleNumber"));
        attempts.put("resolve with variables", cso.postJson(engineTask + "/resolve",
                "{\"variables\":{\"countryCode\":" + countryMw + "}}"));
        attempts.put("BPMN error", cso.postJson(engineTask + "/bpmnError", "{\"errorCode\":\"skip\"}"));
        attempts.put("process instance variables", cso.postJson("/engine-rest/process-instance/" + task.instanceId()
                + "/variables", "{\"modifications\":{\"countryCode\":" + countryMw + "}}"));
        attempts.put("execution variables", cso.putJson("/engine-rest/execution/" + task.instanceId()
                + "/localVariables/countryCode", countryMw, null));
        attempts.put("Tasklist task variable", tasklist.putJson(tasklistTask + "/variables/countryCode", countryMw, null));
        attempts.put("Tasklist task variables", tasklist.postJson(tasklistTask + "/variables",
                "{\"modifications\":{\"countryCode\":" + countryMw + "}}"));
        attempts.put("task's due date", cso.putJson(engineTask, "{\"name\":\"Submit the stakeholder report\","
                + "\"due\":\"2199-01-01T17:00:00.000+0000\",\"assignee\":\"" + World.KE_CSO + "\"}", null));
        attempts.put("task's candidate groups", cso.postJson(engineTask + "/identity-links",
                "{\"groupId\":\"ke-government\",\"type\":\"candidate\"}"));
        attempts.put("manager sets process instance variable", world.as(World.KE_MANAGER).putJson(
                "/engine-rest/process-instance/" + task.instanceId() + "/variables/countryCode", countryMw, null));

        attempts.forEach((what, response) -> assertThat(response.status()).as("%s: %s", what, response).isIn(403, 404));
        assertThat(attempts.get("PUT task variable").json().get("message").asText())
                .contains("countryCode").contains("belong to the platform");
        assertNothingWritten(task, UprCycleProcess.COUNTRY_CODE, before);
        assertThat(world.admin().get(engineTask + "/localVariables/overdueTaskName").status()).isEqualTo(404);
        assertThat(variable(task, UprCycleProcess.CYCLE_NUMBER).json().get("value").asInt()).isEqualTo(task.cycleNumber());
        JsonNode untouched = world.admin().get(engineTask).json();
        assertThat(untouched.get("due").asText()).startsWith("2099-01-21");
        assertThat(world.admin().get(engineTask + "/identity-links?type=candidate").json().findValuesAsText("groupId"))
                .containsExactly("ke-cso");
    }

    /**
     * The country of a task is its instance's tenant, whatever a variable says: an administrator
     * (who may write variables) sets Malawi's code on a Kenyan pre-session, and the next tasks still
     * go to Kenya's groups, the meeting is still Kenya's, and Malawi sees none of it.
     */
    @Test
    void theCountryOfATaskIsItsInstancesTenantNotAVariable() {
        OpenTask task = openStakeholderTask();
        assertThat(world.admin().putJson("/engine-rest/process-instance/" + task.instanceId() + "/variables/countryCode",
                "{\"value\":\"mw\",\"type\":\"String\"}", null).status()).isEqualTo(204);

        assertThat(caller(Channel.ENGINE_REST_COMPLETE).postJson(path(Channel.ENGINE_REST_COMPLETE, task),
                TaskForms.engineRestVariables(TaskForms.validInput(FORM))).status()).isEqualTo(204);
        String organise = taskOf(task.instanceId(), PreSessionProcess.ORGANISE_PRE_SESSION);
        Http.Caller manager = world.as(World.KE_MANAGER);
        assertThat(manager.postJson("/engine-rest/task/" + organise + "/claim", "{\"userId\":\"" + World.KE_MANAGER + "\"}")
                .status()).isEqualTo(204);
        Http.Response organised = manager.postJson("/engine-rest/task/" + organise + "/complete",
                TaskForms.engineRestVariables(TaskForms.validInput("organise-pre-session")));
        assertThat(organised.status()).as(organised.toString()).isEqualTo(204);

        String statement = taskOf(task.instanceId(), PreSessionProcess.RECORD_CSO_STATEMENT);
        JsonNode links = world.admin().get("/engine-rest/task/" + statement + "/identity-links?type=candidate").json();
        assertThat(links.findValuesAsText("groupId")).containsExactly("ke-cso");
        assertThat(world.as(World.MW_CSO).get("/engine-rest/task/" + statement).status()).isEqualTo(404);
        assertThat(meetings.ofCycle("ke", task.cycleNumber())).extracting(Meeting::processInstanceId)
                .containsExactly(task.instanceId());
        assertThat(meetings.ofCycle("mw", task.cycleNumber())).isEmpty();
    }

    private OpenTask refusalTarget() {
        if (refusalTarget == null) {
            refusalTarget = openStakeholderTask();
        }
        return refusalTarget;
    }

    private void assertNothingWritten(OpenTask task, String name, Http.Response before) {
        JsonNode open = world.admin().get("/engine-rest/task/" + task.taskId()).json();
        assertThat(open.path("assignee").asText()).as("the task stays open and assigned: %s", open).isEqualTo(World.KE_CSO);
        Http.Response after = variable(task, name);
        assertThat(after.status()).as("%s after the refusal", name).isEqualTo(before.status());
        if (before.status() == 200) {
            assertThat(after.json().get("value")).as(name).isEqualTo(before.json().get("value"));
        }
    }

    private Http.Response variable(OpenTask task, String name) {
        return world.admin().get("/engine-rest/process-instance/" + task.instanceId() + "/variables/" + name);
    }

    private Http.Caller caller(Channel channel) {
        return channel.isTasklist() ? http.webappLogin(World.KE_CSO, World.PASSWORD, "tasklist") : world.as(World.KE_CSO);
    }

    private static String path(Channel channel, OpenTask task) {
        return channel.api + "/task/" + task.taskId() + "/" + channel.action;
    }

    private OpenTask openStakeholderTask() {
        int cycle = CYCLES.incrementAndGet();
        Http.Response started = world.admin().postJson("/engine-rest/process-definition/key/" + PreSessionProcess.KEY
                + "/start", """
                {"businessKey":"KE-%d","variables":{
                  "countryCode":{"value":"ke","type":"String"},"cycleNumber":{"value":%d,"type":"Integer"},
                  "stakeholderReportDue":{"value":"%s","type":"String"},"preSessionDue":{"value":"%s","type":"String"},
                  "statementsDue":{"value":"%s","type":"String"}}}""".formatted(cycle, cycle, LATER, LATER, LATER));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        String instanceId = started.json().get("id").asText();
        String taskId = taskOf(instanceId, PreSessionProcess.SUBMIT_STAKEHOLDER_REPORT);
        assertThat(world.as(World.KE_CSO).postJson("/engine-rest/task/" + taskId + "/claim",
                "{\"userId\":\"" + World.KE_CSO + "\"}").status()).isEqualTo(204);
        return new OpenTask(instanceId, taskId, cycle);
    }

    private String taskOf(String instanceId, String definitionKey) {
        JsonNode tasks = world.admin().get("/engine-rest/task?processInstanceId=" + instanceId
                + "&taskDefinitionKey=" + definitionKey).json();
        assertThat(tasks).as("open %s", definitionKey).hasSize(1);
        return tasks.get(0).get("id").asText();
    }
}
