package org.uprflow.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uprflow.recommendation.RegisterFixture.importFile;
import static org.uprflow.recommendation.RegisterFixture.recommendations;
import static org.uprflow.recommendation.RegisterFixture.utf8;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.uprflow.cycle.ReviewAndPositionsProcess;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/**
 * The positions task of a cycle refuses completion over {@code /engine-rest} while any of the
 * cycle's recommendations has no position, and says how many; the task stays open. The phase is
 * started on its own with what the cycle passes down (countryCode, cycleNumber, due dates).
 */
class PositionsTaskIT extends PostgresIntegrationTest {

    private static final int CYCLE = 41;
    private static final String LATER = "2099-01-21T17:00:00";

    @Test
    void thePositionsTaskStaysOpenWhilePositionsAreMissing() {
        new RegisterFixture(world).openCycle("KE", CYCLE);
        Http.Response imported = importFile(world.as(World.KE_MANAGER), "KE", CYCLE, utf8(RegisterFixture.HEADER
                + "Abolish the death penalty,France,Kenya,Noted,Death penalty,5\n"
                + "Ratify OPCAT,Denmark,Kenya,,Torture and other CID treatment,5\n"
                + "Reduce pre-trial detention,Mexico,Kenya,,Justice,4\n"));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        String instance = startReviewAndPositions();

        complete(World.KE_MANAGER, task(instance, ReviewAndPositionsProcess.REGISTER_RECOMMENDATIONS),
                "{\"recommendationsReceived\":{\"value\":3,\"type\":\"Long\"},"
                        + "\"workingGroupReportLink\":{\"value\":\"https://www.ohchr.org/en/hr-bodies/upr/ke-index\",\"type\":\"String\"}}",
                204);
        String positions = task(instance, ReviewAndPositionsProcess.RECORD_POSITIONS);
        String counts = "{\"recommendationsSupported\":{\"value\":2,\"type\":\"Long\"},"
                + "\"recommendationsNoted\":{\"value\":1,\"type\":\"Long\"}}";

        Http.Response refused = complete(World.KE_GOV, positions, counts, 400);
        assertThat(refused.json().get("message").asText()).contains("2 recommendation(s) of cycle 41 have no position");
        assertThat(world.admin().get("/engine-rest/task/" + positions).status()).as("the task stays open").isEqualTo(200);

        Http.Caller gov = world.as(World.KE_GOV);
        for (JsonNode missing : gov.get(recommendations("KE", CYCLE) + "?position=NONE").json().get("items")) {
            assertThat(gov.putJson(recommendations("KE", CYCLE) + "/" + missing.get("id").asText() + "/position",
                    "{\"position\":\"SUPPORTED\"}", null).status()).isEqualTo(200);
        }
        complete(World.KE_GOV, positions, counts, 204);
        assertThat(world.admin().get("/engine-rest/task/" + positions).status()).isEqualTo(404);
    }

    private String startReviewAndPositions() {
        Http.Response started = world.admin().postJson("/engine-rest/process-definition/key/"
                + ReviewAndPositionsProcess.KEY + "/start", """
                {"businessKey":"KE-%d","variables":{
                  "countryCode":{"value":"ke","type":"String"},"cycleNumber":{"value":%d,"type":"Integer"},
                  "recommendationsDue":{"value":"%s","type":"String"},"positionsDue":{"value":"%s","type":"String"},
                  "adoptionDue":{"value":"%s","type":"String"}}}""".formatted(CYCLE, CYCLE, LATER, LATER, LATER));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        return started.json().get("id").asText();
    }

    private String task(String instance, String definitionKey) {
        JsonNode tasks = world.admin().get("/engine-rest/task?processInstanceId=" + instance
                + "&taskDefinitionKey=" + definitionKey).json();
        assertThat(tasks).as("open %s", definitionKey).hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    private Http.Response complete(String user, String taskId, String variables, int expectedStatus) {
        Http.Caller caller = world.as(user);
        caller.postJson("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}");
        Http.Response completed = caller.postJson("/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":" + variables + "}");
        assertThat(completed.status()).as("%s completes: %s", user, completed).isEqualTo(expectedStatus);
        return completed;
    }
}
