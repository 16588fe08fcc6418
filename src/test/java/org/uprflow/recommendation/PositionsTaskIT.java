package org.uprflow.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uprflow.testing.RegisterFixture.importFile;
import static org.uprflow.testing.RegisterFixture.recommendations;
import static org.uprflow.testing.RegisterFixture.utf8;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.uprflow.cycle.ReviewAndPositionsProcess;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.RegisterFixture;
import org.uprflow.testing.World;

/**
 * The register tasks of a cycle act on the register, over {@code /engine-rest}: registering is
 * refused while the register is empty, the positions task while a recommendation has no position
 * (each refusal a 400 saying what is missing, in the user's language, the task open); the figures
 * received / supported / noted are recorded from the register, never typed; after the phase only a
 * programme manager changes a position, audited. The phase is started on its own with what the
 * cycle passes down (countryCode, cycleNumber, due dates).
 */
class PositionsTaskIT extends PostgresIntegrationTest {

    private static final String LATER = "2099-01-21T17:00:00";
    private static final String NO_FIGURES = "{\"workingGroupReportLink\":"
            + "{\"value\":\"https://www.ohchr.org/en/hr-bodies/upr/ke-index\",\"type\":\"String\"}}";

    @Test
    void thePositionsTaskStaysOpenWhilePositionsAreMissingAndRecordsTheRegistersFigures() {
        int cycle = 51;
        world.ensureCycle("KE", cycle);
        Http.Response imported = importFile(world.as(World.KE_MANAGER), "KE", cycle, utf8(RegisterFixture.HEADER
                + "Abolish the death penalty,France,Kenya,Noted,Death penalty,5\n"
                + "Ratify OPCAT,Denmark,Kenya,,Torture and other CID treatment,5\n"
                + "Reduce pre-trial detention,Mexico,Kenya,,Justice,4\n"));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        String instance = startReviewAndPositions(cycle);

        complete(world.as(World.KE_MANAGER), World.KE_MANAGER,
                task(instance, ReviewAndPositionsProcess.REGISTER_RECOMMENDATIONS), NO_FIGURES, 204);
        String positions = task(instance, ReviewAndPositionsProcess.RECORD_POSITIONS);

        Http.Response refused = complete(world.as(World.KE_GOV), World.KE_GOV, positions, "{}", 400);
        assertThat(refused.json().get("message").asText()).contains("2 recommendation(s) of cycle 51 have no position");
        Http.Response enFrancais = complete(world.as(World.KE_GOV, "fr"), World.KE_GOV, positions, "{}", 400);
        assertThat(enFrancais.json().get("message").asText()).contains("2 recommandation(s) du cycle 51");
        assertThat(world.admin().get("/engine-rest/task/" + positions).status()).as("the task stays open").isEqualTo(200);

        Http.Caller gov = world.as(World.KE_GOV);
        for (JsonNode missing : gov.get(recommendations("KE", cycle) + "?position=NONE").json().get("items")) {
            assertThat(gov.putJson(recommendations("KE", cycle) + "/" + missing.get("id").asText() + "/position",
                    "{\"position\":\"SUPPORTED\"}", null).status()).isEqualTo(200);
        }
        // a typed total is no field of the form any more: whatever it says, the register's figures are recorded
        complete(gov, World.KE_GOV, positions, "{}", 204);
        assertThat(world.admin().get("/engine-rest/task/" + positions).status()).isEqualTo(404);
        assertThat(variable(instance, ReviewAndPositionsProcess.RECOMMENDATIONS_RECEIVED)).isEqualTo(3);
        assertThat(variable(instance, ReviewAndPositionsProcess.RECOMMENDATIONS_SUPPORTED)).isEqualTo(2);
        assertThat(variable(instance, ReviewAndPositionsProcess.RECOMMENDATIONS_NOTED)).isEqualTo(1);
    }

    @Test
    void theRegisterTaskIsRefusedOnAnEmptyRegisterAndSoIsThePositionsTask() {
        int cycle = 52;
        world.ensureCycle("KE", cycle);
        String instance = startReviewAndPositions(cycle);
        String register = task(instance, ReviewAndPositionsProcess.REGISTER_RECOMMENDATIONS);

        Http.Response refused = complete(world.as(World.KE_MANAGER), World.KE_MANAGER, register, NO_FIGURES, 400);
        assertThat(refused.json().get("message").asText()).contains("The register of KE-52 holds no recommendation");
        Http.Response enEspanol = complete(world.as(World.KE_MANAGER, "es"), World.KE_MANAGER, register, NO_FIGURES, 400);
        assertThat(enEspanol.json().get("message").asText()).contains("El registro de KE-52 no contiene ninguna recomendación");
        assertThat(world.admin().get("/engine-rest/task/" + register).status()).as("the task stays open").isEqualTo(200);

        // another country's register does not count for Kenya's cycle
        world.ensureCycle("MW", cycle);
        Http.Response malawi = importFile(world.admin(), "MW", cycle, utf8(RegisterFixture.HEADER
                + "Abolish the death penalty,France,Malawi,Supported,Death penalty,5\n"));
        assertThat(malawi.status()).as(malawi.toString()).isEqualTo(201);
        complete(world.as(World.KE_MANAGER), World.KE_MANAGER, register, NO_FIGURES, 400);
    }

    @Test
    void afterThePhaseOnlyAProgrammeManagerChangesAPositionAndTheAuditTrailKeepsIt() {
        int cycle = 53;
        world.ensureCycle("KE", cycle);
        Http.Response imported = importFile(world.as(World.KE_MANAGER), "KE", cycle, utf8(RegisterFixture.HEADER
                + "Abolish the death penalty,France,Kenya,Noted,Death penalty,5\n"));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        String instance = startReviewAndPositions(cycle);
        String id = world.as(World.KE_GOV).get(recommendations("KE", cycle)).json().get("items").get(0).get("id").asText();
        String position = recommendations("KE", cycle) + "/" + id + "/position";
        assertThat(world.as(World.KE_GOV).putJson(position, "{\"position\":\"SUPPORTED\"}", null).status())
                .as("during the phase the government records positions").isEqualTo(200);
        complete(world.as(World.KE_MANAGER), World.KE_MANAGER,
                task(instance, ReviewAndPositionsProcess.REGISTER_RECOMMENDATIONS), NO_FIGURES, 204);
        complete(world.as(World.KE_GOV), World.KE_GOV, task(instance, ReviewAndPositionsProcess.RECORD_POSITIONS), "{}", 204);

        assertThat(world.as(World.KE_GOV).get("/api/countries/KE/cycles/" + cycle + "/matrix/permissions").json()
                .get("recordPositions").asBoolean()).as("the page no longer offers it").isFalse();
        Http.Response late = world.as(World.KE_GOV).putJson(position, "{\"position\":\"NOTED\"}", null);
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.json().get("detail").asText()).contains("KE-53")
                .contains("only a programme manager can change a position");
        assertThat(world.as(World.KE_GOV).get(recommendations("KE", cycle) + "/" + id).json().get("position").asText())
                .as("nothing written").isEqualTo("SUPPORTED");
        assertThat(world.as(World.MW_GOV).putJson(position, "{\"position\":\"NOTED\"}", null).status())
                .as("another country's government").isEqualTo(404);

        Http.Response corrected = world.as(World.KE_MANAGER).putJson(position, "{\"position\":\"NOTED\"}", null);
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        JsonNode audit = world.as(World.KE_MANAGER).get("/api/countries/KE/audit").json();
        JsonNode change = null;
        for (JsonNode event : audit) {
            if ("POSITION_CHANGED_AFTER_PHASE".equals(event.path("action").asText()) && id.equals(event.path("subject").asText())) {
                change = event;
            }
        }
        assertThat(change).as("the manager's change in the audit trail: %s", audit).isNotNull();
        assertThat(change.get("actor").asText()).isEqualTo(World.KE_MANAGER);
        assertThat(change.get("detail").asText()).isEqualTo("SUPPORTED -> NOTED");
    }

    private String startReviewAndPositions(int cycle) {
        Http.Response started = world.admin().postJson("/engine-rest/process-definition/key/"
                + ReviewAndPositionsProcess.KEY + "/start", """
                {"businessKey":"KE-%d","variables":{
                  "countryCode":{"value":"ke","type":"String"},"cycleNumber":{"value":%d,"type":"Integer"},
                  "recommendationsDue":{"value":"%s","type":"String"},"positionsDue":{"value":"%s","type":"String"},
                  "adoptionDue":{"value":"%s","type":"String"}}}""".formatted(cycle, cycle, LATER, LATER, LATER));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        return started.json().get("id").asText();
    }

    private String task(String instance, String definitionKey) {
        JsonNode tasks = world.admin().get("/engine-rest/task?processInstanceId=" + instance
                + "&taskDefinitionKey=" + definitionKey).json();
        assertThat(tasks).as("open %s", definitionKey).hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    private int variable(String instance, String name) {
        JsonNode found = world.admin().get("/engine-rest/history/variable-instance?processInstanceId=" + instance
                + "&variableName=" + name).json();
        assertThat(found).as("variable %s", name).hasSize(1);
        return found.get(0).get("value").asInt();
    }

    private Http.Response complete(Http.Caller caller, String user, String taskId, String variables, int expectedStatus) {
        caller.postJson("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}");
        Http.Response completed = caller.postJson("/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":" + variables + "}");
        assertThat(completed.status()).as("%s completes: %s", user, completed).isEqualTo(expectedStatus);
        return completed;
    }
}
