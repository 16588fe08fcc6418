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
 * The platform's pages call {@code /api} with the login of the Camunda webapps (one login for Tasklist
 * and the pages), with a token on every write, and see only the caller's countries.
 */
class PageSessionIT extends PostgresIntegrationTest {

    @Test
    void pageSessionCallsTheApiAsTheLoggedInUser() {
        Http.Caller page = http.pageLogin(World.KE_CSO, World.PASSWORD);

        JsonNode session = page.get("/api/session").json();

        assertThat(session.path("userId").asText()).isEqualTo(World.KE_CSO);
        assertThat(session.path("countries").get(0).asText()).isEqualTo("KE");
        assertThat(session.path("countries")).hasSize(1);
        assertThat(session.path("programmeManager").asBoolean()).isFalse();
        assertThat(session.path("csrfToken").asText()).hasSizeGreaterThan(30);
    }

    @Test
    void pageSessionSeesOnlyItsOwnCountry() {
        Probe kenya = world.startProbe("ke");
        Probe malawi = world.startProbe("mw");
        Http.Caller page = http.pageLogin(World.MW_GOV, World.PASSWORD);

        JsonNode tasks = page.get("/api/tasks?max=200").json();

        assertThat(ids(tasks)).contains(malawi.governmentTaskId())
                .doesNotContain(kenya.csoTaskId(), kenya.governmentTaskId());
        assertThat(page.get("/api/countries/KE/cycles").status()).isIn(403, 404);
    }

    @Test
    void theSameLoginOpensTasklist() {
        Http.Caller page = http.pageLogin(World.KE_CSO, World.PASSWORD);

        assertThat(page.get("/camunda/api/engine/engine/default/task/count").status()).isEqualTo(200);
    }

    @Test
    void theSessionKeepsItsIdAcrossApiCalls() {
        Http.Caller page = http.pageLogin(World.KE_CSO, World.PASSWORD);
        String before = page.cookie("SESSION");

        page.get("/api/tasks");
        page.get("/api/session");

        assertThat(page.cookie("SESSION")).isEqualTo(before);
    }

    @Test
    void aWriteWithTheSessionCookieButWithoutTheTokenIsRefused() {
        Http.Caller page = http.pageLogin(World.KE_CSO, World.PASSWORD);
        Http.Caller forged = http.withCookie("SESSION", page.cookie("SESSION"));

        Http.Response refused = forged.postJson("/api/session/logout", "{}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(page.get("/api/session").status()).as("the session survives the forged write").isEqualTo(200);
    }

    @Test
    void logoutEndsTheSessionForThePagesAndTasklist() {
        Http.Caller page = http.pageLogin(World.KE_GOV, World.PASSWORD);

        assertThat(page.postJson("/api/session/logout", "{}").status()).isEqualTo(204);

        assertThat(page.get("/api/session").status()).isEqualTo(401);
        assertThat(page.get("/camunda/api/engine/engine/default/task/count").status()).isIn(401, 403);
    }

    @Test
    void theSessionCookieDoesNotOpenTheEngineRestApi() {
        Http.Caller page = http.pageLogin(World.KE_CSO, World.PASSWORD);

        assertThat(page.get("/engine-rest/task").status()).isEqualTo(401);
    }

    @Test
    void pagesLoadAsAnonymousWhileTheApiAsksForALoginWithoutAPasswordDialog() {
        Http.Caller anonymous = http.anonymous();

        assertThat(anonymous.get("/login/").status()).isEqualTo(200);
        assertThat(anonymous.get("/login/").body()).contains("login.js");
        assertThat(anonymous.get("/ui/uprflow.js").status()).isEqualTo(200);
        Http.Response fromScript = http.withHeader("X-Requested-With", "XMLHttpRequest").get("/api/session");
        assertThat(fromScript.status()).isEqualTo(401);
        assertThat(fromScript.headers().getFirst("WWW-Authenticate")).isNull();
        assertThat(anonymous.get("/api/session").headers().getFirst("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void pageTextsComeInTheBrowsersLanguage() {
        assertThat(http.withHeader("Accept-Language", "fr-CA,fr;q=0.9").get("/api/messages").json()
                .path("page.login.submit").asText()).isEqualTo("Se connecter");
        assertThat(http.withHeader("Accept-Language", "de-DE,es;q=0.8").get("/api/messages").json()
                .path("page.login.submit").asText()).isEqualTo("Iniciar sesi\u00f3n");
        assertThat(http.withHeader("Accept-Language", "de").get("/api/messages").json()
                .path("page.login.submit").asText()).isEqualTo("Log in");
    }
}
