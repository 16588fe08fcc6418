package org.uprflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/**
 * Wrong passwords slow their source down and lock nobody out. Clients are told apart by the address a
 * trusted proxy (here: this machine) forwards, as behind the production load balancer.
 */
class LoginThrottleIT extends PostgresIntegrationTest {

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    @Test
    void aGuesserIsSlowedDownWhileTheRealUserLogsInFromElsewhere() {
        String user = participant("ke.throttled");
        String guesser = "203.0.113.5";

        Http.Response refused = null;
        for (int attempt = 0; attempt < 15 && refused == null; attempt++) {
            Http.Response answer = http.as(user, "wrong-" + attempt, FORWARDED_FOR, guesser).get("/api/session");
            if (answer.status() == 429) {
                refused = answer;
            } else {
                assertThat(answer.status()).as("attempt %d: %s", attempt, answer).isEqualTo(401);
            }
        }

        assertThat(refused).as("the guesser is held back").isNotNull();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(refused.headers().getFirst("Retry-After"))).isBetween(1, 60);
        assertThat(http.as(user, World.PASSWORD, FORWARDED_FOR, guesser).get("/api/session").status())
                .as("even the right password waits at the guesser's address").isEqualTo(429);
        assertThat(http.as(user, World.PASSWORD, FORWARDED_FOR, "198.51.100.7").get("/api/session").status())
                .as("the real user, elsewhere").isEqualTo(200);
    }

    @Test
    void failuresFromManyAddressesNoLongerLockTheAccountForGood() {
        String user = participant("ke.spread");
        for (int address = 1; address <= 12; address++) {
            assertThat(http.as(user, "wrong", FORWARDED_FOR, "192.0.2." + address).get("/api/session").status())
                    .isEqualTo(401);
        }

        assertThat(http.as(user, World.PASSWORD, FORWARDED_FOR, "198.51.100.8").get("/api/session").status())
                .as("twelve spaced failures, more than the engine's old limit of ten").isEqualTo(200);
    }

    @Test
    void aSuccessClearsTheUsersOwnFailuresAtHerAddress() {
        String user = participant("ke.mistyped");
        String office = "198.51.100.9";
        for (int attempt = 0; attempt < LoginThrottle.FREE_FAILURES_OF_USER - 1; attempt++) {
            assertThat(http.as(user, "typo", FORWARDED_FOR, office).get("/api/session").status()).isEqualTo(401);
        }
        assertThat(http.as(user, World.PASSWORD, FORWARDED_FOR, office).get("/api/session").status()).isEqualTo(200);

        for (int attempt = 0; attempt < LoginThrottle.FREE_FAILURES_OF_USER; attempt++) {
            assertThat(http.as(user, "typo", FORWARDED_FOR, office).get("/api/session").status()).isEqualTo(401);
        }
        assertThat(http.as(user, World.PASSWORD, FORWARDED_FOR, office).get("/api/session").status())
                .as("her free failures counted afresh after her login, not on top of the earlier ones").isEqualTo(200);
    }

    @Test
    void theAdminSeesAndLiftsAThrottleOthersSeeNothing() {
        String user = participant("ke.lifted");
        String guesser = "203.0.113.9";
        int status = 0;
        for (int attempt = 0; attempt < 15 && status != 429; attempt++) {
            status = http.as(user, "wrong", FORWARDED_FOR, guesser).get("/api/session").status();
        }
        assertThat(status).isEqualTo(429);
        String source = "user " + user + " at " + guesser;

        assertThat(world.admin().get("/api/login-throttles").json().findValuesAsText("source")).contains(source);
        assertThat(world.as(World.KE_MANAGER).get("/api/login-throttles").status()).isEqualTo(403);
        assertThat(world.as(World.KE_MANAGER).delete("/api/login-throttles?source="
                + URLEncoder.encode(source, StandardCharsets.UTF_8)).status()).isEqualTo(403);
        assertThat(world.admin().delete("/api/login-throttles?source=" + URLEncoder.encode(source, StandardCharsets.UTF_8))
                .status()).isEqualTo(204);

        assertThat(http.as(user, World.PASSWORD, FORWARDED_FOR, guesser).get("/api/session").status())
                .as("lifted: the source may try again at once").isEqualTo(200);
    }

    @Test
    void theWebappsLoginIsThrottledTheSameWay() throws Exception {
        String user = participant("ke.webapp.throttled");
        String guesser = "203.0.113.12";
        int status = 0;
        for (int attempt = 0; attempt < 15 && status != 429; attempt++) {
            status = webappLogin(user, "wrong", guesser);
            assertThat(status).isIn(401, 429);
        }
        assertThat(status).isEqualTo(429);
        assertThat(webappLogin(user, World.PASSWORD, "198.51.100.12")).isEqualTo(200);
    }

    /** The webapps' login form as a browser behind the proxy sends it; its status. */
    private int webappLogin(String user, String password, String address) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> first = client.send(HttpRequest.newBuilder(URI.create(http.baseUrl()
                + "/camunda/api/admin/auth/user/default")).header(FORWARDED_FOR, address).build(),
                HttpResponse.BodyHandlers.ofString());
        String token = first.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return client.send(HttpRequest.newBuilder(URI.create(http.baseUrl()
                        + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header(FORWARDED_FOR, address).header("X-XSRF-TOKEN", token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private String participant(String userId) {
        World.addParticipant(world.admin(), "KE", World.Person.of(userId, "CSO", "Test", "User"))
                .expect("adding " + userId, 201, 409);
        return userId;
    }
}
