package org.uprflow.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/**
 * {@code /api/countries/{code}/cycles}: a programme manager opens a country's cycle; bad input
 * starts nothing. Malawi's cycles here (Kenya's second cycle is run whole by KenyaCycleIT). Review
 * dates lie ahead, so no due date has passed and nothing escalates while the tests run.
 */
class CycleApiIT extends PostgresIntegrationTest {

    private static final String REVIEW = LocalDate.now().plusMonths(9).toString();

    @Test
    void aManagerOpensACycleAndItsCsoFindsTheStakeholderReportWaiting() {
        Http.Response opened = world.as(World.BOTH_MANAGER).postJson("/api/countries/mw/cycles",
                "{\"cycleNumber\":2,\"wgSession\":20,\"reviewDate\":\"" + REVIEW + "\"}");

        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(opened.json().get("businessKey").asText()).isEqualTo("MW-2");
        assertThat(opened.headers().getLocation()).hasToString("/api/countries/MW/cycles/2");
        String instanceId = opened.json().get("processInstanceId").asText();
        assertThat(world.admin().get("/engine-rest/process-instance/" + instanceId).json().get("tenantId").asText())
                .isEqualTo("mw");
        JsonNode csoTasks = world.as(World.MW_CSO).get("/api/tasks?max=200").json();
        assertThat(csoTasks.findValuesAsText("name")).contains("Submit the stakeholder report (MW-2)");
        assertThat(world.as(World.MW_CSO).get("/api/countries/MW/cycles").json().findValuesAsText("businessKey"))
                .contains("MW-2");
        assertThat(world.as(World.KE_CSO).get("/api/tasks?max=200").json().findValuesAsText("countryCode"))
                .doesNotContain("MW");
    }

    @Test
    void theSameCycleOpenedTwiceIs409() {
        String body = "{\"cycleNumber\":3,\"wgSession\":30,\"reviewDate\":\"" + REVIEW + "\"}";
        assertThat(world.as(World.BOTH_MANAGER).postJson("/api/countries/MW/cycles", body).status()).isEqualTo(201);

        Http.Response again = world.as(World.BOTH_MANAGER).postJson("/api/countries/MW/cycles", body);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("MW-3");
        assertThat(world.admin().get("/engine-rest/process-instance/count?businessKey=MW-3&processDefinitionKey=upr-cycle").json().get("count").asInt())
                .isEqualTo(1);
    }

    @Test
    void aDateTheManagerAlreadyKnowsIsKept() {
        Http.Response opened = world.as(World.BOTH_MANAGER).postJson("/api/countries/MW/cycles",
                "{\"cycleNumber\":4,\"wgSession\":40,\"reviewDate\":\"" + REVIEW + "\","
                        + "\"knownDates\":{\"coordinationMeetingDue\":\"2031-07-13\"}}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String instanceId = opened.json().get("processInstanceId").asText();

        JsonNode variable = world.admin().get("/engine-rest/process-instance/" + instanceId
                + "/variables/coordinationMeetingDue").json();

        assertThat(variable.get("value").asText()).isEqualTo("2031-07-13T17:00:00");
    }

    @Test
    void badInputIs400NamingTheFieldAndStartsNothing() {
        Http.Caller manager = world.as(World.BOTH_MANAGER);
        assertField(manager.postJson("/api/countries/MW/cycles", "{\"cycleNumber\":7,\"wgSession\":20}"), "reviewDate");
        assertField(manager.postJson("/api/countries/MW/cycles",
                "{\"cycleNumber\":7,\"wgSession\":20,\"reviewDate\":\"2030-13-45\"}"), "reviewDate");
        assertField(manager.postJson("/api/countries/MW/cycles",
                "{\"cycleNumber\":0,\"wgSession\":20,\"reviewDate\":\"" + REVIEW + "\"}"), "cycleNumber");
        assertField(manager.postJson("/api/countries/MW/cycles",
                "{\"cycleNumber\":\"seven\",\"wgSession\":20,\"reviewDate\":\"" + REVIEW + "\"}"), "cycleNumber");
        assertField(manager.postJson("/api/countries/MW/cycles", "{\"cycleNumber\":7,\"wgSession\":20,\"reviewDate\":\""
                + REVIEW + "\",\"knownDates\":{\"teaParty\":\"2030-01-01\"}}"), "knownDates.teaParty");
        assertThat(manager.postJson("/api/countries/MW/cycles", "{\"cycleNumber\":7,").status()).isEqualTo(400);
        assertThat(world.admin().get("/engine-rest/process-instance/count?businessKey=MW-7").json().get("count").asInt())
                .isZero();
    }

    @Test
    void onlyTheCountrysManagersOpenItsCycles() {
        String body = "{\"cycleNumber\":8,\"wgSession\":20,\"reviewDate\":\"" + REVIEW + "\"}";
        assertThat(world.as(World.MW_CSO).postJson("/api/countries/MW/cycles", body).status()).isEqualTo(403);
        assertThat(world.as(World.KE_MANAGER).postJson("/api/countries/MW/cycles", body).status()).isEqualTo(404);
        assertThat(world.as(World.KE_MANAGER).get("/api/countries/MW/cycles").status()).isEqualTo(404);
        assertThat(world.admin().postJson("/api/countries/FR/cycles", body).status()).isEqualTo(404);
        assertThat(world.admin().get("/engine-rest/process-instance/count?businessKey=MW-8").json().get("count").asInt())
                .isZero();
    }

    private static void assertField(Http.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").has(field)).as(response.toString()).isTrue();
    }
}
