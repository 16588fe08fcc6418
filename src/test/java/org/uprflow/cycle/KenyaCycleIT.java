package org.uprflow.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.RegisterFixture;
import org.uprflow.testing.TaskForms;
import org.uprflow.testing.World;

/**
 * A whole Kenya cycle through REST, from the stakeholder report to the published mid-term report:
 * each Kenyan role logs in and works its own tasks, while the Malawi user of the same role tries
 * every task first and is refused. Nothing here uses the engine's Java API: what passes is what a
 * client of {@code /api} and {@code /engine-rest} can do.
 */
class KenyaCycleIT extends PostgresIntegrationTest {

    private static final String CYCLE = "KE-2";
    private static final String TASKS_OF_THE_CYCLE = "/engine-rest/task?processInstanceBusinessKey=" + CYCLE;
    /** Two reporting periods show the monitoring loop; then the mid-term report timer ends it. */
    private static final int REPORTING_PERIODS = 2;
    /** More than the cycle's tasks and timers together (about 30), so a stuck cycle fails instead of hanging. */
    private static final int MAX_STEPS = 80;

    // Fresh NHRI users: World's ke.nhri is kept for the wrong-password test, which locks it for a while.
    private static final String KE_NHRI = "ke.nhri2";
    private static final String MW_NHRI = "mw.nhri2";
    // A Malawi-only programme manager is in the global programme-managers group, the candidate group of
    // the managers' Kenyan tasks, so only the tenant check stands between her and them.
    private static final String MW_MANAGER = "mw.manager2";

    private static final Map<String, String> KENYAN_OF_GROUP = Map.of(
            "ke-cso", World.KE_CSO,
            "ke-government", World.KE_GOV,
            "ke-nhri", KE_NHRI,
            "programme-managers", World.KE_MANAGER);
    private static final Map<String, String> MALAWIAN_OF_GROUP = Map.of(
            "ke-cso", World.MW_CSO,
            "ke-government", World.MW_GOV,
            "ke-nhri", MW_NHRI,
            "programme-managers", MW_MANAGER);


    private final Map<String, Integer> completedPerRole = new TreeMap<>();
    private final Map<String, Integer> timesSeen = new HashMap<>();
    private final Set<String> repeatsSentEmpty = new HashSet<>();
    private int malawiRefusals;
    private boolean refusalOfMissingValueSeen;
    private String crossRoleObservation = "not tried";

    @Test
    void kenyasOwnUsersRunTheWholeCycleAndMalawiCanDoNoneOfIt() {
        addParticipant("KE", KE_NHRI, "NHRI", "Faith", "Njeri");
        addParticipant("MW", MW_NHRI, "NHRI", "Thandiwe", "Mwale");
        addParticipant("MW", MW_MANAGER, "PROGRAMME_MANAGER", "Lucy", "Kamanga");

        String cycle = openKenyasSecondCycle();
        runUntilClosed(cycle);

        assertCycleClosedInKenyaAlone(cycle);
        assertThat(refusalOfMissingValueSeen).as("a form without a required value was tried").isTrue();
        System.out.printf("KenyaCycleIT: tasks completed per role %s; Malawi attempts refused %d; "
                + "a Kenyan of another role: %s%n", completedPerRole, malawiRefusals, crossRoleObservation);
    }

    private void addParticipant(String country, String userId, String role, String firstName, String lastName) {
        // 409: made by an earlier test of this JVM, which is just as good
        World.addParticipant(world.admin(), country, World.Person.of(userId, role, firstName, lastName))
                .expect("adding " + userId, 201, 409);
    }

    /** Opens KE-2 as Kenya's programme manager; returns the cycle's process instance id. */
    private String openKenyasSecondCycle() {
        // The review eight months ahead puts every due date in the future: the running job
        // executor would otherwise escalate overdue tasks while the test works.
        LocalDate review = LocalDate.now().plusMonths(8);
        Http.Response opened = world.as(World.KE_MANAGER).postJson("/api/countries/KE/cycles",
                "{\"cycleNumber\":2,\"wgSession\":21,\"reviewDate\":\"" + review + "\"}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(opened.json().get("businessKey").asText()).isEqualTo(CYCLE);
        return opened.json().get("processInstanceId").asText();
    }

    private void runUntilClosed(String cycle) {
        for (int step = 0; step < MAX_STEPS && !ended(cycle); step++) {
            JsonNode open = world.admin().get(TASKS_OF_THE_CYCLE + "&sortBy=created&sortOrder=asc").json();
            if (open.isEmpty()) {
                letMonitoringMoveOn(cycle);
            } else {
                work(open.get(0));
            }
        }
        assertThat(ended(cycle)).as("the cycle ended within %d steps", MAX_STEPS).isTrue();
    }

    private boolean ended(String cycle) {
        return world.admin().get("/engine-rest/process-instance/" + cycle).status() == 404;
    }

    /**
     * No task open while the cycle runs: it waits in implementation monitoring for the next
     * reporting period. The timers are months ahead, so they are fired here as the job executor
     * would on their day: first the next periods, then the mid-term report's.
     */
    private void letMonitoringMoveOn(String cycle) {
        String timer = variable(cycle, UprCycleProcess.REPORTING_ROUND).asInt() < REPORTING_PERIODS
                ? UprCycleProcess.NEXT_REPORTING_PERIOD : UprCycleProcess.MID_TERM_REPORT_DUE;
        JsonNode jobs = world.admin().get("/engine-rest/job?processInstanceId=" + cycle + "&activityId=" + timer).json();
        assertThat(jobs).as("no task open, so the cycle waits for timer %s", timer).hasSize(1);
        Http.Response fired = world.admin().postJson("/engine-rest/job/" + jobs.get(0).get("id").asText() + "/execute", "");
        assertThat(fired.status()).as("firing %s: %s", timer, fired).isEqualTo(204);
    }

    /** One open task: Malawi tries and fails, then the Kenyan of the task's role claims and completes it. */
    private void work(JsonNode task) {
        String id = task.get("id").asText();
        String key = task.get("taskDefinitionKey").asText();
        String group = groupFor(id, key);
        String kenyan = KENYAN_OF_GROUP.get(group);
        assertThat(kenyan).as("a Kenyan user for group %s of %s", group, key).isNotNull();

        malawiTriesAndFails(id, MALAWIAN_OF_GROUP.get(group));
        if (key.equals(ReviewAndPositionsProcess.RECORD_POSITIONS)) {
            anotherKenyanRoleTries(id, World.KE_CSO);
        }

        Http.Caller user = world.as(kenyan);
        String form = user.get("/engine-rest/task/" + id + "/form").json().path("camundaFormRef").path("key").asText();
        assertThat(form).as("the form of %s", key).isNotBlank();
        Http.Response claimed = user.postJson("/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + kenyan + "\"}");
        assertThat(claimed.status()).as("%s claims %s: %s", kenyan, key, claimed).isEqualTo(204);

        Map<String, Object> values = TaskForms.validInput(form);
        if (!refusalOfMissingValueSeen) {
            formWithoutARequiredValueIsRefused(user, id, form, values);
        }
        if (timesSeen.get(key) > 1 && repeatsSentEmpty.add(key)) {
            // A later round's form is filled afresh: the previous round's values do not count.
            Http.Response empty = user.postJson("/engine-rest/task/" + id + "/complete", "{\"variables\":{}}");
            assertThat(empty.status()).as("round %d of %s sent empty: %s", timesSeen.get(key), key, empty).isEqualTo(400);
        }
        if (key.equals(UprCycleProcess.AGREE_MATRIX_CSO) && timesSeen.get(key) == 1) {
            // the CSOs do not agree in the first round: the follow-up meeting has to meet again
            values.put(UprCycleProcess.CSO_AGREES_MATRIX, "no");
        }
        if (key.equals(MidTermReportProcess.PUBLISH_MID_TERM_REPORT)) {
            publishTheReportFirst(user, id);
        }
        enterTheDataOf(key, user, id);
        Http.Response completed = user.postJson("/engine-rest/task/" + id + "/complete", TaskForms.engineRestVariables(values));
        assertThat(completed.status()).as("%s completes %s: %s", kenyan, key, completed).isEqualTo(204);
        completedPerRole.merge(group, 1, Integer::sum);
        if (key.equals(ReviewAndPositionsProcess.RECORD_POSITIONS)) {
            positionsAreTheStatesRecordNow();
        }
    }

    /**
     * The tasks about the register and the matrix act on them: each is refused while its data is
     * missing, and the Kenyan of the task's role enters it on the platform first: the programme
     * manager imports the Working Group's recommendations, the government records a position on
     * each, the CSOs draft the matrix.
     */
    private void enterTheDataOf(String key, Http.Caller user, String taskId) {
        String register = RegisterFixture.recommendations("KE", 2);
        if (key.equals(ReviewAndPositionsProcess.REGISTER_RECOMMENDATIONS)) {
            Http.Response empty = user.postJson("/engine-rest/task/" + taskId + "/complete",
                    TaskForms.engineRestVariables(TaskForms.validInput("register-recommendations")));
            assertThat(empty.status()).as("register task on an empty register: %s", empty).isEqualTo(400);
            assertThat(empty.json().get("message").asText()).contains("The register of KE-2 holds no recommendation");
            Http.Response imported = RegisterFixture.importFile(user, "KE", 2, RegisterFixture.utf8(RegisterFixture.HEADER
                    + "Adopt a law against gender-based violence,Côte d'Ivoire,Kenya,Supported,Women's rights,5\n"
                    + "Ratify the Optional Protocol to the Convention against Torture,Denmark,Kenya,,Torture,5\n"
                    + "Abolish the death penalty,France,Kenya,,Death penalty,5\n"));
            assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        } else if (key.equals(ReviewAndPositionsProcess.RECORD_POSITIONS)) {
            Http.Response missing = user.postJson("/engine-rest/task/" + taskId + "/complete", "{\"variables\":{}}");
            assertThat(missing.status()).as("positions task with positions missing: %s", missing).isEqualTo(400);
            assertThat(missing.json().get("message").asText()).contains("2 recommendation(s) of cycle 2 have no position");
            for (JsonNode recommendation : user.get(register + "?position=NONE").json().get("items")) {
                String position = recommendation.get("recommendingState").asText().equals("France") ? "NOTED" : "SUPPORTED";
                assertThat(user.putJson(register + "/" + recommendation.get("id").asText() + "/position",
                        "{\"position\":\"" + position + "\"}", null).status()).isEqualTo(200);
            }
        } else if (key.equals(UprCycleProcess.DRAFT_IMPLEMENTATION_PLAN)) {
            Http.Response empty = user.postJson("/engine-rest/task/" + taskId + "/complete",
                    TaskForms.engineRestVariables(TaskForms.validInput("draft-implementation-plan")));
            assertThat(empty.status()).as("workshop task without a matrix: %s", empty).isEqualTo(400);
            assertThat(empty.json().get("message").asText()).contains("The implementation matrix of KE-2 has no row yet");
            Http.Response row = user.postJson("/api/countries/KE/cycles/2/matrix/entries", """
                    {"themeCluster":"Torture","goal":"No torture in custody","actions":"Ratify OPCAT; train police commanders",
                     "indicators":"OPCAT ratified; officers trained","responsibleInstitution":"Office of the Attorney General",
                     "timeline":"2026-2028","status":"IN_PROCESS","recommendationNumbers":[2]}""");
            assertThat(row.status()).as(row.toString()).isEqualTo(201);
        }
    }

    /**
     * After the positions task the positions are the State's record: the government can no longer
     * change one (409, nothing written); a programme manager can, and the audit trail keeps it.
     */
    private void positionsAreTheStatesRecordNow() {
        String register = RegisterFixture.recommendations("KE", 2);
        JsonNode noted = world.as(World.KE_GOV).get(register + "?position=NOTED").json().get("items").get(0);
        String position = register + "/" + noted.get("id").asText() + "/position";
        Http.Response late = world.as(World.KE_GOV).putJson(position, "{\"position\":\"SUPPORTED\"}", null);
        assertThat(late.status()).as("the government after the phase: %s", late).isEqualTo(409);
        assertThat(late.json().get("detail").asText()).contains("only a programme manager can change a position");
        assertThat(world.as(World.KE_GOV).get(register + "?position=NOTED").json().get("total").asInt())
                .as("nothing written").isEqualTo(1);
        Http.Response corrected = world.as(World.KE_MANAGER).putJson(position, "{\"position\":\"SUPPORTED\"}", null);
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        Http.Response back = world.as(World.KE_MANAGER).putJson(position, "{\"position\":\"NOTED\"}", null);
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        assertThat(world.as(World.KE_MANAGER).get("/api/countries/KE/audit").json().findValuesAsText("action"))
                .contains("POSITION_CHANGED_AFTER_PHASE");
    }

    /**
     * The publish task records what the report page did: it is refused until the manager published
     * the report, which Malawi can neither read nor publish.
     */
    private void publishTheReportFirst(Http.Caller manager, String taskId) {
        String report = "/api/countries/KE/cycles/2/report";
        Http.Response early = manager.postJson("/engine-rest/task/" + taskId + "/complete", "{\"variables\":{}}");
        assertThat(early.status()).as("publish task before publication: %s", early).isEqualTo(400);
        assertThat(early.json().get("message").asText()).contains("KE-2 is not published yet");
        for (String malawian : List.of(World.MW_CSO, MW_MANAGER)) {
            assertThat(world.as(malawian).get(report).status()).isEqualTo(404);
            assertThat(world.as(malawian).postJson(report + "/publication", "").status()).isEqualTo(404);
            malawiRefusals += 2;
        }
        JsonNode draft = manager.get(report).json();
        assertThat(draft.get("state").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("contributions").findValuesAsText("completedBy"))
                .containsExactly(World.KE_GOV, World.KE_CSO, KE_NHRI);
        assertThat(draft.get("meetings").findValuesAsText("kind")).as("the meetings the cycle held")
                .contains("PRE_SESSION", "COORDINATION_DIALOGUE", "FOLLOW_UP_MEETING");
        assertThat(draft.get("timeline").get("happened").findValuesAsText("activityId"))
                .contains(UprCycleProcess.PRE_SESSION, UprCycleProcess.COORDINATION_MEETING,
                        UprCycleProcess.MID_TERM_REPORT);
        Http.Response published = manager.postJson(report + "/publication", "");
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        assertThat(published.json().get("state").asText()).isEqualTo("PUBLISHED");
    }

    /**
     * The task's candidate group. Assessing progress belongs to CSOs and the NHRI alike; the
     * periods alternate between them so that both log in.
     */
    private String groupFor(String taskId, String key) {
        List<String> groups = new ArrayList<>();
        for (JsonNode link : world.admin().get("/engine-rest/task/" + taskId + "/identity-links?type=candidate").json()) {
            groups.add(link.get("groupId").asText());
        }
        assertThat(groups).as("candidate groups of %s", key).isNotEmpty();
        groups.sort(null);
        int seen = timesSeen.merge(key, 1, Integer::sum);
        return groups.get((seen - 1) % groups.size());
    }

    private void malawiTriesAndFails(String taskId, String malawian) {
        Http.Caller malawi = world.as(malawian);
        String task = "/engine-rest/task/" + taskId;
        refused(malawian, "list the cycle's tasks",
                malawi.get(TASKS_OF_THE_CYCLE).json().isEmpty());
        refused(malawian, "list the cycle's instances",
                malawi.get("/engine-rest/process-instance?businessKey=" + CYCLE).json().isEmpty());
        refused(malawian, "read the task", malawi.get(task).status());
        refused(malawian, "read its variables", malawi.get(task + "/variables").status());
        refused(malawian, "read its form", malawi.get(task + "/form").status());
        refused(malawian, "claim it", malawi.postJson(task + "/claim", "{\"userId\":\"" + malawian + "\"}").status());
        refused(malawian, "complete it", malawi.postJson(task + "/complete", "{\"variables\":{}}").status());
        assertStillOpenAndUnassigned(taskId);
    }

    private void refused(String malawian, String attempt, int status) {
        assertThat(status).as("%s tries to %s", malawian, attempt).isIn(403, 404);
        malawiRefusals++;
    }

    private void refused(String malawian, String attempt, boolean nothingShown) {
        assertThat(nothingShown).as("%s tries to %s and sees nothing", malawian, attempt).isTrue();
        malawiRefusals++;
    }

    private void assertStillOpenAndUnassigned(String taskId) {
        Http.Response task = world.admin().get("/engine-rest/task/" + taskId);
        assertThat(task.status()).as("still open: %s", task).isEqualTo(200);
        assertThat(task.json().get("assignee").isNull()).as("still unassigned: %s", task).isTrue();
    }

    /**
     * Within Kenya the roles are kept apart by the engine's own authorizations: a group may work
     * the tasks it is a candidate for, nothing else.
     */
    private void anotherKenyanRoleTries(String taskId, String kenyan) {
        Http.Caller other = world.as(kenyan);
        String task = "/engine-rest/task/" + taskId;
        int read = other.get(task).status();
        int claim = other.postJson(task + "/claim", "{\"userId\":\"" + kenyan + "\"}").status();
        int complete = other.postJson(task + "/complete", "{\"variables\":{}}").status();
        crossRoleObservation = kenyan + " on a government task: read " + read + ", claim " + claim + ", complete " + complete;
        assertThat(List.of(read, claim, complete)).as(crossRoleObservation).allMatch(status -> status == 403 || status == 404);
        assertStillOpenAndUnassigned(taskId);
    }

    private void formWithoutARequiredValueIsRefused(Http.Caller user, String taskId, String form,
            Map<String, Object> values) {
        JsonNode required = null;
        for (JsonNode field : TaskForms.readForm(form).path("components")) {
            if (field.path("validate").path("required").asBoolean(false)) {
                required = field;
                break;
            }
        }
        assertThat(required).as("a required field in %s", form).isNotNull();
        Map<String, Object> incomplete = new HashMap<>(values);
        incomplete.remove(required.get("key").asText());

        Http.Response refused = user.postJson("/engine-rest/task/" + taskId + "/complete", TaskForms.engineRestVariables(incomplete));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("'" + required.get("label").asText() + "' is required");
        JsonNode task = world.admin().get("/engine-rest/task/" + taskId).json();
        assertThat(task.get("id").asText()).as("the task stays open").isEqualTo(taskId);
        refusalOfMissingValueSeen = true;
    }

    private JsonNode variable(String processInstanceId, String name) {
        JsonNode found = world.admin().get("/engine-rest/history/variable-instance?processInstanceId=" + processInstanceId
                + "&variableName=" + name).json();
        assertThat(found).as("variable %s", name).hasSize(1);
        return found.get(0).get("value");
    }

    private void assertCycleClosedInKenyaAlone(String cycle) {
        JsonNode instances = world.admin().get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + CYCLE).json();
        assertThat(instances.findValuesAsText("id")).contains(cycle);
        assertThat(instances.findValuesAsText("state")).as("the cycle and its phases").containsOnly("COMPLETED");
        assertThat(instances.findValuesAsText("tenantId")).containsOnly("ke");
        assertThat(world.admin().get("/engine-rest/history/activity-instance?processInstanceId=" + cycle
                + "&activityId=" + UprCycleProcess.CYCLE_CLOSED).json()).as("closed at its end event").hasSize(1);

        JsonNode tasks = world.admin().get("/engine-rest/history/task?processInstanceBusinessKey=" + CYCLE).json();
        assertThat(tasks.size()).as("historic tasks").isEqualTo(completedPerRole.values().stream().mapToInt(Integer::intValue).sum());
        assertThat(tasks.findValuesAsText("tenantId")).containsOnly("ke");
        assertThat(tasks.findValuesAsText("deleteReason")).containsOnly("completed");

        assertThat(variable(cycle, UprCycleProcess.MATRIX_ROUNDS).asInt()).as("follow-up meeting rounds").isEqualTo(2);
        assertThat(variable(cycle, ReviewAndPositionsProcess.RECOMMENDATIONS_RECEIVED).asInt()).as("from the register")
                .isEqualTo(3);
        assertThat(variable(cycle, ReviewAndPositionsProcess.RECOMMENDATIONS_SUPPORTED).asInt()).isEqualTo(2);
        assertThat(variable(cycle, ReviewAndPositionsProcess.RECOMMENDATIONS_NOTED).asInt()).isEqualTo(1);
        assertThat(variable(cycle, UprCycleProcess.INDICATORS_DRAFTED).asInt()).as("from the matrix").isEqualTo(1);
        JsonNode matrix = world.as(World.KE_CSO).get("/api/countries/KE/cycles/2/matrix/versions").json();
        assertThat(matrix.findValuesAsText("status")).as("both sides agreed to version 1: final").containsExactly("FINAL");
        assertThat(variable(cycle, UprCycleProcess.REPORTING_ROUND).asInt()).isEqualTo(REPORTING_PERIODS);

        for (String malawian : MALAWIAN_OF_GROUP.values()) {
            Http.Caller malawi = world.as(malawian);
            assertThat(malawi.get(TASKS_OF_THE_CYCLE).json()).as(malawian).isEmpty();
            assertThat(malawi.get("/engine-rest/history/task?processInstanceBusinessKey=" + CYCLE).json()).as(malawian).isEmpty();
            assertThat(malawi.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + CYCLE).json())
                    .as(malawian).isEmpty();
        }
        assertThat(world.as(World.MW_CSO).get("/api/countries/KE/cycles").status()).isEqualTo(404);
        assertThat(world.as(World.KE_CSO).get("/api/countries/KE/cycles").json().findValuesAsText("businessKey"))
                .as("Kenya's own CSO sees its cycle").contains(CYCLE);
    }
}
