package org.uprflow.country;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/** {@code /api/countries}: onboarding, participants, and every bad input with its answer. */
class CountryApiIT extends PostgresIntegrationTest {

    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    FilterService filterService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void onboardingCreatesTenantGroupsAuthorizationsAndFilters() {
        Http.Response created = world.admin().postJson("/api/countries", "{\"code\":\"sn\"}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.headers().getLocation()).hasToString("/api/countries/SN");
        assertThat(created.json().get("name").asText()).isEqualTo("Senegal");
        assertThat(identityService.createTenantQuery().tenantId("sn").singleResult().getName()).isEqualTo("Senegal");
        assertThat(identityService.createGroupQuery().groupIdIn("sn-cso", "sn-government", "sn-nhri").memberOfTenant("sn")
                .list()).extracting(Group::getId).containsExactlyInAnyOrder("sn-cso", "sn-government", "sn-nhri");
        for (String group : new String[] {"sn-cso", "sn-government", "sn-nhri"}) {
            assertThat(authorizationService.isUserAuthorized("someone", java.util.List.of(group), Permissions.ACCESS,
                    Resources.APPLICATION, "tasklist")).as(group).isTrue();
        }
        assertThat(filterService.createTaskFilterQuery().filterNameLike("Senegal%").count()).isEqualTo(5);
    }

    @Test
    void codeThatIsNoIsoCountryIs400NamingTheField() {
        for (String code : new String[] {"XX", "KEN", "1", "", " "}) {
            Http.Response response = world.admin().postJson("/api/countries", "{\"code\":\"" + code + "\"}");
            assertThat(response.status()).as(code).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("errors").has("code")).as(response.toString()).isTrue();
        }
        assertThat(world.admin().get("/api/countries/XX").status()).isEqualTo(400);
    }

    @Test
    void malformedJsonIs400WithWhereItBroke() {
        Http.Response response = world.admin().postJson("/api/countries", "{\"code\": \"SN\"");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asText()).contains("not valid JSON").contains("line 1");
    }

    @Test
    void missingOrUnknownFieldsAre400NamingTheField() {
        assertThat(world.admin().postJson("/api/countries", "{}").json().get("errors").has("code")).isTrue();
        Http.Response unknown = world.admin().postJson("/api/countries", "{\"code\":\"SN\",\"region\":\"Africa\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").has("region")).isTrue();
        Http.Response empty = world.admin().postJson("/api/countries", "");
        assertThat(empty.status()).isEqualTo(400);
    }

    @Test
    void onboardingTwiceIs409() {
        Http.Response again = world.admin().postJson("/api/countries", "{\"code\":\"KE\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("KE");
    }

    @Test
    void unknownCountryIs404AndAnotherCountrysIs404Too() {
        assertThat(world.admin().get("/api/countries/FR").status()).isEqualTo(404);
        Http.Caller kenyan = world.as(World.KE_CSO);
        assertThat(kenyan.get("/api/countries/KE").status()).isEqualTo(200);
        assertThat(kenyan.get("/api/countries/MW").status()).isEqualTo(404);
        assertThat(kenyan.get("/api/countries/MW/participants").status()).isEqualTo(404);
        assertThat(world.as(World.KE_MANAGER).postJson("/api/countries/MW/participants",
                "{\"userId\":\"mw.spy\",\"role\":\"CSO\",\"firstName\":\"S\",\"lastName\":\"P\","
                        + "\"email\":\"spy@example.org\",\"password\":\"spy-password\"}").status()).isEqualTo(404);
        assertThat(identityService.createUserQuery().userId("mw.spy").count()).isZero();
    }

    @Test
    void countriesListedAreTheCallersOwn() {
        assertThat(world.as(World.KE_CSO).get("/api/countries").json().findValuesAsText("code")).containsExactly("KE");
        assertThat(world.as(World.MW_GOV).get("/api/countries").json().findValuesAsText("code")).containsExactly("MW");
        assertThat(world.as(World.BOTH_MANAGER).get("/api/countries").json().findValuesAsText("code"))
                .containsExactlyInAnyOrder("KE", "MW");
        assertThat(world.admin().get("/api/countries").json().findValuesAsText("code")).contains("KE", "MW");
    }

    @Test
    void participantsCannotOnboardCountries() {
        Http.Response refused = world.as(World.KE_CSO).postJson("/api/countries", "{\"code\":\"UG\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(identityService.createTenantQuery().tenantId("ug").count()).isZero();
    }

    @Test
    void aProgrammeManagerWhoOnboardsACountryManagesIt() {
        assertThat(world.admin().postJson("/api/countries/KE/participants", """
                {"userId":"pm.gh","role":"PROGRAMME_MANAGER","firstName":"Ama","lastName":"Owusu",
                 "email":"ama@example.org","password":"manager-pass"}""").status()).isEqualTo(201);
        Http.Caller manager = http.as("pm.gh", "manager-pass");

        Http.Response created = manager.postJson("/api/countries", "{\"code\":\"GH\"}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(manager.get("/api/countries/GH/participants").json().findValuesAsText("userId"))
                .containsExactly("pm.gh");
        assertThat(manager.get("/api/countries").json().findValuesAsText("code")).containsExactlyInAnyOrder("GH", "KE");
    }

    @Test
    void nothingIsHalfCreatedWhenAGroupIdIsTaken() {
        Group squatter = identityService.newGroup("tg-nhri");
        squatter.setName("An older group");
        identityService.saveGroup(squatter);

        Http.Response refused = world.admin().postJson("/api/countries", "{\"code\":\"TG\"}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("tg-nhri");
        assertThat(identityService.createTenantQuery().tenantId("tg").count()).isZero();
        assertThat(identityService.createGroupQuery().groupIdIn("tg-cso", "tg-government").count()).isZero();
        assertThat(filterService.createTaskFilterQuery().filterNameLike("Togo%").count()).isZero();
        assertThat(jdbc.sql("select count(*) from country where code = 'tg'").query(Integer.class).single()).isZero();
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn("tg-cso").count()).isZero();
    }

    @Test
    void aNewParticipantCanLogInAndSeesTheirCountry() {
        Http.Response added = world.as(World.KE_MANAGER).postJson("/api/countries/KE/participants", """
                {"userId":"ke.cso2","role":"cso","firstName":"Wanjiku","lastName":"Kamau",
                 "email":"wanjiku@example.org","password":"first-password"}""");

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().get("roles").findValuesAsText("")).isEmpty();
        assertThat(added.json().get("roles").get(0).asText()).isEqualTo("CSO");
        Http.Caller newcomer = http.as("ke.cso2", "first-password");
        assertThat(newcomer.get("/api/countries").status()).as("the manager chose the password: first the user's own")
                .isEqualTo(403);
        assertThat(newcomer.postJson("/api/session/password",
                "{\"currentPassword\":\"first-password\",\"newPassword\":\"my own words for it\"}").status())
                .isEqualTo(204);
        assertThat(http.as("ke.cso2", "my own words for it").get("/api/countries").json().findValuesAsText("code"))
                .containsExactly("KE");
    }

    @Test
    void aNewUserNeedsNameEmailAndPassword() {
        Http.Response refused = world.admin().postJson("/api/countries/KE/participants",
                "{\"userId\":\"ke.nameless\",\"role\":\"NHRI\"}");

        assertThat(refused.status()).isEqualTo(400);
        JsonNode errors = refused.json().get("errors");
        assertThat(errors.has("firstName") && errors.has("lastName") && errors.has("email") && errors.has("password"))
                .as(errors.toString()).isTrue();
        assertThat(identityService.createUserQuery().userId("ke.nameless").count()).isZero();
    }

    @Test
    void badParticipantFieldsAre400NamingTheField() {
        Http.Caller admin = world.admin();
        assertThat(admin.postJson("/api/countries/KE/participants", "{\"userId\":\"x.y\",\"role\":\"KING\"}")
                .json().get("errors").has("role")).isTrue();
        assertThat(admin.postJson("/api/countries/KE/participants", "{\"userId\":\"bad id!\",\"role\":\"CSO\"}")
                .json().get("errors").has("userId")).isTrue();
        assertThat(admin.postJson("/api/countries/KE/participants", """
                {"userId":"x.z","role":"CSO","firstName":"X","lastName":"Z","email":"not-an-email","password":"long-enough"}""")
                .json().get("errors").has("email")).isTrue();
        assertThat(admin.postJson("/api/countries/KE/participants", "{\"role\":\"CSO\"}").json().get("errors")
                .has("userId")).isTrue();
    }

    @Test
    void anExistingUserWithNewDetailsIs409AndKeepsTheirPassword() {
        Http.Response refused = world.admin().postJson("/api/countries/MW/participants", """
                {"userId":"ke.cso","role":"CSO","firstName":"A","lastName":"B","email":"a@example.org","password":"hijacked-1"}""");
        assertThat(refused.status()).isEqualTo(409);
        // Checked with the right password: a wrong one would lock the account for the other tests.
        assertThat(identityService.checkPassword(World.KE_CSO, World.PASSWORD)).isTrue();
    }

    @Test
    void participantsCannotAddParticipants() {
        assertThat(world.as(World.KE_CSO).postJson("/api/countries/KE/participants",
                "{\"userId\":\"ke.friend\",\"role\":\"CSO\",\"firstName\":\"F\",\"lastName\":\"R\","
                        + "\"email\":\"f@example.org\",\"password\":\"friend-pass\"}").status()).isEqualTo(403);
        assertThat(identityService.createUserQuery().userId("ke.friend").count()).isZero();
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        JsonNode api = world.as(World.KE_CSO).get("/v3/api-docs").json();
        assertThat(api.get("paths").has("/api/countries")).isTrue();
        assertThat(api.get("paths").has("/api/countries/{code}/participants")).isTrue();
        assertThat(api.get("paths").has("/api/tasks")).isTrue();
        assertThat(api.get("components").get("securitySchemes").has("basic")).isTrue();
        // the country code as a caller sends it (CountryCodeConverter), not the record CountryCode
        assertThat(api.at("/paths/~1api~1countries~1{code}~1participants/get/parameters/0"))
                .hasToString("{\"name\":\"code\",\"in\":\"path\",\"required\":true,\"schema\":{\"type\":\"string\"}}");
    }
}
