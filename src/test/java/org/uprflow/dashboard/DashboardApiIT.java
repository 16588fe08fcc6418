package org.uprflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.uprflow.testing.DashboardFixture;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/** {@code /api/dashboard} on PostgreSQL, against what {@link DashboardFixture} set up through the platform's APIs. */
class DashboardApiIT extends PostgresIntegrationTest {

    @BeforeEach
    void fixture() {
        DashboardFixture.ensure(world);
    }

    @Test
    void overviewShowsEachCountrysPhaseTasksMatrixAndMeetings() {
        JsonNode overview = world.as(DashboardFixture.BOTH_MANAGER).get("/api/dashboard").json();

        assertThat(overview.get("countries").findValuesAsText("code")).containsExactly("BW", "ZM");
        JsonNode zambia = card(overview, "ZM");
        assertThat(zambia.get("name").asText()).isEqualTo("Zambia");
        assertThat(zambia.get("cycle").get("businessKey").asText()).isEqualTo("ZM-3");
        assertThat(zambia.get("phase").asText()).isEqualTo("MATRIX_AGREEMENT");
        assertThat(zambia.get("timeline").findValuesAsText("state")).containsExactly("DONE", "DONE", "DONE", "DONE",
                "CURRENT", "NEXT", "LATER");
        JsonNode preSession = zambia.get("timeline").get(0);
        assertThat(preSession.get("started").asText()).isNotBlank();
        assertThat(preSession.get("ended").asText()).isNotBlank();
        assertThat(preSession.get("plannedBy").asText()).isNotBlank();

        assertThat(zambia.get("tasks").get("open").asInt()).isEqualTo(2);
        assertThat(zambia.get("tasks").get("overdue").asInt()).isZero();
        assertThat(zambia.get("tasks").get("byRole").findValuesAsText("role")).containsExactly("CSO", "GOVERNMENT");

        JsonNode matrix = zambia.get("matrix");
        assertThat(matrix.get("version").asInt()).isEqualTo(1);
        assertThat(matrix.get("versionStatus").asText()).isEqualTo("DRAFT");
        assertThat(matrix.get("entries").asInt()).isEqualTo(3);
        assertThat(matrix.get("byStatus").get("IN_PROCESS").asInt()).isEqualTo(1);
        assertThat(matrix.get("byStatus").get("FULLY_IMPLEMENTED").asInt()).isEqualTo(1);
        assertThat(matrix.get("byStatus").get("NOT_STARTED").asInt()).isEqualTo(1);

        JsonNode meetings = zambia.get("meetings");
        assertThat(meetings.findValuesAsText("kind")).hasSize(6).contains("PRE_SESSION", "FOLLOW_UP_MEETING");
        JsonNode dialogue = ofKind(meetings, "COORDINATION_DIALOGUE");
        assertThat(dialogue.get("cso").asInt()).isEqualTo(DashboardFixture.DIALOGUE_CSO);
        assertThat(dialogue.get("government").asInt()).isEqualTo(DashboardFixture.DIALOGUE_GOVERNMENT);
    }

    @Test
    void anOverdueTaskCountsForItsRoleAndTheManagersAreAskedToFollowItUp() {
        JsonNode botswana = awaitFollowUp();

        assertThat(botswana.get("phase").asText()).isEqualTo("PRE_SESSION");
        assertThat(botswana.get("timeline").findValuesAsText("state")).containsExactly("CURRENT", "NEXT", "LATER",
                "LATER", "LATER", "LATER", "LATER");
        assertThat(botswana.get("tasks").get("open").asInt()).isEqualTo(2);
        assertThat(botswana.get("tasks").get("overdue").asInt()).isEqualTo(1);
        JsonNode cso = botswana.get("tasks").get("byRole").get(0);
        assertThat(cso.get("role").asText()).isEqualTo("CSO");
        assertThat(cso.get("overdue").asInt()).isEqualTo(1);
        assertThat(botswana.get("matrix").isNull()).as("no matrix yet").isTrue();
        assertThat(botswana.get("meetings")).isEmpty();
    }

    @Test
    void oneCountryInDepth() {
        JsonNode zambia = world.as(DashboardFixture.ZAMBIA_MANAGER).get("/api/dashboard/countries/zm").json();

        assertThat(zambia.get("cycles").findValuesAsText("businessKey")).containsExactly("ZM-3");
        assertThat(zambia.get("phase").asText()).isEqualTo("MATRIX_AGREEMENT");
        assertThat(zambia.get("openTasks").findValuesAsText("name"))
                .containsExactlyInAnyOrder("Agree the implementation matrix (CSOs) (ZM-3)",
                        "Agree the implementation matrix (government) (ZM-3)");
        JsonNode task = zambia.get("openTasks").get(0);
        assertThat(task.get("due").asText()).isNotBlank();
        assertThat(task.get("businessKey").asText()).isEqualTo("ZM-3");
        assertThat(task.get("overdue").asBoolean()).isFalse();
        assertThat(task.has("assignee")).isTrue();
        assertThat(task.get("roles")).hasSize(1);

        JsonNode matrix = zambia.get("matrix");
        assertThat(matrix.get("byTheme").findValuesAsText("label")).containsExactly("Justice", "Torture");
        assertThat(matrix.get("byTheme").get(1).get("entries").asInt()).isEqualTo(2);
        assertThat(matrix.get("byInstitution").findValuesAsText("label"))
                .containsExactly("IPOA", "Judiciary", "National Police Service");
        assertThat(zambia.get("meetings")).hasSize(6);
        assertThat(zambia.get("links").get("register").asText()).isEqualTo("/register/?country=ZM&cycle=3");
        assertThat(zambia.get("links").get("report").asText()).isEqualTo("/report/?country=ZM&cycle=3");
        assertThat(zambia.get("links").get("cockpit").asText())
                .contains(zambia.get("cycle").get("processInstanceId").asText());

        Http.Response unknownCycle = world.as(DashboardFixture.ZAMBIA_MANAGER).get("/api/dashboard/countries/ZM?cycle=2");
        assertThat(unknownCycle.status()).as(unknownCycle.toString()).isEqualTo(404);
    }

    @Test
    void aManagerSeesHerCountriesOnlyAndParticipantsNothing() {
        JsonNode zambiaOnly = world.as(DashboardFixture.ZAMBIA_MANAGER).get("/api/dashboard").json();
        assertThat(zambiaOnly.get("countries").findValuesAsText("code")).containsExactly("ZM");
        assertThat(world.as(DashboardFixture.ZAMBIA_MANAGER).get("/api/dashboard/countries/BW").status()).isEqualTo(404);

        JsonNode kenyaOnly = world.as(World.KE_MANAGER).get("/api/dashboard").json();
        assertThat(kenyaOnly.get("countries").findValuesAsText("code")).as("a card per open cycle of Kenya")
                .isNotEmpty().containsOnly("KE");
        assertThat(kenyaOnly.toString()).doesNotContain("MW-", "Malawi");
        Http.Response malawi = world.as(World.KE_MANAGER).get("/api/dashboard/countries/MW");
        assertThat(malawi.status()).isEqualTo(404);
        assertThat(malawi.body()).doesNotContain("MW-");

        Http.Response cso = world.as(DashboardFixture.ZAMBIA_CSO).get("/api/dashboard");
        assertThat(cso.status()).isEqualTo(403);
        assertThat(cso.contentType()).contains("application/problem+json");
        assertThat(world.as(World.KE_CSO).get("/api/dashboard/countries/KE").status()).isEqualTo(403);
        assertThat(http.anonymous().get("/api/dashboard").status()).isEqualTo(401);
        assertThat(world.admin().get("/api/dashboard").json().get("countries").findValuesAsText("code"))
                .contains("BW", "KE", "MW", "ZM");
        assertThat(world.admin().get("/api/dashboard/countries/XX").status()).isEqualTo(400);
    }

    /** The job executor escalates the overdue stakeholder report in its own time; wait for its follow-up task. */
    private JsonNode awaitFollowUp() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonNode botswana = card(world.as(DashboardFixture.BOTSWANA_MANAGER).get("/api/dashboard").json(), "BW");
            if (botswana.get("tasks").get("byRole").findValuesAsText("role").contains("PROGRAMME_MANAGER")
                    || Instant.now().isAfter(deadline)) {
                return botswana;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static JsonNode card(JsonNode overview, String code) {
        for (JsonNode country : overview.get("countries")) {
            if (country.get("code").asText().equals(code)) {
                return country;
            }
        }
        throw new AssertionError("no " + code + " in " + overview);
    }

    private static JsonNode ofKind(JsonNode meetings, String kind) {
        for (JsonNode meeting : meetings) {
            if (meeting.get("kind").asText().equals(kind)) {
                return meeting;
            }
        }
        throw new AssertionError("no " + kind + " in " + meetings);
    }
}
