package org.uprflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uprflow.testing.World.ids;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;
import org.uprflow.testing.World.Probe;

/**
 * Tasklist's own API ({@code /camunda/api/...}), driven the way the Tasklist page drives it:
 * a session login with the CSRF token echoed back, then filters and their task lists.
 */
class TasklistIsolationIT extends PostgresIntegrationTest {

    private static final String ENGINE_API = "/camunda/api/engine/engine/default";

    private Http.Caller login(String user) {
        return http.webappLogin(user, World.PASSWORD, "tasklist");
    }

    @Test
    void kenyaCsoSeesOnlyKenyasFiltersAndTasks() {
        Probe kenya = world.startProbe("ke");
        Probe malawi = world.startProbe("mw");
        Http.Caller tasklist = login(World.KE_CSO);

        JsonNode filters = tasklist.get(ENGINE_API + "/filter?resourceType=Task").json();
        assertThat(filters.findValuesAsText("name")).containsExactlyInAnyOrder("Kenya \u00b7 CSO tasks", "Kenya \u00b7 my tasks");

        String csoFilter = filterId(filters, "Kenya \u00b7 CSO tasks");
        JsonNode listed = tasklist.postJson(ENGINE_API + "/filter/" + csoFilter + "/list?firstResult=0&maxResults=50",
                "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}").json();
        assertThat(ids(listed)).contains(kenya.csoTaskId()).doesNotContain(kenya.governmentTaskId(),
                malawi.csoTaskId(), malawi.governmentTaskId());

        JsonNode all = tasklist.get(ENGINE_API + "/task?maxResults=500").json();
        assertThat(all.findValuesAsText("tenantId")).isNotEmpty().containsOnly("ke");
        assertThat(ids(all)).doesNotContain(malawi.csoTaskId(), malawi.governmentTaskId());
    }

    @Test
    void kenyaCsoClaimsAKenyaTaskInTasklist() {
        Probe kenya = world.startProbe("ke");
        Http.Caller tasklist = login(World.KE_CSO);

        Http.Response claim = tasklist.postJson(ENGINE_API + "/task/" + kenya.csoTaskId() + "/claim",
                "{\"userId\":\"" + World.KE_CSO + "\"}");

        assertThat(claim.status()).as(claim.toString()).isEqualTo(204);
        assertThat(world.admin().get("/engine-rest/task/" + kenya.csoTaskId()).json().get("assignee").asText())
                .isEqualTo(World.KE_CSO);
    }

    @Test
    void malawiGovernmentCanUseNeitherKenyasFiltersNorItsTasks() {
        Probe kenya = world.startProbe("ke");
        String kenyaFilter = filterId(world.admin().get("/engine-rest/filter?resourceType=Task").json(),
                "Kenya \u00b7 Government tasks");
        Http.Caller tasklist = login(World.MW_GOV);

        assertThat(tasklist.get(ENGINE_API + "/filter?resourceType=Task").json().findValuesAsText("name"))
                .allMatch(name -> name.startsWith("Malawi"));
        assertThat(tasklist.get(ENGINE_API + "/filter/" + kenyaFilter).status()).isEqualTo(403);
        assertThat(tasklist.postJson(ENGINE_API + "/filter/" + kenyaFilter + "/list", "{}").status()).isEqualTo(403);
        assertThat(tasklist.get(ENGINE_API + "/task/" + kenya.governmentTaskId()).status()).isEqualTo(404);
        // The webapps' own engine API corrects Camunda's 500 for a tenant-check failure as /engine-rest does
        // (engine.WebappEngineApi): the same 404 as for a task that does not exist, no data, no change.
        Http.Response variables = tasklist.get(ENGINE_API + "/task/" + kenya.governmentTaskId() + "/form-variables");
        assertThat(variables.status()).isEqualTo(404);
        assertThat(variables.body()).doesNotContain("Draft of the ke report");
        Http.Response claim = tasklist.postJson(ENGINE_API + "/task/" + kenya.governmentTaskId() + "/claim",
                "{\"userId\":\"" + World.MW_GOV + "\"}");
        assertThat(claim.status()).as(claim.toString()).isEqualTo(404);
        Http.Response complete = tasklist.postJson(ENGINE_API + "/task/" + kenya.governmentTaskId() + "/submit-form",
                "{\"variables\":{}}");
        assertThat(complete.status()).as(complete.toString()).isEqualTo(404);
        assertThat(world.admin().get("/engine-rest/task/" + kenya.governmentTaskId()).json().get("assignee").isNull())
                .isTrue();
    }

    @Test
    void managerOfTwoCountriesSeesOnlyKenyaInKenyasAllTasksFilter() {
        Probe kenya = world.startProbe("ke");
        Probe malawi = world.startProbe("mw");
        Http.Caller tasklist = login(World.BOTH_MANAGER);

        JsonNode filters = tasklist.get(ENGINE_API + "/filter?resourceType=Task").json();
        assertThat(filters.findValuesAsText("name")).contains("Kenya \u00b7 all tasks", "Malawi \u00b7 all tasks");
        JsonNode listed = tasklist.postJson(ENGINE_API + "/filter/" + filterId(filters, "Kenya \u00b7 all tasks")
                + "/list?maxResults=500", "{}").json();
        assertThat(ids(listed)).contains(kenya.csoTaskId(), kenya.governmentTaskId())
                .doesNotContain(malawi.csoTaskId(), malawi.governmentTaskId());
    }

    @Test
    void writesWithoutTheCsrfTokenAreRefused() {
        Probe kenya = world.startProbe("ke");
        Http.Caller tasklist = login(World.KE_CSO);
        Http.Caller forged = http.session();
        // Same user, but a request that does not carry the session's token (a cross-site form post).
        assertThat(forged.postJson(ENGINE_API + "/task/" + kenya.csoTaskId() + "/claim",
                "{\"userId\":\"" + World.KE_CSO + "\"}").status()).isIn(401, 403);
        assertThat(tasklist.get(ENGINE_API + "/task/" + kenya.csoTaskId()).json().get("assignee").isNull()).isTrue();
    }

    @Test
    void kenyaOnlyManagerSeesNoMalawiTaskAnywhere() {
        Probe malawi = world.startProbe("mw");
        Http.Caller tasklist = login(World.KE_MANAGER);

        assertThat(tasklist.get(ENGINE_API + "/filter?resourceType=Task").json().findValuesAsText("name"))
                .containsExactly("Kenya \u00b7 all tasks");
        assertThat(ids(tasklist.get(ENGINE_API + "/task?maxResults=500").json()))
                .doesNotContain(malawi.csoTaskId(), malawi.governmentTaskId());
    }

    @Test
    void webappsCarryTheProductNameAndHideTheEndOfLifeBanner() {
        Http.Response config = http.anonymous().get("/camunda/app/tasklist/scripts/config.js");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body()).contains("vendor: 'UPR Flow'");
        Http.Response styles = http.anonymous().get("/camunda/app/tasklist/styles/user-styles.css");
        assertThat(styles.body()).containsPattern("\\.ce-eol-banner\\s*\\{\\s*display:\\s*none");
        for (String app : new String[] {"cockpit", "admin", "welcome"}) {
            assertThat(http.anonymous().get("/camunda/app/" + app + "/scripts/config.js").body()).contains("UPR Flow");
            assertThat(http.anonymous().get("/camunda/app/" + app + "/styles/user-styles.css").body())
                    .contains("tasklist/styles/user-styles.css");
        }
    }

    private static String filterId(JsonNode filters, String name) {
        for (JsonNode filter : filters) {
            if (name.equals(filter.get("name").asText())) {
                return filter.get("id").asText();
            }
        }
        throw new AssertionError("No filter '" + name + "' in " + filters);
    }
}
