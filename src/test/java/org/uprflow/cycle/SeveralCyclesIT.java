package org.uprflow.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.uprflow.testing.RegisterFixture;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/**
 * Two cycles of Kenya open at once (KE-4 and KE-5), on PostgreSQL: every task says its cycle, the
 * dashboard shows each with its own figures, anything addressed to a cycle never opened is 404,
 * and a new cycle's register starts from the previous cycle's open recommendations, linked to
 * them. Malawi's programme manager sees none of it.
 */
class SeveralCyclesIT extends PostgresIntegrationTest {

    private static final String MW_MANAGER = "mw.pm";

    @Autowired
    private JdbcClient jdbc;

    @BeforeEach
    void kenyaHasTwoCyclesOpen() {
        world.ensureCycle("KE", 4);
        world.ensureCycle("KE", 5);
        World.addParticipant(world.admin(), "MW", new World.Person(MW_MANAGER, "PROGRAMME_MANAGER", "Tamala", "Mbewe",
                "mw.pm@example.org", World.PASSWORD)).expect("adding " + MW_MANAGER, 201, 409);
    }

    @Test
    void everyTaskSaysItsCycleInTheApiAndInItsName() {
        JsonNode tasks = world.as(World.KE_CSO).get("/api/tasks?country=KE&max=200").json();

        List<String> cycles = new ArrayList<>();
        for (JsonNode task : tasks) {
            // a task outside any cycle (the isolation tests' probe process) has none
            if (task.hasNonNull("cycle")) {
                cycles.add(task.get("cycle").asText());
                assertThat(task.get("name").asText()).endsWith("(" + task.get("cycle").asText() + ")");
            }
        }
        assertThat(cycles).contains("KE-4", "KE-5").allMatch(cycle -> cycle.startsWith("KE-"));
        assertThat(names(tasks, "KE-4")).contains("Submit the stakeholder report (KE-4)");
        assertThat(names(tasks, "KE-5")).contains("Submit the stakeholder report (KE-5)");
        assertThat(world.as(MW_MANAGER).get("/api/tasks?country=KE&max=200").json()).isEmpty();
        assertThat(world.as(World.KE_CSO).get("/api/tasks?country=XX").status()).isEqualTo(400);
    }

    @Test
    void theDashboardShowsEachOpenCycleWithItsOwnPhaseAndFigures() {
        JsonNode overview = world.as(World.KE_MANAGER).get("/api/dashboard").json();

        for (int number : new int[] {4, 5}) {
            String key = "KE-" + number;
            JsonNode card = card(overview, key);
            assertThat(card).as("the card of %s", key).isNotNull();
            assertThat(card.get("cycle").get("open").asBoolean()).isTrue();
            int open = world.admin().get("/engine-rest/task/count?processInstanceBusinessKey=" + key).json()
                    .get("count").asInt();
            assertThat(card.get("tasks").get("open").asInt()).as("open tasks of %s", key).isEqualTo(open).isPositive();
            assertThat(card.get("meetings").size()).isEqualTo(
                    world.as(World.KE_MANAGER).get("/api/countries/KE/cycles/" + number + "/meetings").json().size());
            assertThat(card.get("timeline").size()).isPositive();

            JsonNode page = world.as(World.KE_MANAGER).get("/api/dashboard/countries/KE?cycle=" + number).json();
            assertThat(page.get("cycle").get("businessKey").asText()).isEqualTo(key);
            assertThat(page.get("phase").asText()).isEqualTo(card.get("phase").asText());
            assertThat(page.get("tasks").get("open").asInt()).isEqualTo(open);
            assertThat(page.get("openTasks").findValuesAsText("businessKey")).hasSize(open).containsOnly(key);
        }
        int allOfKenya = world.admin().get("/engine-rest/task/count?tenantIdIn=ke").json().get("count").asInt();
        int onKenyasCards = 0;
        for (JsonNode card : overview.get("countries")) {
            if (card.get("code").asText().equals("KE")) {
                onKenyasCards += card.get("tasks").get("open").asInt();
            }
        }
        assertThat(onKenyasCards).as("each task on one card only").isLessThanOrEqualTo(allOfKenya);
        assertThat(card(world.as(MW_MANAGER).get("/api/dashboard").json(), "KE-4")).isNull();
    }

    @Test
    void anythingAddressedToACycleNeverOpenedIs404AndWritesNothing() {
        Http.Caller manager = world.as(World.KE_MANAGER);
        for (int never : new int[] {1, 19}) {
            String cycle = "/api/countries/KE/cycles/" + never;
            List<Http.Response> answers = new ArrayList<>(List.of(
                    manager.get(cycle + "/recommendations"),
                    manager.get(cycle + "/recommendations/themes"),
                    manager.postJson(cycle + "/recommendations", "{\"text\":\"Planted\",\"recommendingState\":\"Chile\"}"),
                    manager.putJson(cycle + "/recommendations/" + UUID.randomUUID(),
                            "{\"text\":\"Planted\",\"recommendingState\":\"Chile\"}", "\"0\""),
                    RegisterFixture.importFile(manager, "KE", never,
                            RegisterFixture.utf8(RegisterFixture.HEADER + "Planted,Chile,Kenya,Noted,Justice,3\n")),
                    manager.postJson(cycle + "/recommendations/carry-over", ""),
                    manager.get(cycle + "/matrix/versions"),
                    manager.postJson(cycle + "/matrix/entries", "{\"themeCluster\":\"Justice\",\"status\":\"NOT_STARTED\"}"),
                    manager.get(cycle + "/matrix/entries/" + UUID.randomUUID() + "/progress"),
                    manager.get(cycle + "/meetings"),
                    manager.get(cycle + "/report"),
                    manager.get(cycle + "/report.pdf"),
                    manager.postJson(cycle + "/report/publication", ""),
                    manager.get("/api/countries/KE/audit?cycle=" + never),
                    manager.get("/api/dashboard/countries/KE?cycle=" + never)));
            for (Http.Response answer : answers) {
                assertThat(answer.status()).as("KE-%d: %s", never, answer).isEqualTo(404);
            }
            assertThat(answers.get(0).json().get("detail").asText()).contains("KE", String.valueOf(never));
            assertThat(jdbc.sql("select count(*) from recommendation where country_code = 'ke' and cycle_number = ?")
                    .param(never).query(Integer.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from matrix_version where country_code = 'ke' and cycle_number = ?")
                    .param(never).query(Integer.class).single()).isZero();
        }
        assertThat(manager.get("/api/countries/KE/cycles/4/recommendations").status()).isEqualTo(200);
    }

    @Test
    void malawisManagerGets404ForAllOfKenyasCycles() {
        Http.Caller malawi = world.as(MW_MANAGER);
        for (String path : List.of("/api/countries/KE/cycles/4/recommendations", "/api/countries/KE/cycles/1/recommendations",
                "/api/countries/KE/cycles/5/recommendations/origins", "/api/countries/KE/cycles/4/meetings",
                "/api/countries/KE/cycles/4/report", "/api/dashboard/countries/KE")) {
            assertThat(malawi.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(malawi.postJson("/api/countries/KE/cycles/5/recommendations/carry-over", "").status()).isEqualTo(404);
        assertThat(malawi.postJson("/api/countries/KE/cycles/1/recommendations/carry-over", "").status()).isEqualTo(404);
    }

    @Test
    void aNewCycleStartsFromThePreviousCyclesOpenRecommendationsLinkedToThem() {
        // cycles of their own (the platform's records above 9): Kenya's 1-9 are other tests' cycles
        world.ensureCycle("KE", 17);
        RegisterFixture register = new RegisterFixture(world);
        String done = register.create(17, "Ratify the Optional Protocol to the Convention against Torture", "Torture");
        String partly = register.create(17, "Adopt a law on refugees", "Refugees");
        String untouched = register.create(17, "Abolish the death penalty", "Death penalty");
        String mixed = register.create(17, "Strengthen the Witness Protection Agency", "Justice");
        Http.Caller cso = world.as(World.KE_CSO);
        String matrix = "/api/countries/KE/cycles/17/matrix/entries";
        assertThat(cso.postJson(matrix, row("Torture", "FULLY_IMPLEMENTED", done, mixed)).status()).isEqualTo(201);
        assertThat(cso.postJson(matrix, row("Justice", "PARTIALLY_IMPLEMENTED", partly, mixed)).status()).isEqualTo(201);
        world.ensureCycle("KE", 18);
        String carryOver = "/api/countries/KE/cycles/18/recommendations/carry-over";

        assertThat(cso.postJson(carryOver, "").status()).as("a CSO may not").isEqualTo(403);
        Http.Response carried = world.as(World.KE_MANAGER).postJson(carryOver, "");

        assertThat(carried.status()).as(carried.toString()).isEqualTo(201);
        assertThat(carried.json().get("carriedOver").asInt()).isEqualTo(3);
        assertThat(carried.json().get("from").asText()).isEqualTo("KE-17");
        JsonNode items = world.as(World.KE_GOV).get(RegisterFixture.recommendations("KE", 18)).json().get("items");
        assertThat(items.findValuesAsText("text")).containsExactly("Adopt a law on refugees",
                "Abolish the death penalty", "Strengthen the Witness Protection Agency");
        JsonNode origins = world.as(World.KE_GOV).get(RegisterFixture.recommendations("KE", 18) + "/origins").json();
        assertThat(origins.findValuesAsText("carriedFromId")).containsExactly(partly, untouched, mixed);
        assertThat(origins.findValuesAsText("id")).containsExactlyElementsOf(items.findValuesAsText("id"));
        assertThat(origins.findValuesAsText("carriedFromCycle")).containsOnly("17");
        assertThat(register.auditActions("KE", 18)).containsExactly("RECOMMENDATIONS_CARRIED_OVER");

        Http.Response again = world.as(World.KE_MANAGER).postJson(carryOver, "");
        assertThat(again.status()).as("the register is no longer empty").isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("KE-18", "3");
        assertThat(register.total("KE", 18)).isEqualTo(3);

        world.ensureCycle("MW", 1);
        Http.Response first = world.as(World.BOTH_MANAGER).postJson("/api/countries/MW/cycles/1/recommendations/carry-over", "");
        assertThat(first.status()).as("no cycle before MW-1: %s", first).isEqualTo(404);
        assertThat(first.json().get("detail").asText()).contains("MW-1");
    }

    private static String row(String cluster, String status, String... recommendations) {
        return """
                {"themeCluster":"%s","goal":"Goal","actions":"Actions","indicators":"Indicators",
                 "responsibleInstitution":"Ministry of Justice","timeline":"2026-2028","status":"%s",
                 "recommendationIds":["%s"]}""".formatted(cluster, status, String.join("\",\"", recommendations));
    }

    private static List<String> names(JsonNode tasks, String cycle) {
        List<String> names = new ArrayList<>();
        tasks.forEach(task -> {
            if (task.hasNonNull("cycle") && task.get("cycle").asText().equals(cycle)) {
                names.add(task.get("name").asText());
            }
        });
        return names;
    }

    private static JsonNode card(JsonNode overview, String businessKey) {
        for (JsonNode card : overview.get("countries")) {
            if (card.hasNonNull("cycle") && card.get("cycle").get("businessKey").asText().equals(businessKey)) {
                return card;
            }
        }
        return null;
    }
}
