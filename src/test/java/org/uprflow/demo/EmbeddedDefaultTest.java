package org.uprflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.uprflow.testing.Http;

/**
 * The embedded default of the README's first command (H2, demo data), here on an in-memory H2:
 * the demo logins work and each sees its own country.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:embedded-default;DB_CLOSE_DELAY=-1")
class EmbeddedDefaultTest {

    @LocalServerPort
    int port;

    @Test
    void demoCountriesAndLoginsAreThere() {
        Http http = new Http("http://localhost:" + port);

        assertThat(http.as(DemoData.MANAGER, DemoData.PASSWORD).get("/api/countries").json().findValuesAsText("code"))
                .containsExactly("AM", "KE", "MW", "MN");
        assertThat(http.as("admin", "demo").get("/api/countries").json().findValuesAsText("code")).hasSize(4);
        for (String country : new String[] {"ke", "am", "mn", "mw"}) {
            for (String role : new String[] {"cso", "gov", "nhri"}) {
                assertThat(http.as(country + "." + role, DemoData.PASSWORD).get("/api/countries").json()
                        .findValuesAsText("code")).as(country + "." + role).containsExactly(country.toUpperCase());
            }
        }
        assertThat(http.as("ke.cso", DemoData.PASSWORD).get("/api/countries/KE/cycles/4/recommendations?size=1").json()
                .get("total").asInt()).as("Kenya's sample recommendations").isEqualTo(36);
        JsonNode kenyasDraft = http.as("ke.gov", DemoData.PASSWORD).get("/api/countries/KE/cycles/4/matrix/versions/1").json();
        assertThat(kenyasDraft.get("entries").findValuesAsText("themeCluster")).as("the CSOs' draft matrix")
                .hasSize(4).contains("Torture and detention");
        assertThat(http.as("mn.cso", DemoData.PASSWORD).get("/api/countries/MN/cycles/4/meetings").json()
                .findValuesAsText("kind")).as("the meetings Mongolia held before its monitoring")
                .contains("PRE_SESSION", "COORDINATION_DIALOGUE", "FOLLOW_UP_MEETING");
        JsonNode dashboard = http.as(DemoData.MANAGER, DemoData.PASSWORD).get("/api/dashboard").json().get("countries");
        assertThat(dashboard.findValuesAsText("code")).as("the dashboard on H2").containsExactly("AM", "KE", "MW", "MN");
        assertThat(dashboard.findParents("phase").stream().filter(node -> node.has("code"))
                .map(country -> country.get("phase").asText())).containsExactly("REVIEW_AND_POSITIONS", "COORDINATION_MEETING",
                "PRE_SESSION", "IMPLEMENTATION_MONITORING");
    }

    /** No spring.mail.host on the embedded default: the demo's notices are written to the log and listed for the admin. */
    @Test
    void withoutAMailServerNoticesGoToTheLogAndToTheAdminsPage() throws InterruptedException {
        Http http = new Http("http://localhost:" + port);
        JsonNode log = null;
        for (int attempt = 0; attempt < 300; attempt++) {
            log = http.as("admin", "demo").get("/api/notifications/outbox?status=LOGGED").json();
            if (log.get("notices").findValuesAsText("recipient").contains("mw.cso")) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(log.get("mailServerConfigured").asBoolean()).isFalse();
        assertThat(log.get("notices").findValuesAsText("subject"))
                .contains("[MW-4] A task waits for you: Submit the stakeholder report");
        assertThat(http.anonymous().get("/notifications/").status()).as("the page").isEqualTo(200);
    }
}
