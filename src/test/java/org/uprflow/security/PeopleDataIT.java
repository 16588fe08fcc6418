package org.uprflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/**
 * Who works with whom is itself sensitive: a user sees the people of her countries through {@code /api},
 * e-mail addresses only if she manages the country; the engine's identity listings, on
 * {@code /engine-rest} and in the webapps, show a non-admin nobody but herself.
 */
class PeopleDataIT extends PostgresIntegrationTest {

    private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

    @Test
    void programmeManagerListsNobodyButHerselfThroughTheEngine() {
        listsNobodyButHerself(world.as(World.KE_MANAGER), "/engine-rest");
    }

    @Test
    void programmeManagerListsNobodyButHerselfInTheWebapps() {
        listsNobodyButHerself(http.webappLogin(World.KE_MANAGER, World.PASSWORD, "cockpit"), WEBAPP_ENGINE);
    }

    private static void listsNobodyButHerself(Http.Caller manager, String engine) {
        assertThat(World.ids(manager.get(engine + "/user?maxResults=1000").json())).containsExactly(World.KE_MANAGER);
        assertThat(manager.get(engine + "/user?memberOfGroup=mw-cso").json()).isEmpty();
        assertThat(manager.get(engine + "/user/count").json().get("count").asInt()).isEqualTo(1);
        assertThat(manager.get(engine + "/user/" + World.MW_CSO + "/profile").status()).isIn(403, 404);
        assertThat(manager.get(engine + "/user/" + World.KE_CSO + "/profile").status()).isIn(403, 404);
        assertThat(World.ids(manager.get(engine + "/group?maxResults=1000").json()))
                .doesNotContain("mw-cso", "mw-government", "ke-cso", "camunda-admin");
        JsonNode groupInfo = manager.get(engine + "/identity/groups?userId=" + World.MW_CSO).json();
        assertThat(groupInfo.path("groups")).isEmpty();
        assertThat(groupInfo.path("groupUsers")).isEmpty();
    }

    @Test
    void participantListsNobodyButHerselfThroughTheEngine() {
        Http.Caller cso = world.as(World.KE_CSO);
        assertThat(World.ids(cso.get("/engine-rest/user").json())).containsExactly(World.KE_CSO);
        JsonNode groupInfo = cso.get("/engine-rest/identity/groups?userId=" + World.KE_CSO).json();
        assertThat(groupInfo.path("groupUsers").findValuesAsText("id")).as("nobody of her group but her")
                .isSubsetOf(World.KE_CSO);
        assertThat(cso.get("/engine-rest/user?memberOfGroup=ke-government").json()).isEmpty();
    }

    @Test
    void countryPeopleThroughTheApiWithEmailsOnlyForItsManagers() {
        JsonNode forManager = world.as(World.KE_MANAGER).get("/api/countries/KE/participants").json();
        assertThat(forManager.findValuesAsText("userId")).contains(World.KE_CSO, World.KE_GOV)
                .doesNotContain(World.MW_CSO);
        assertThat(forManager.findValuesAsText("email")).contains(World.KE_GOV + "@example.org");

        JsonNode forCso = world.as(World.KE_CSO).get("/api/countries/KE/participants").json();
        assertThat(forCso.findValuesAsText("userId")).contains(World.KE_GOV);
        assertThat(forCso.findValues("email")).isNotEmpty().allMatch(JsonNode::isNull);

        assertThat(world.as(World.KE_MANAGER).get("/api/countries/MW/participants").status()).isEqualTo(404);
        assertThat(world.as(World.KE_CSO).get("/api/countries/MW/participants").status()).isEqualTo(404);
    }

    @Test
    void adminStillSeesEveryone() {
        assertThat(World.ids(world.admin().get("/engine-rest/user?maxResults=1000").json()))
                .contains(World.KE_CSO, World.MW_CSO, World.KE_MANAGER);
    }

}
