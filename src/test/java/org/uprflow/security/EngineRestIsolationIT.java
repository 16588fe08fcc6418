package org.uprflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uprflow.testing.World.ids;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;
import org.uprflow.testing.World.Probe;

/** The engine's REST API, secured by the platform: each caller sees and touches only their own country. */
class EngineRestIsolationIT extends PostgresIntegrationTest {

    @Test
    void anonymousCallerGets401EverywhereButTheLogin() {
        for (String path : new String[] {"/engine-rest/task", "/engine-rest/process-definition", "/engine-rest/deployment",
                "/engine-rest/user", "/api/countries", "/api/tasks", "/v3/api-docs", "/swagger-ui.html",
                "/camunda/api/engine/engine/default/task", "/camunda/api/engine/engine/default/filter",
                "/camunda/api/cockpit/plugin/base/default/process-definition/statistics", "/no/such/page"}) {
            assertThat(http.anonymous().get(path).status()).as(path).isEqualTo(401);
        }
        assertThat(http.anonymous().postJson("/engine-rest/process-definition/key/isolation-probe/start", "{}").status())
                .isEqualTo(401);
        assertThat(http.anonymous().get("/camunda/app/tasklist/default/").status()).as("the login page").isEqualTo(200);
    }

    @Test
    void apiProblemForMissingCredentialsIsJson() {
        Http.Response response = http.anonymous().get("/api/countries");
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.headers().getFirst("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void kenyaCsoSeesKenyaTasksAndNoneOfMalawis() {
        Probe kenya = world.startProbe("ke");
        Probe malawi = world.startProbe("mw");

        JsonNode tasks = world.as(World.KE_CSO).get("/engine-rest/task?maxResults=500").json();

        assertThat(ids(tasks)).contains(kenya.csoTaskId())
                .doesNotContain(malawi.csoTaskId(), malawi.governmentTaskId());
        assertThat(tasks.findValuesAsText("tenantId")).isNotEmpty().containsOnly("ke");
        assertThat(world.as(World.MW_CSO).get("/engine-rest/task?maxResults=500").json().findValuesAsText("tenantId"))
                .isNotEmpty().containsOnly("mw");
    }

    @Test
    void kenyaCsoClaimsAndCompletesAKenyaTask() {
        Probe kenya = world.startProbe("ke");
        Http.Caller cso = world.as(World.KE_CSO);

        assertThat(cso.postJson("/engine-rest/task/" + kenya.csoTaskId() + "/claim", "{\"userId\":\"ke.cso\"}").status())
                .isEqualTo(204);
        assertThat(cso.get("/engine-rest/task/" + kenya.csoTaskId() + "/variables/stakeholderReport").json()
                .get("value").asText()).isEqualTo("Draft of the ke report");
        assertThat(cso.postJson("/engine-rest/task/" + kenya.csoTaskId() + "/complete", "{\"variables\":{}}").status())
                .isEqualTo(204);

        assertThat(world.admin().get("/engine-rest/task/" + kenya.csoTaskId()).status()).isEqualTo(404);
        assertThat(world.admin().get("/engine-rest/history/task?taskId=" + kenya.csoTaskId()).json().get(0)
                .get("assignee").asText()).isEqualTo("ke.cso");
    }

    @Test
    void malawiGovernmentCanNeitherClaimNorCompleteNorReadAKenyaTask() {
        Probe kenya = world.startProbe("ke");
        Http.Caller malawi = world.as(World.MW_GOV);
        String task = "/engine-rest/task/" + kenya.governmentTaskId();

        assertThat(malawi.get(task).status()).isIn(403, 404);
        assertThat(malawi.get(task + "/variables").status()).isIn(403, 404);
        assertThat(malawi.get(task + "/variables/stakeholderReport").status()).isIn(403, 404);
        assertThat(malawi.get("/engine-rest/process-instance/" + kenya.processInstanceId() + "/variables").status())
                .isIn(403, 404);
        assertThat(malawi.postJson(task + "/claim", "{\"userId\":\"mw.gov\"}").status()).isIn(403, 404);
        assertThat(malawi.postJson(task + "/complete", "{\"variables\":{}}").status()).isIn(403, 404);
        assertThat(malawi.postJson(task + "/assignee", "{\"userId\":\"mw.gov\"}").status()).isIn(403, 404);

        JsonNode untouched = world.admin().get(task).json();
        assertThat(untouched.get("assignee").isNull()).as("still unassigned: %s", untouched).isTrue();
        assertThat(world.as(World.KE_GOV).get(task).status()).as("Kenya's own government still sees it").isEqualTo(200);
    }

    @Test
    void nonAdminCannotDeploy() {
        int before = world.admin().get("/engine-rest/deployment/count").json().get("count").asInt();
        for (String user : new String[] {World.KE_MANAGER, World.KE_CSO}) {
            MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
            form.add("deployment-name", "sneaky");
            form.add("data", new ByteArrayResource("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">
                      <process id="sneaky" isExecutable="true"><startEvent id="s"/></process>
                    </definitions>""".getBytes()) {
                @Override
                public String getFilename() {
                    return "sneaky.bpmn";
                }
            });
            Http.Response response = world.as(user).postForm("/engine-rest/deployment/create", form,
                    MediaType.MULTIPART_FORM_DATA);
            assertThat(response.status()).as(user).isEqualTo(403);
        }
        assertThat(world.admin().get("/engine-rest/deployment/count").json().get("count").asInt()).isEqualTo(before);
    }

    @Test
    void nonAdminCannotChangeUsersGroupsOrAuthorizations() {
        Http.Caller manager = world.as(World.KE_MANAGER);
        assertThat(manager.postJson("/engine-rest/user/create",
                "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"N\",\"email\":\"i@example.org\"},"
                        + "\"credentials\":{\"password\":\"intruder-1\"}}").status()).isEqualTo(403);
        assertThat(manager.postJson("/engine-rest/group/create", "{\"id\":\"ke-extra\",\"name\":\"x\",\"type\":\"WORKFLOW\"}")
                .status()).isEqualTo(403);
        assertThat(manager.postJson("/engine-rest/group/ke-cso/members/ke.manager", "").status()).isEqualTo(403);
        assertThat(manager.postJson("/engine-rest/authorization/create",
                "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"ke.manager\",\"resourceType\":0,\"resourceId\":\"*\"}")
                .status()).isEqualTo(403);
        assertThat(world.admin().get("/engine-rest/user/intruder/profile").status()).isEqualTo(404);
        assertThat(world.admin().get("/engine-rest/group/ke-extra").status()).isEqualTo(404);
    }

    @Test
    void instanceStartedOverTheApiBelongsToItsCountry() {
        Probe kenya = world.startProbe("ke");
        JsonNode instance = world.admin().get("/engine-rest/process-instance/" + kenya.processInstanceId()).json();
        assertThat(instance.get("tenantId").asText()).isEqualTo("ke");
    }

    @Test
    void managersOpenCyclesThroughTheApiOnlyNotByStartingProcesses() {
        int cycles = world.admin().get("/engine-rest/process-instance/count?processDefinitionKey=upr-cycle").json()
                .get("count").asInt();
        for (String country : new String[] {"ke", "mw"}) {
            Http.Response refused = world.as(World.KE_MANAGER).postJson(
                    "/engine-rest/process-definition/key/upr-cycle/start", "{\"businessKey\":\"KE-9\",\"variables\":"
                            + "{\"countryCode\":{\"value\":\"" + country + "\",\"type\":\"String\"},"
                            + "\"cycleNumber\":{\"value\":9,\"type\":\"Integer\"},"
                            + "\"reviewDate\":{\"value\":\"2030-01-21\",\"type\":\"String\"}}}");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        }
        assertThat(world.as(World.KE_MANAGER).postJson("/engine-rest/process-definition/key/isolation-probe/start",
                "{\"variables\":{\"countryCode\":{\"value\":\"ke\",\"type\":\"String\"}}}").status()).isEqualTo(403);
        assertThat(world.admin().get("/engine-rest/process-instance/count?processDefinitionKey=upr-cycle").json()
                .get("count").asInt()).isEqualTo(cycles);
    }

    @Test
    void startWithoutCountryIsABadRequest() {
        Http.Response refused = world.admin().postJson("/engine-rest/process-definition/key/isolation-probe/start",
                "{\"variables\":{}}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.body()).contains("countryCode");
    }

    @Test
    void wrongPasswordIsRefused() {
        // Users no other test logs in with: a wrong password locks an account for a few seconds.
        assertThat(http.as("nobody-at-all", "wrong").get("/engine-rest/task").status()).isEqualTo(401);
        assertThat(http.as(World.KE_NHRI, "not-the-password").get("/api/countries").status()).isEqualTo(401);
    }
}
