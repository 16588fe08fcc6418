package org.uprflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.uprflow.cycle.CoordinationMeetingProcess;
import org.uprflow.cycle.PreSessionProcess;
import org.uprflow.cycle.UprCycleProcess;

/**
 * Two countries of the dashboard tests alone, made once per test JVM: Zambia's third cycle at the
 * matrix agreement (every meeting before it held, a matrix of three rows, nothing overdue) and
 * Botswana's first cycle at its pre-session with the stakeholder report overdue. Each has a
 * programme manager of its own; {@link #BOTH_MANAGER} manages both.
 */
public final class DashboardFixture {

    public static final String ZAMBIA_MANAGER = "zm.pm";
    public static final String ZAMBIA_CSO = "zm.cso";
    public static final String BOTSWANA_MANAGER = "bw.pm";
    public static final String BOTH_MANAGER = "zmbw.pm";
    /** The browser test's manager, who onboards countries of its own through the page's form. */
    public static final String FORMS_MANAGER = "forms.pm";
    public static final int ZAMBIA_CYCLE = 3;
    public static final int DIALOGUE_CSO = 40;
    public static final int DIALOGUE_GOVERNMENT = 12;

    private static boolean built;

    private DashboardFixture() {
    }

    public static synchronized void ensure(World world) {
        if (built) {
            return;
        }
        Http.Caller admin = world.admin();
        for (String code : new String[] {"ZM", "BW"}) {
            World.onboard(admin, code).expect("onboarding " + code, 201);
        }
        participant(admin, "ZM", ZAMBIA_MANAGER, "PROGRAMME_MANAGER", true);
        participant(admin, "ZM", ZAMBIA_CSO, "CSO", true);
        participant(admin, "BW", BOTSWANA_MANAGER, "PROGRAMME_MANAGER", true);
        participant(admin, "ZM", BOTH_MANAGER, "PROGRAMME_MANAGER", true);
        participant(admin, "BW", BOTH_MANAGER, "PROGRAMME_MANAGER", false);
        participant(admin, "ZM", FORMS_MANAGER, "PROGRAMME_MANAGER", true);

        CycleWalk walk = new CycleWalk(admin);
        open(world.as(ZAMBIA_MANAGER), "ZM", ZAMBIA_CYCLE, LocalDate.now().plusMonths(8));
        walk.until("ZM-3", UprCycleProcess.DRAFT_IMPLEMENTATION_PLAN);
        Http.Caller cso = world.as(ZAMBIA_CSO);
        entry(cso, "Torture", "IN_PROCESS", "IPOA");
        entry(cso, "Torture", "FULLY_IMPLEMENTED", "National Police Service");
        entry(cso, "Justice", "NOT_STARTED", "Judiciary");
        walk.until("ZM-3", CoordinationMeetingProcess.RECORD_DIALOGUE);
        Http.Response dialogue = walk.complete(walk.task("ZM-3", CoordinationMeetingProcess.RECORD_DIALOGUE),
                Map.of("dialogueCsoAttendance", (long) DIALOGUE_CSO, "dialogueGovernmentAttendance",
                        (long) DIALOGUE_GOVERNMENT));
        assertThat(dialogue.status()).as(dialogue.toString()).isEqualTo(204);
        walk.until("ZM-3", UprCycleProcess.AGREE_MATRIX_CSO);

        // Botswana's stakeholder report overdue. A cycle opened late no longer starts overdue (its
        // calendar moves past the opening), so the fixture does what the clock would: the task's due
        // date passes and its overdue timer fires.
        open(world.as(BOTSWANA_MANAGER), "BW", 1, LocalDate.now().plusMonths(8));
        letStakeholderReportBecomeOverdue(admin);
        built = true;
    }

    private static void letStakeholderReportBecomeOverdue(Http.Caller admin) {
        JsonNode task = admin.get("/engine-rest/task?processInstanceBusinessKey=BW-1&taskDefinitionKey="
                + PreSessionProcess.SUBMIT_STAKEHOLDER_REPORT).json().get(0);
        ((ObjectNode) task).put("due", OffsetDateTime.now().minusDays(1)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")));
        ((ObjectNode) task).remove("camundaFormRef"); // read-only: engine-rest cannot take it back
        Http.Response moved = admin.putJson("/engine-rest/task/" + task.get("id").asText(), task.toString(), null);
        assertThat(moved.status()).as(moved.toString()).isEqualTo(204);
        for (JsonNode definition : admin.get("/engine-rest/job-definition?activityIdIn=BoundaryEvent_"
                + PreSessionProcess.SUBMIT_STAKEHOLDER_REPORT.substring("Task_".length()) + "Overdue").json()) {
            for (JsonNode job : admin.get("/engine-rest/job?tenantIdIn=bw&jobDefinitionId="
                    + definition.get("id").asText()).json()) {
                Http.Response fired = admin.postJson("/engine-rest/job/" + job.get("id").asText() + "/execute", "");
                assertThat(fired.status()).as(fired.toString()).isEqualTo(204);
            }
        }
    }

    private static void open(Http.Caller manager, String code, int number, LocalDate review) {
        World.openCycle(manager, code, number, 40, review).expect("opening " + code + "-" + number, 201);
    }

    private static void entry(Http.Caller cso, String cluster, String status, String institution) {
        Http.Response added = cso.postJson("/api/countries/ZM/cycles/" + ZAMBIA_CYCLE + "/matrix/entries",
                Http.json("themeCluster", cluster, "goal", "A goal", "actions", "Actions", "indicators", "Indicators",
                        "responsibleInstitution", institution, "timeline", "2026-2028", "status", status,
                        "recommendationIds", List.of()));
        assertThat(added.status()).as("matrix entry: %s", added).isEqualTo(201);
    }

    private static void participant(Http.Caller admin, String country, String userId, String role, boolean isNew) {
        Http.Response added = isNew ? World.addParticipant(admin, country, World.Person.of(userId, role, "Test", userId))
                : World.addToCountry(admin, country, userId, role);
        added.expect("adding " + userId + " to " + country, 201);
    }
}
