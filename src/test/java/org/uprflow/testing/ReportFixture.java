package org.uprflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.uprflow.cycle.MidTermReportProcess;
import org.uprflow.cycle.UprCycleProcess;

/**
 * Uruguay, a country of the report tests alone (so their cycle numbers collide with nobody's),
 * and the moves that bring one of its cycles to the mid-term report phase: opened by its
 * programme manager, moved on by the admin (a process instance modification, as an operator
 * would in Cockpit) past the years in between, the contributions made by each side's own user.
 */
public final class ReportFixture {

    public static final String COUNTRY = "UY";
    public static final String CSO = "uy.cso";
    public static final String GOV = "uy.gov";
    public static final String NHRI = "uy.nhri";
    public static final String MANAGER = "uy.manager";

    private final World world;

    public ReportFixture(World world) {
        this.world = world;
        World.onboard(world.admin(), COUNTRY).expect("onboarding " + COUNTRY, 201, 409);
        participant(CSO, "CSO", "Lucía", "Pérez");
        participant(GOV, "GOVERNMENT", "Martín", "Rodríguez");
        participant(NHRI, "NHRI", "Sofía", "Fernández");
        participant(MANAGER, "PROGRAMME_MANAGER", "Ana", "Silva");
    }

    public static String cycle(int number) {
        return "/api/countries/" + COUNTRY + "/cycles/" + number;
    }

    public static String businessKey(int number) {
        return COUNTRY + "-" + number;
    }

    public Http.Caller as(String user) {
        return world.as(user);
    }

    /** Opens the cycle with its review a year ahead (so that no due date passes during the test); its instance id. */
    public String open(int number) {
        return World.openCycle(world.as(MANAGER), COUNTRY, number, 30 + number, LocalDate.now().plusYears(1))
                .expect("opening " + businessKey(number), 201).json().get("processInstanceId").asText();
    }

    /** Moves an opened cycle from its pre-session to the start of its mid-term report phase. */
    public void toMidTermReport(String cycleInstance) {
        Http.Response moved = world.admin().postJson("/engine-rest/process-instance/" + cycleInstance + "/modification",
                """
                {"instructions":[{"type":"startBeforeActivity","activityId":"%s"},
                                 {"type":"cancel","activityId":"%s"}]}"""
                        .formatted(UprCycleProcess.MID_TERM_REPORT, UprCycleProcess.PRE_SESSION));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(204);
    }

    /** Each side's user claims and completes its contribution with values its form accepts, submitted today. */
    public void contribute(int number) {
        contribute(number, LocalDate.now());
    }

    /**
     * Each side's contribution as submitted on {@code day} (a contribution is not dated before the
     * matrix was final: contributions of today follow a matrix finalised today).
     */
    public void contribute(int number, LocalDate day) {
        complete(number, MidTermReportProcess.CONTRIBUTE_GOVERNMENT, GOV,
                Map.of(MidTermReportProcess.submittedOn("government"), day.toString()));
        complete(number, MidTermReportProcess.CONTRIBUTE_CSO, CSO, Map.of(MidTermReportProcess.submittedOn("cso"),
                day.toString()));
        complete(number, MidTermReportProcess.CONTRIBUTE_NHRI, NHRI, Map.of(MidTermReportProcess.submittedOn("nhri"),
                day.toString()));
    }

    /** The cycle opened and waiting at the publish task, its contributions in and the draft compiled. */
    public String atPublishTask(int number) {
        String instance = open(number);
        toPublishTask(instance, number);
        return instance;
    }

    /** Moves an opened cycle to its publish task, its contributions submitted today. */
    public void toPublishTask(String instance, int number) {
        toPublishTask(instance, number, LocalDate.now());
    }

    /** Moves an opened cycle to its publish task, its contributions submitted on {@code contributedOn}. */
    public void toPublishTask(String instance, int number, LocalDate contributedOn) {
        toMidTermReport(instance);
        contribute(number, contributedOn);
        complete(number, MidTermReportProcess.COMPILE_MID_TERM_REPORT, MANAGER);
    }

    public void complete(int number, String taskKey, String user) {
        complete(number, taskKey, user, Map.of());
    }

    public void complete(int number, String taskKey, String user, Map<String, Object> overrides) {
        Http.Response completed = tryToComplete(number, taskKey, user, overrides);
        assertThat(completed.status()).as("%s completes %s: %s", user, taskKey, completed).isEqualTo(204);
    }

    /** Claims the open task of the cycle and sends its form's values; the answer to the completion. */
    public Http.Response tryToComplete(int number, String taskKey, String user) {
        return tryToComplete(number, taskKey, user, Map.of());
    }

    /** Claims the open task of the cycle and sends its form's values changed by {@code overrides}. */
    public Http.Response tryToComplete(int number, String taskKey, String user, Map<String, Object> overrides) {
        String task = taskId(number, taskKey);
        Http.Caller caller = world.as(user);
        String form = caller.get("/engine-rest/task/" + task + "/form").json().path("camundaFormRef").path("key").asText();
        caller.postJson("/engine-rest/task/" + task + "/claim", Http.json("userId", user));
        Map<String, Object> values = TaskForms.validInput(form);
        values.putAll(overrides);
        return caller.postJson("/engine-rest/task/" + task + "/complete", TaskForms.engineRestVariables(values));
    }

    public String taskId(int number, String taskKey) {
        JsonNode tasks = world.admin().get("/engine-rest/task?processInstanceBusinessKey=" + businessKey(number)
                + "&taskDefinitionKey=" + taskKey).json();
        assertThat(tasks).as("open %s of %s", taskKey, businessKey(number)).hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    private void participant(String userId, String role, String firstName, String lastName) {
        World.addParticipant(world.admin(), COUNTRY, World.Person.of(userId, role, firstName, lastName))
                .expect("adding " + userId, 201, 409);
    }
}
