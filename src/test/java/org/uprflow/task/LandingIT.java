package org.uprflow.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/**
 * Where each role lands after the login (issue 12), on PostgreSQL with real cycles ({@link LandingFixture}): a
 * CSO member of Cabo Verde and Lesotho sees the work of both, nobody else's; a government member of Cabo Verde
 * sees nothing of Lesotho's.
 */
class LandingIT extends PostgresIntegrationTest {

    private static final String CV_CSO = LandingFixture.CV_CSO;
    private static final String CV_GOV = LandingFixture.CV_GOV;
    private static final String CV_MANAGER = LandingFixture.CV_MANAGER;
    private String overdueTask;

    @BeforeEach
    void countries() {
        overdueTask = LandingFixture.ensure(world);
    }

    @Test
    void aParticipantLandsOnTheirTasksOfEveryCountryAndCycleWithTheirLinks() {
        JsonNode landing = world.as(CV_CSO).get("/api/landing").json();

        assertThat(landing.path("destination").asText()).isEqualTo("TASKS");
        assertThat(landing.path("everyCountry").asBoolean()).isFalse();
        List<String> cycles = landing.path("tasks").findValuesAsText("cycle");
        assertThat(cycles).contains("CV-1", "LS-1").allMatch(cycle -> cycle.equals("CV-1") || cycle.equals("LS-1"));
        assertThat(landing.path("total").asInt()).isEqualTo(landing.path("tasks").size());
        for (JsonNode task : landing.path("tasks")) {
            String country = task.path("countryCode").asText();
            assertThat(task.path("cycle").asText()).isEqualTo(country + "-1");
            assertThat(task.path("cycleNumber").asInt()).isEqualTo(1);
            assertThat(task.path("name").asText()).contains("(" + country + "-1)");
            assertThat(task.path("tasklistUrl").asText())
                    .isEqualTo("/camunda/app/tasklist/default/#/?task=" + task.path("id").asText());
            assertThat(task.path("registerUrl").asText()).isEqualTo("/register/?country=" + country + "&cycle=1");
            assertThat(task.path("due").isTextual()).as("every task of a cycle has a due date: %s", task).isTrue();
        }
        assertThat(landing.path("tasks").findValuesAsText("name"))
                .anyMatch(name -> name.startsWith("Submit the stakeholder report"));
    }

    @Test
    void tasksComeEarliestDueFirstAndAnOverdueOneIsMarked() {
        JsonNode landing = world.as(CV_CSO).get("/api/landing").json();

        JsonNode first = landing.path("tasks").get(0);
        assertThat(first.path("id").asText()).isEqualTo(overdueTask);
        assertThat(first.path("overdue").asBoolean()).isTrue();
        List<Boolean> rest = new ArrayList<>();
        for (int i = 1; i < landing.path("tasks").size(); i++) {
            rest.add(landing.path("tasks").get(i).path("overdue").asBoolean());
            assertThat(OffsetDateTime.parse(landing.path("tasks").get(i).path("due").asText()))
                    .isAfterOrEqualTo(OffsetDateTime.parse(landing.path("tasks").get(i - 1).path("due").asText()));
        }
        assertThat(rest).as("Cabo Verde's task is not overdue").isNotEmpty().containsOnly(false);
    }

    @Test
    void nobodySeesTheTasksOfACountryNotTheirs() {
        List<String> government = world.as(CV_GOV).get("/api/landing").json().path("tasks").findValuesAsText("countryCode");
        assertThat(government).doesNotContain("LS");
        List<String> cso = world.as(CV_CSO).get("/api/landing").json().path("tasks").findValuesAsText("id");
        List<String> governmentIds = world.as(CV_GOV).get("/api/landing").json().path("tasks").findValuesAsText("id");
        assertThat(governmentIds).doesNotContainAnyElementsOf(cso);

        JsonNode kenyan = world.as(World.KE_CSO).get("/api/landing").json();
        assertThat(kenyan.path("tasks").findValuesAsText("countryCode")).doesNotContain("CV", "LS");
        World.Probe malawi = world.startProbe("mw");
        JsonNode malawian = world.as(World.MW_CSO).get("/api/landing").json();
        assertThat(malawian.path("tasks").findValuesAsText("id")).contains(malawi.csoTaskId());
        assertThat(malawian.path("tasks").findValuesAsText("countryCode")).containsOnly("MW");
        assertThat(malawian.path("tasks").findValuesAsText("id")).doesNotContainAnyElementsOf(cso);
        assertThat(world.as(CV_CSO).get("/api/landing").json().path("tasks").findValuesAsText("id"))
                .doesNotContain(malawi.csoTaskId(), malawi.governmentTaskId());

        assertThat(http.anonymous().get("/api/landing").status()).isEqualTo(401);
    }

    @Test
    void aProgrammeManagerLandsOnTheDashboardAndAnAdminOnTheDashboardOfEveryCountry() {
        JsonNode manager = world.as(CV_MANAGER).get("/api/landing").json();
        assertThat(manager.path("destination").asText()).isEqualTo("DASHBOARD");
        assertThat(manager.path("everyCountry").asBoolean()).isFalse();
        assertThat(manager.path("tasks").findValuesAsText("countryCode")).containsOnly("CV");

        JsonNode admin = world.admin().get("/api/landing").json();
        assertThat(admin.path("destination").asText()).isEqualTo("DASHBOARD");
        assertThat(admin.path("everyCountry").asBoolean()).isTrue();
    }

    @Test
    void theRootLeadsToTheLandingAndTheIconComesWithoutALoginPrompt() {
        Http.Response root = http.anonymous().get("/");
        assertThat(root.status()).isEqualTo(302);
        assertThat(root.headers().getLocation().getPath()).isEqualTo("/home/");
        assertThat(http.anonymous().get("/home/").status()).isEqualTo(200);

        Http.Response icon = http.anonymous().get("/favicon.ico");
        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.headers().getFirst("WWW-Authenticate")).isNull();
        assertThat(icon.contentType()).contains("icon");
    }
}
