package org.uprflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/**
 * One password rule on every channel that sets a password (the platform's /api, /engine-rest, the webapps' Admin
 * and profile), each refusal a 400 naming the field in the caller's language with nothing written; and the
 * first-login change of an account a programme manager created, or whose password an admin reset, held on every
 * channel until it is done.
 */
class PasswordPolicyIT extends PostgresIntegrationTest {

    /** Blank, short, the user's own id, a common one with digits after it, a user's name. */
    private static final List<String> WEAK = List.of("          ", "a", "        a ", "Password2024!", "qwertyuiop");
    private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void theApiRefusesWeakPasswordsNamingTheFieldInTheCallersLanguage() {
        String userId = fresh("ke.weak");
        for (String password : WEAK) {
            Http.Response refused = world.as(World.KE_MANAGER, "fr").postJson("/api/countries/KE/participants",
                    participant(userId, password));
            assertThat(refused.status()).as("%s: %s", password, refused).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("errors").path("password").asText()).as(refused.toString()).isNotBlank();
        }
        Http.Response short1 = world.as(World.KE_MANAGER, "fr").postJson("/api/countries/KE/participants",
                participant(userId, "a"));
        assertThat(short1.json().path("errors").path("password").asText()).contains("au moins 10 caract\u00e8res");
        Http.Response ownName = world.as(World.KE_MANAGER, "es").postJson("/api/countries/KE/participants",
                participant("ke.ownname", "KE.ownname-2024!"));
        assertThat(ownName.status()).isEqualTo(400);
        assertThat(ownName.json().path("errors").path("password").asText()).contains("nombre de usuario");
        assertThat(userExists(userId)).as("nothing written").isFalse();

        assertThat(world.as(World.KE_MANAGER).postJson("/api/countries/KE/participants",
                participant(userId, "four words in a row")).status()).isEqualTo(201);
    }

    @Test
    void engineRestRefusesWeakPasswordsOnCreateAndOnCredentials() {
        String userId = fresh("rest.weak");
        for (String password : WEAK) {
            Http.Response refused = world.admin().inLanguage("fr").postJson("/engine-rest/user/create", engineUser(userId, password));
            assertThat(refused.status()).as("%s: %s", password, refused).isEqualTo(400);
            assertThat(refused.json().path("message").asText()).startsWith("password").contains("r\u00e8gles");
        }
        assertThat(userExists(userId)).isFalse();

        assertThat(world.admin().postJson("/engine-rest/user/create", engineUser(userId, "four words in a row")).status())
                .isEqualTo(204);
        Http.Response credentials = world.admin().putJson("/engine-rest/user/" + userId + "/credentials",
                "{\"password\":\"a\",\"authenticatedUserPassword\":\"" + ADMIN_PASSWORD + "\"}", null);
        assertThat(credentials.status()).as(credentials.toString()).isEqualTo(400);
        assertThat(credentials.json().path("message").asText()).startsWith("password:");
        assertThat(http.as(userId, "four words in a row").get("/engine-rest/user/" + userId + "/profile").status())
                .as("the password stayed").isEqualTo(200);
    }

    @Test
    void theWebappsAdminAndProfileRefuseWeakPasswords() {
        String userId = fresh("webapp.weak");
        Http.Caller admin = http.webappLogin(ADMIN, ADMIN_PASSWORD, "admin");
        Http.Response created = admin.postJson(WEBAPP_ENGINE + "/user/create", engineUser(userId, "a"));
        assertThat(created.status()).as(created.toString()).isEqualTo(400);
        assertThat(created.json().path("message").asText()).startsWith("password:");
        assertThat(userExists(userId)).isFalse();

        Http.Caller tasklist = http.webappLogin(World.KE_CSO, World.PASSWORD, "tasklist");
        Http.Response own = tasklist.putJson(WEBAPP_ENGINE + "/user/" + World.KE_CSO + "/credentials",
                "{\"password\":\"a\",\"authenticatedUserPassword\":\"" + World.PASSWORD + "\"}", null);
        assertThat(own.status()).as(own.toString()).isEqualTo(400);
        assertThat(own.json().path("message").asText()).startsWith("password:");
        assertThat(world.as(World.KE_CSO).get("/api/session").status()).as("the password stayed").isEqualTo(200);
    }

    @Test
    void aUserAManagerCreatedSetsTheirOwnPasswordBeforeAnythingElse() {
        String userId = fresh("ke.newcomer");
        assertThat(world.as(World.KE_MANAGER).postJson("/api/countries/KE/participants",
                participant(userId, "chosen by the manager")).status()).isEqualTo(201);
        Http.Caller newcomer = http.as(userId, "chosen by the manager", "fr");

        for (String path : List.of("/api/countries", "/api/countries/KE/participants", "/engine-rest/task",
                "/engine-rest/user/" + userId + "/profile")) {
            Http.Response held = newcomer.get(path);
            assertThat(held.status()).as(path).isEqualTo(403);
            assertThat(held.json().path("passwordChangeRequired").asBoolean()).isTrue();
            assertThat(held.json().path("detail").asText()).contains("mot de passe");
        }
        assertThat(newcomer.get("/api/session").json().path("passwordChangeRequired").asBoolean()).isTrue();
        Http.Caller tasklist = http.webappLogin(userId, "chosen by the manager", "tasklist");
        assertThat(tasklist.get(WEBAPP_ENGINE + "/task").status()).isEqualTo(403);
        assertThat(tasklist.postJson(WEBAPP_ENGINE + "/filter/any/list", "{}").status()).isEqualTo(403);
        Http.Response page = tasklist.get("/camunda/app/tasklist/default/");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.headers().getLocation().getPath()).isEqualTo("/password/");
        assertThat(page.headers().getLocation().getQuery()).isEqualTo("next=/camunda/app/tasklist/default/");

        Http.Response wrongCurrent = newcomer.postJson("/api/session/password",
                "{\"currentPassword\":\"guess\",\"newPassword\":\"my own words for it\"}");
        assertThat(wrongCurrent.status()).isEqualTo(400);
        assertThat(wrongCurrent.json().path("errors").has("currentPassword")).isTrue();
        Http.Response same = newcomer.postJson("/api/session/password",
                "{\"currentPassword\":\"chosen by the manager\",\"newPassword\":\"chosen by the manager\"}");
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.json().path("errors").path("newPassword").asText()).contains("diff\u00e9rer");
        Http.Response weak = newcomer.postJson("/api/session/password",
                "{\"currentPassword\":\"chosen by the manager\",\"newPassword\":\"password1\"}");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().path("errors").has("newPassword")).isTrue();
        assertThat(newcomer.get("/api/countries").status()).as("still held").isEqualTo(403);

        assertThat(newcomer.postJson("/api/session/password",
                "{\"currentPassword\":\"chosen by the manager\",\"newPassword\":\"my own words for it\"}").status())
                .isEqualTo(204);
        Http.Caller free = http.as(userId, "my own words for it");
        assertThat(free.get("/api/countries").json().findValuesAsText("code")).containsExactly("KE");
        assertThat(free.get("/api/session").json().path("passwordChangeRequired").asBoolean()).isFalse();
        assertThat(http.as(userId, "chosen by the manager").get("/api/session").status()).isEqualTo(401);
        assertThat(tasklist.get(WEBAPP_ENGINE + "/task").status()).as("the webapps at the next request").isEqualTo(200);
    }

    @Test
    void accountsAnAdminCreatesAreNotHeld() {
        String userId = fresh("ke.byadmin");
        assertThat(world.admin().postJson("/api/countries/KE/participants", participant(userId, "given by the admin"))
                .status()).isEqualTo(201);
        assertThat(http.as(userId, "given by the admin").get("/api/countries").status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from password_change_required where user_id = ?", Integer.class,
                userId)).isZero();
    }

    @Test
    void aPasswordAnAdminResetsOnEngineRestIsChangedAtTheNextLoginAndOnlyOnce() {
        String userId = fresh("ke.reset");
        assertThat(world.admin().postJson("/api/countries/KE/participants", participant(userId, "given by the admin"))
                .status()).isEqualTo(201);
        Http.Response weak = world.admin().putJson("/engine-rest/user/" + userId + "/credentials",
                credentials("a", ADMIN_PASSWORD), null);
        assertThat(weak.status()).as(weak.toString()).isEqualTo(400);
        assertThat(held(userId)).as("a refused reset holds nobody").isZero();
        assertThat(http.as(userId, "given by the admin").get("/api/countries").status()).isEqualTo(200);

        Http.Response reset = world.admin().putJson("/engine-rest/user/" + userId + "/credentials",
                credentials("reset by the admin", ADMIN_PASSWORD), null);
        assertThat(reset.status()).as(reset.toString()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select set_by from password_change_required where user_id = ?", String.class,
                userId)).isEqualTo(ADMIN);
        Http.Caller afterReset = http.as(userId, "reset by the admin", "fr");
        for (String path : List.of("/api/countries", "/engine-rest/task")) {
            Http.Response answer = afterReset.get(path);
            assertThat(answer.status()).as(path).isEqualTo(403);
            assertThat(answer.json().path("passwordChangeRequired").asBoolean()).isTrue();
        }
        assertThat(afterReset.postJson("/api/session/password",
                "{\"currentPassword\":\"reset by the admin\",\"newPassword\":\"my own words for it\"}").status())
                .isEqualTo(204);
        assertThat(http.as(userId, "my own words for it").get("/api/countries").status()).isEqualTo(200);

        assertThat(http.as(userId, "my own words for it").postJson("/api/session/password",
                "{\"currentPassword\":\"my own words for it\",\"newPassword\":\"another of my own\"}").status())
                .isEqualTo(204);
        assertThat(held(userId)).as("the user's own change holds nobody").isZero();
        assertThat(http.as(userId, "another of my own").get("/api/countries").status()).isEqualTo(200);
    }

    @Test
    void aPasswordAnAdminResetsInTheWebappsAdminIsChangedBeforeTasklistAndTheProfileChangeIsNotHeld() {
        String userId = fresh("ke.adminreset");
        assertThat(world.admin().postJson("/api/countries/KE/participants", participant(userId, "given by the admin"))
                .status()).isEqualTo(201);
        Http.Caller admin = http.webappLogin(ADMIN, ADMIN_PASSWORD, "admin");
        Http.Response reset = admin.putJson(WEBAPP_ENGINE + "/user/" + userId + "/credentials",
                credentials("reset in admin today", ADMIN_PASSWORD), null);
        assertThat(reset.status()).as(reset.toString()).isEqualTo(204);

        Http.Caller tasklist = http.webappLogin(userId, "reset in admin today", "tasklist");
        assertThat(tasklist.get(WEBAPP_ENGINE + "/task").status()).isEqualTo(403);
        Http.Response page = tasklist.get("/camunda/app/tasklist/default/");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.headers().getLocation().getPath()).isEqualTo("/password/");
        assertThat(http.as(userId, "reset in admin today").postJson("/api/session/password",
                "{\"currentPassword\":\"reset in admin today\",\"newPassword\":\"my own words for it\"}").status())
                .isEqualTo(204);
        assertThat(tasklist.get(WEBAPP_ENGINE + "/task").status()).as("free at the next request").isEqualTo(200);

        Http.Response profile = tasklist.putJson(WEBAPP_ENGINE + "/user/" + userId + "/credentials",
                credentials("changed in my profile", "my own words for it"), null);
        assertThat(profile.status()).as(profile.toString()).isEqualTo(204);
        assertThat(held(userId)).isZero();
        assertThat(tasklist.get(WEBAPP_ENGINE + "/task").status()).isEqualTo(200);
    }

    private static String fresh(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private int held(String userId) {
        return jdbc.queryForObject("select count(*) from password_change_required where user_id = ?", Integer.class,
                userId);
    }

    private static String credentials(String password, String authenticatedUserPassword) {
        return "{\"password\":\"%s\",\"authenticatedUserPassword\":\"%s\"}".formatted(password,
                authenticatedUserPassword);
    }

    private boolean userExists(String userId) {
        return jdbc.queryForObject("select count(*) from act_id_user where id_ = ?", Integer.class, userId) > 0;
    }

    private static String participant(String userId, String password) {
        return """
                {"userId":"%s","role":"CSO","firstName":"Qwertyuiop","lastName":"Test","email":"%s@example.org","password":"%s"}
                """.formatted(userId, userId, password);
    }

    private static String engineUser(String userId, String password) {
        return """
                {"profile":{"id":"%s","firstName":"Qwertyuiop","lastName":"Test","email":"%s@example.org"},
                 "credentials":{"password":"%s"}}""".formatted(userId, userId, password);
    }
}
