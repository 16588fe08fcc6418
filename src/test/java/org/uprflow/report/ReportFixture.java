package org.uprflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.uprflow.cycle.CycleFixture;
import org.uprflow.cycle.MidTermReportProcess;
import org.uprflow.cycle.UprCycleProcess;
import org.uprflow.testing.Http;
import org.uprflow.testing.World;

/**
 * Uruguay, a country of the report tests alone (so their cycle numbers collide with nobody's),
 * and the moves that bring one of its cycles to the mid-term report phase: opened by its
 * programme manager, moved on by the admin (a process instance modification, as an operator
 * would in Cockpit) past the years in between, the contributions made by each side's own user.
 */
final class ReportFixture {

    static final String COUNTRY = "UY";
    static final String CSO = "uy.cso";
    static final String GOV = "uy.gov";
    static final String NHRI = "uy.nhri";
    static final String MANAGER = "uy.manager";

    private final World world;

    ReportFixture(World world) {
        this.world = world;
        Http.Response onboarded = world.admin().postJson("/api/countries", "{\"code\":\"" + COUNTRY + "\"}");
        assertThat(onboarded.status()).as(onboarded.toString()).isIn(201, 409);
        participant(CSO, "CSO", "Lucía", "Pérez");
        participant(GOV, "GOVERNMENT", "Martín", "Rodríguez");
        participant(NHRI, "NHRI", "Sofía", "Fernández");
        participant(MANAGER, "PROGRAMME_MANAGER", "Ana", "Silva");
    }

    static String cycle(int number) {
        return "/api/countries/" + COUNTRY + "/cycles/" + number;
    }

    static String businessKey(int number) {
        return COUNTRY + "-" + number;
    }

    Http.Caller as(String user) {
        return world.as(user);
    }

    /** Opens the cycle with its review a year ahead (so that no due date passes during the test); its instance id. */
    String open(int number) {
        Http.Response opened = world.as(MANAGER).postJson("/api/countries/" + COUNTRY + "/cycles",
                "{\"cycleNumber\":%d,\"wgSession\":%d,\"reviewDate\":\"%s\"}".formatted(number, 30 + number,
                        LocalDate.now().plusYears(1)));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.json().get("processInstanceId").asText();
    }

    /** Moves an opened cycle from its pre-session to the start of its mid-term report phase. */
    void toMidTermReport(String cycleInstance) {
        Http.Response moved = world.admin().postJson("/engine-rest/process-instance/" + cycleInstance + "/modification",
                """
                {"instructions":[{"type":"startBeforeActivity","activityId":"%s"},
                                 {"type":"cancel","activityId":"%s"}]}"""
                        .formatted(UprCycleProcess.MID_TERM_REPORT, UprCycleProcess.PRE_SESSION));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(204);
    }

    /** Each side's user claims and completes its contribution with values its form accepts, submitted today. */
    void contribute(int number) {
        contribute(number, LocalDate.now());
    }

    /**
     * Each side's contribution as submitted on {@code day} (a contribution is not dated before the
     * matrix was final: contributions of today follow a matrix finalised today).
     */
    void contribute(int number, LocalDate day) {
        complete(number, MidTermReportProcess.CONTRIBUTE_GOVERNMENT, GOV,
                Map.of(MidTermReportProcess.submittedOn("government"), day.toString()));
        complete(number, MidTermReportProcess.CONTRIBUTE_CSO, CSO, Map.of(MidTermReportProcess.submittedOn("cso"),
                day.toString()));
        complete(number, MidTermReportProcess.CONTRIBUTE_NHRI, NHRI, Map.of(MidTermReportProcess.submittedOn("nhri"),
                day.toString()));
    }

    /** The cycle opened and waiting at the publish task, its contributions in and the draft compiled. */
    String atPublishTask(int number) {
        String instance = open(number);
        toPublishTask(instance, number);
        return instance;
    }

    /** Moves an opened cycle to its publish task, its contributions submitted today. */
    void toPublishTask(String instance, int number) {
        toPublishTask(instance, number, LocalDate.now());
    }

    /** Moves an opened cycle to its publish task, its contributions submitted on {@code contributedOn}. */
    void toPublishTask(String instance, int number, LocalDate contributedOn) {
        toMidTermReport(instance);
        contribute(number, contributedOn);
        complete(number, MidTermReportProcess.COMPILE_MID_TERM_REPORT, MANAGER);
    }

    void complete(int number, String taskKey, String user) {
        complete(number, taskKey, user, Map.of());
    }

    void complete(int number, String taskKey, String user, Map<String, Object> overrides) {
        Http.Response completed = tryToComplete(number, taskKey, user, overrides);
        assertThat(completed.status()).as("%s completes %s: %s", user, taskKey, completed).isEqualTo(204);
    }

    /** Claims the open task of the cycle and sends its form's values; the answer to the completion. */
    Http.Response tryToComplete(int number, String taskKey, String user) {
        return tryToComplete(number, taskKey, user, Map.of());
    }

    /** Claims the open task of the cycle and sends its form's values changed by {@code overrides}. */
    Http.Response tryToComplete(int number, String taskKey, String user, Map<String, Object> overrides) {
        String task = taskId(number, taskKey);
        Http.Caller caller = world.as(user);
        String form = caller.get("/engine-rest/task/" + task + "/form").json().path("camundaFormRef").path("key").asText();
        caller.postJson("/engine-rest/task/" + task + "/claim", "{\"userId\":\"" + user + "\"}");
        Map<String, Object> values = CycleFixture.validInput(form);
        values.putAll(overrides);
        return caller.postJson("/engine-rest/task/" + task + "/complete", CycleFixture.engineRestVariables(values));
    }

    String taskId(int number, String taskKey) {
        JsonNode tasks = world.admin().get("/engine-rest/task?processInstanceBusinessKey=" + businessKey(number)
                + "&taskDefinitionKey=" + taskKey).json();
        assertThat(tasks).as("open %s of %s", taskKey, businessKey(number)).hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    private void participant(String userId, String role, String firstName, String lastName) {
        Http.Response added = world.admin().postJson("/api/countries/" + COUNTRY + "/participants", """
                {"userId":"%s","role":"%s","firstName":"%s","lastName":"%s","email":"%s@example.org","password":"%s"}
                """.formatted(userId, role, firstName, lastName, userId, World.PASSWORD));
        assertThat(added.status()).as("adding %s: %s", userId, added).isIn(201, 409);
    }
}
