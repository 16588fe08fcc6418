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
            Http.Response onboarded = admin.postJson("/api/countries", "{\"code\":\"" + code + "\"}");
            assertThat(onboarded.status()).as("%s", onboarded).isEqualTo(201);
        }
        participant(admin, "CV", CV_CSO, "CSO");
        participant(admin, "CV", CV_GOV, "GOVERNMENT");
        participant(admin, "CV", CV_MANAGER, "PROGRAMME_MANAGER");
        Http.Response second = admin.postJson("/api/countries/LS/participants", "{\"userId\":\"" + CV_CSO + "\",\"role\":\"CSO\"}");
        assertThat(second.status()).as("%s", second).isEqualTo(201);
        for (String code : List.of("CV", "LS")) {
            Http.Response opened = admin.postJson("/api/countries/" + code + "/cycles",
                    "{\"cycleNumber\":1,\"wgSession\":41,\"reviewDate\":\"%s\"}".formatted(LocalDate.now().plusYears(1)));
            assertThat(opened.status()).as("%s", opened).isEqualTo(201);
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
        Http.Response changed = admin.putJson("/engine-rest/task/" + id, """
                {"name":"%s","priority":%d,"tenantId":"ls","due":"%s"}""".formatted(task.path("name").asText(),
                task.path("priority").asInt(), yesterday), null);
        assertThat(changed.status()).as("%s", changed).isEqualTo(204);
        overdueTask = id;
        return id;
    }

    private static void participant(Http.Caller admin, String country, String userId, String role) {
        Http.Response response = admin.postJson("/api/countries/" + country + "/participants", """
                {"userId":"%s","role":"%s","firstName":"Ana","lastName":"Lopes","email":"%s@example.org","password":"%s"}
                """.formatted(userId, role, userId, World.PASSWORD));
        assertThat(response.status()).as("adding %s: %s", userId, response).isEqualTo(201);
    }
}
