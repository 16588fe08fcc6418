package org.uprflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.SecondNode;
import org.uprflow.testing.TestDatabase;
import org.uprflow.testing.World;

/**
 * A Tasklist login made on one node is honoured by another node on the same database: the
 * session lives in PostgreSQL, so losing the node that served the login loses nobody's work.
 */
class SessionFailoverIT extends PostgresIntegrationTest {

    @Test
    void aTasklistLoginOnOneNodeIsHonouredByAnother() throws Exception {
        Http.Caller tasklist = http.webappLogin(World.KE_CSO, World.PASSWORD, "tasklist");
        String session = tasklist.cookie("SESSION");
        assertThat(session).as("the session cookie of the database-backed session").isNotBlank();

        try (SecondNode other = SecondNode.start(TestDatabase.get(), ADMIN_PASSWORD)) {
            Http.Caller sameBrowser = new Http(other.baseUrl()).withCookie("SESSION", session);

            Http.Response user = sameBrowser.get("/camunda/api/admin/auth/user/default");
            assertThat(user.status()).as(user.toString()).isEqualTo(200);
            assertThat(user.json().get("userId").asText()).isEqualTo(World.KE_CSO);
            assertThat(sameBrowser.get("/camunda/api/engine/engine/default/filter").json().findValuesAsText("name"))
                    .containsExactlyInAnyOrder("Kenya \u00b7 CSO tasks", "Kenya \u00b7 my tasks");
            assertThat(new Http(other.baseUrl()).withCookie("SESSION", "not-a-session")
                    .get("/camunda/api/engine/engine/default/filter").status()).isEqualTo(401);
        }
    }
}
