package org.uprflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;
import org.uprflow.testing.World.Probe;

/**
 * A role in one country gives nothing in another, on every channel. Senegal is onboarded here with a
 * manager of its own; the first test is the escalation of the security review, replayed.
 */
class RolesPerCountryIT extends PostgresIntegrationTest {

    private static final String SN_MANAGER = "sn.manager";
    private static final String ENGINE_API = "/camunda/api/engine/engine/default";

    @BeforeEach
    void senegal() {
        Http.Response onboarded = world.admin().postJson("/api/countries", "{\"code\":\"SN\"}");
        assertThat(onboarded.status()).as("onboarding SN: %s", onboarded).isIn(201, 409);
        ensureUser("SN", SN_MANAGER, "PROGRAMME_MANAGER");
    }

    @Test
    void senegalManagerCannotMakeAKenyanNhriMemberAManagerOfSenegal() {
        String kenyan = ensureUser("KE", "ke.nhri.escalation", "NHRI");
        Http.Caller senegalManager = world.as(SN_MANAGER);

        Http.Response refused = senegalManager.postJson("/api/countries/SN/participants",
                "{\"userId\":\"" + kenyan + "\",\"role\":\"PROGRAMME_MANAGER\"}");

        assertThat(refused.status()).as("%s", refused).isEqualTo(409);
        assertThat(refused.json().path("detail").asText()).contains(kenyan).contains("SN");
        assertThat(World.ids(world.admin().get("/engine-rest/group?member=" + kenyan).json())).containsExactly("ke-nhri");
        assertThat(World.ids(world.admin().get("/engine-rest/tenant?userMember=" + kenyan).json())).isEmpty();
        Http.Caller nhri = world.as(kenyan);
        assertThat(nhri.get("/api/countries/KE/audit").status()).isEqualTo(403);
        assertThat(nhri.postJson("/api/countries/KE/participants", newUser("ke.gov.escalation", "GOVERNMENT")).status())
                .isEqualTo(403);
    }

    @Test
    void managerOfSenegalManagesNothingInKenyaEvenWhenTheStoreMixesTheRoles() {
        // What the review's escalation left behind, made directly by an admin: a Kenyan NHRI member in the
        // managers' group and a member of Senegal in her own name.
        String mixed = ensureUser("KE", "ke.nhri.mixed", "NHRI");
        assertThat(world.admin().put("/engine-rest/group/programme-managers/members/" + mixed).status()).isEqualTo(204);
        assertThat(world.admin().put("/engine-rest/tenant/sn/user-members/" + mixed).status()).isEqualTo(204);
        Probe kenya = world.startProbe("ke");
        Http.Caller caller = world.as(mixed);

        assertThat(caller.get("/api/countries/SN").status()).as("she manages Senegal").isEqualTo(200);
        assertThat(caller.get("/api/countries/KE/audit").status()).isEqualTo(404);
        assertThat(caller.get("/api/countries/KE/participants").status()).isEqualTo(404);
        assertThat(caller.postJson("/api/countries/KE/participants", newUser("ke.gov.mixed", "GOVERNMENT")).status())
                .isEqualTo(404);
        assertThat(world.admin().get("/engine-rest/user?id=ke.gov.mixed").json()).isEmpty();
        assertThat(caller.get("/engine-rest/task?processInstanceId=" + kenya.processInstanceId()).json()).isEmpty();
        assertThat(caller.get("/engine-rest/task/" + kenya.csoTaskId()).status()).isEqualTo(404);
        assertThat(caller.get("/engine-rest/history/process-instance?processInstanceId=" + kenya.processInstanceId())
                .json()).isEmpty();
        assertThat(caller.get("/engine-rest/history/task?processInstanceId=" + kenya.processInstanceId()).json())
                .isEmpty();

        // Tasklist and Cockpit set the engine identity themselves, from every tenant of every group: the same rule.
        Http.Caller tasklist = http.webappLogin(mixed, World.PASSWORD, "tasklist");
        assertThat(tasklist.get(ENGINE_API + "/task?processInstanceId=" + kenya.processInstanceId()).json()).isEmpty();
        assertThat(tasklist.get(ENGINE_API + "/history/process-instance?processInstanceId="
                + kenya.processInstanceId()).json()).isEmpty();
        assertThat(tasklist.get(ENGINE_API + "/history/task?processInstanceId=" + kenya.processInstanceId()).json())
                .isEmpty();
    }

    @Test
    void managerGrantsRolesOnlyInHerOwnCountry() {
        Http.Caller senegalManager = world.as(SN_MANAGER);

        for (String role : new String[] {"CSO", "GOVERNMENT", "NHRI", "PROGRAMME_MANAGER"}) {
            assertThat(senegalManager.postJson("/api/countries/KE/participants", newUser("ke.new." + role.toLowerCase(), role))
                    .status()).as(role).isEqualTo(404);
            assertThat(senegalManager.postJson("/api/countries/KE/participants",
                    "{\"userId\":\"" + World.KE_CSO + "\",\"role\":\"" + role + "\"}").status()).as(role).isEqualTo(404);
        }
        assertThat(World.ids(world.admin().get("/engine-rest/group?member=" + World.KE_CSO).json())).containsExactly("ke-cso");
        assertThat(world.admin().get("/engine-rest/user?idIn=ke.new.cso,ke.new.government,ke.new.nhri,ke.new.programme_manager")
                .json()).isEmpty();
    }

    @Test
    void aManagerOfKenyaGetsNoCountryRoleInSenegalButAParticipantMayTakePartInBoth() {
        Http.Caller senegalManager = world.as(SN_MANAGER);

        Http.Response managerAsCso = senegalManager.postJson("/api/countries/SN/participants",
                "{\"userId\":\"" + World.KE_MANAGER + "\",\"role\":\"CSO\"}");
        assertThat(managerAsCso.status()).as("%s", managerAsCso).isEqualTo(409);
        assertThat(World.ids(world.admin().get("/engine-rest/group?member=" + World.KE_MANAGER).json()))
                .doesNotContain("sn-cso");

        String kenyanCso = ensureUser("KE", "ke.cso.both", "CSO");
        assertThat(senegalManager.postJson("/api/countries/SN/participants",
                "{\"userId\":\"" + kenyanCso + "\",\"role\":\"CSO\"}").status()).isEqualTo(201);
        assertThat(world.as(kenyanCso).get("/api/countries/SN").status()).isEqualTo(200);
        assertThat(world.as(kenyanCso).get("/api/countries/SN/audit").status()).isEqualTo(403);

        Http.Response managerOfBoth = senegalManager.postJson("/api/countries/SN/participants",
                "{\"userId\":\"" + World.BOTH_MANAGER + "\",\"role\":\"PROGRAMME_MANAGER\"}");
        assertThat(managerOfBoth.status()).as("a manager elsewhere may manage here too: %s", managerOfBoth).isEqualTo(201);
    }

    @Test
    void aRoleTakenAwayCountsAtTheNextRequestInTheWebappsToo() {
        String manager = ensureUser("SN", "sn.manager.revoked", "PROGRAMME_MANAGER");
        Probe senegal = world.startProbe("sn");
        Http.Caller tasklist = http.webappLogin(manager, World.PASSWORD, "tasklist");
        Http.Caller basic = world.as(manager);
        assertThat(tasklist.get(ENGINE_API + "/task?processInstanceId=" + senegal.processInstanceId()).json()).hasSize(2);
        assertThat(basic.get("/api/countries/SN/audit").status()).isEqualTo(200);

        assertThat(world.admin().delete("/engine-rest/tenant/sn/user-members/" + manager).status()).isEqualTo(204);

        assertThat(tasklist.get(ENGINE_API + "/task?processInstanceId=" + senegal.processInstanceId()).json()).isEmpty();
        assertThat(basic.get("/api/countries/SN/audit").status()).isEqualTo(404);
        assertThat(basic.get("/engine-rest/task/" + senegal.csoTaskId()).status()).isEqualTo(404);
    }

    private String ensureUser(String country, String userId, String role) {
        Http.Response response = world.admin().postJson("/api/countries/" + country + "/participants", newUser(userId, role));
        assertThat(response.status()).as("adding %s: %s", userId, response).isIn(201, 409);
        return userId;
    }

    private static String newUser(String userId, String role) {
        return """
                {"userId":"%s","role":"%s","firstName":"Test","lastName":"User","email":"%s@example.org","password":"%s"}
                """.formatted(userId, role, userId, World.PASSWORD);
    }
}
