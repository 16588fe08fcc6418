package org.uprflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;
import org.uprflow.testing.World.Probe;

/**
 * Another country's task answers exactly like a task that does not exist, on the webapps' engine API (what
 * Tasklist calls) and on /engine-rest: the same status and the same body, so that nobody learns that the id
 * exists; and the refusal leaves no stack trace in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class OpaqueIdsIT extends PostgresIntegrationTest {

    private static final String ID = "{id}";
    /** What Tasklist does with a task, by method and path under the engine API. */
    private static final List<String> TASK_CALLS = List.of("GET task/{id}", "GET task/{id}/form", "GET task/{id}/form-variables",
            "GET task/{id}/variables", "GET task/{id}/variables/stakeholderReport", "GET task/{id}/rendered-form",
            "GET task/{id}/identity-links", "GET task/{id}/comment", "GET task/{id}/attachment",
            "GET task/{id}/deployed-form", "POST task/{id}/claim", "POST task/{id}/unclaim",
            "POST task/{id}/complete", "POST task/{id}/submit-form", "POST task/{id}/assignee",
            "POST task/{id}/identity-links", "POST task/{id}/variables", "PUT task/{id}/variables/x",
            "POST task/{id}/comment/create", "DELETE task/{id}/variables/stakeholderReport");

    @Test
    void anotherCountrysTaskAnswersLikeAMissingOneWithoutAStackTrace(CapturedOutput output) {
        Probe kenya = world.startProbe("ke");
        String missing = UUID.randomUUID().toString();
        Http.Caller tasklist = http.webappLogin(World.MW_GOV, World.PASSWORD, "tasklist");
        Http.Caller rest = world.as(World.MW_GOV);
        int logBefore = output.length();
        List<String> oracles = new ArrayList<>();

        for (String call : TASK_CALLS) {
            String method = call.substring(0, call.indexOf(' '));
            String path = call.substring(call.indexOf(' ') + 1);
            for (String base : List.of("/camunda/api/engine/engine/default/", "/engine-rest/")) {
                Http.Caller caller = base.startsWith("/camunda") ? tasklist : rest;
                Http.Response other = call(caller, method, base + path.replace(ID, kenya.governmentTaskId()));
                Http.Response none = call(caller, method, base + path.replace(ID, missing));
                String otherBody = other.body().replace(kenya.governmentTaskId(), ID);
                String noneBody = none.body().replace(missing, ID);
                if (other.status() != none.status() || !otherBody.equals(noneBody) || other.status() < 400
                        || other.status() >= 500) {
                    oracles.add(method + " " + base + path + ": another country's " + other.status() + " " + otherBody
                            + " / missing " + none.status() + " " + noneBody);
                }
            }
        }

        assertThat(oracles).as("answers that tell another country's task from a missing one").isEmpty();
        String log = output.toString().substring(logBefore);
        assertThat(log).as("no stack trace for a client's mistake").doesNotContain("ENGINE-13034")
                .doesNotContain("\tat org.camunda");
        assertThat(world.admin().get("/engine-rest/task/" + kenya.governmentTaskId()).json().path("assignee").isNull())
                .as("nothing changed on the task").isTrue();
        assertThat(world.admin().get("/engine-rest/task/" + kenya.governmentTaskId() + "/variables").json()
                .path("stakeholderReport").path("value").asText()).isEqualTo("Draft of the ke report");
    }

    private static Http.Response call(Http.Caller caller, String method, String path) {
        return switch (method) {
            case "GET" -> caller.get(path);
            case "PUT" -> caller.putJson(path, "{\"value\":\"x\",\"type\":\"String\"}", null);
            case "DELETE" -> caller.delete(path);
            default -> caller.postJson(path, path.endsWith("/assignee") || path.endsWith("/claim")
                    ? "{\"userId\":\"" + World.MW_GOV + "\"}" : path.endsWith("identity-links")
                    ? "{\"userId\":\"" + World.MW_GOV + "\",\"type\":\"candidate\"}" : path.endsWith("/create")
                    ? "{\"message\":\"hello\"}" : "{}");
        };
    }
}
