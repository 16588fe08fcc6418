package org.uprflow.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.uprflow.testing.Http;
import org.uprflow.testing.World;

/**
 * Two countries of the landing tests alone, made once per test JVM: Cabo Verde and Lesotho, each with its first
 * cycle open at the pre-session. {@link #CV_CSO} is a CSO member of both; Lesotho's stakeholder report is overdue
 * (due yesterday), Cabo Verde's is not.
 */
final class LandingFixture {

    static final String CV_CSO = "cv.cso";
    static final String CV_GOV = "cv.gov";
    static final String CV_MANAGER = "cv.manager";
    private static String overdueTask;

    private LandingFixture() {
    }

    /** Builds the countries once; the id of Lesotho's overdue task. */
    static synchronized String ensure(World world) {
        if (overdueTask != null) {
            return overdueTask;
        }
        Http.Caller admin = world.admin();
        for (String code : List.of("CV", "LS")) {
            World.onboard(admin, code).expect("onboarding " + code, 201);
        }
        participant(admin, "CV", CV_CSO, "CSO");
        participant(admin, "CV", CV_GOV, "GOVERNMENT");
        participant(admin, "CV", CV_MANAGER, "PROGRAMME_MANAGER");
        World.addToCountry(admin, "LS", CV_CSO, "CSO").expect("a CSO member of Lesotho too", 201);
        for (String code : List.of("CV", "LS")) {
            World.openCycle(admin, code, 1, 41, LocalDate.now().plusYears(1)).expect("opening " + code + "-1", 201);
        }
        ObjectNode task = null;
        for (JsonNode open : admin.get("/engine-rest/task?tenantIdIn=ls&candidateGroup=ls-cso").json()) {
            if (open.path("name").asText().startsWith("Submit the stakeholder report")) {
                task = (ObjectNode) open;
            }
        }
        assertThat(task).as("Lesotho's stakeholder report").isNotNull();
        String id = task.path("id").asText();
        String yesterday = OffsetDateTime.now().minusDays(1).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
        // the engine's update sets every field it is given: the task's own, with the due date of yesterday
        Http.Response changed = admin.putJson("/engine-rest/task/" + id, Http.json("name", task.path("name").asText(),
                "priority", task.path("priority").asInt(), "tenantId", "ls", "due", yesterday), null);
        assertThat(changed.status()).as("%s", changed).isEqualTo(204);
        overdueTask = id;
        return id;
    }

    private static void participant(Http.Caller admin, String country, String userId, String role) {
        World.addParticipant(admin, country, World.Person.of(userId, role, "Ana", "Lopes")).expect("adding " + userId, 201);
    }
}
