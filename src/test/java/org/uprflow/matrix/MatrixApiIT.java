package org.uprflow.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.uprflow.testing.RegisterFixture;
import org.uprflow.testing.Http;
import org.uprflow.testing.MovableClock;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/**
 * {@code /api/countries/{code}/cycles/{n}/matrix} on PostgreSQL: CSOs draft, managers finalise,
 * a final version is frozen, concurrent edits conflict, progress and assessments side by side.
 */
class MatrixApiIT extends PostgresIntegrationTest {

    /** An NHRI user of this class: World's ke.nhri is kept for the wrong-password test, which locks it. */
    private static final String KE_NHRI = "ke.nhri3";

    private RegisterFixture register;

    @Autowired
    private MovableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @BeforeEach
    void fixture() {
        register = new RegisterFixture(world);
        World.addParticipant(world.admin(), "KE", World.Person.of(KE_NHRI, "NHRI", "Esther", "Kamau"))
                .expect("adding " + KE_NHRI, 201, 409);
    }

    private static String matrix(int cycle) {
        return "/api/countries/KE/cycles/" + cycle + "/matrix";
    }

    private static String row(String cluster, String status, String institution, String... recommendations) {
        String ids = recommendations.length == 0 ? "" : "\"" + String.join("\",\"", recommendations) + "\"";
        return """
                {"themeCluster":"%s","goal":"Fewer cases of torture","actions":"Train police officers",
                 "indicators":"Number of officers trained","responsibleInstitution":"%s","timeline":"2026-2028",
                 "status":"%s","recommendationIds":[%s]}""".formatted(cluster, institution, status, ids);
    }

    @Test
    void csosDraftManagersFinaliseAndTheNextRoundIsANewVersion() {
        int cycle = 31;
        world.ensureCycle("KE", cycle);
        String torture = register.create(cycle, "Prevent torture in police custody", "Torture and other CID treatment");
        Http.Caller cso = world.as(World.KE_CSO);
        Http.Caller manager = world.as(World.KE_MANAGER);

        Http.Response added = cso.postJson(matrix(cycle) + "/entries", row("Torture", "IN_PROCESS", "IPOA", torture));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().get("matrixVersion").asInt()).isEqualTo(1);
        String key = added.json().get("key").asText();
        assertThat(cso.get(matrix(cycle) + "/versions").json().findValuesAsText("status")).containsExactly("DRAFT");

        assertThat(cso.postJson(matrix(cycle) + "/versions/1/finalise", "").status()).isEqualTo(403);
        // the platform's today, not the machine's: a day long past for the machine is still ahead
        LocalDate today = LocalDate.of(2026, 3, 10);
        clock.moveTo(today);
        String tomorrow = today.plusDays(1).toString();
        Http.Response ahead = manager.postJson(matrix(cycle) + "/versions/1/finalise", "{\"finalisedOn\":\"" + tomorrow + "\"}");
        assertThat(ahead.status()).as(ahead.toString()).isEqualTo(400);
        assertThat(ahead.body()).contains("finalisedOn").contains("after today").contains(today.toString());
        Http.Response notADay = manager.postJson(matrix(cycle) + "/versions/1/finalise", "{\"finalisedOn\":\"September\"}");
        assertThat(notADay.status()).as(notADay.toString()).isEqualTo(400);
        assertThat(notADay.body()).contains("finalisedOn");
        assertThat(cso.get(matrix(cycle) + "/versions").json().findValuesAsText("status")).as("nothing finalised")
                .containsExactly("DRAFT");
        // agreed in the meeting room last week, finalised on the platform today
        String agreedOn = today.minusDays(7).toString();
        Http.Response finalised = manager.postJson(matrix(cycle) + "/versions/1/finalise",
                "{\"finalisedOn\":\"" + agreedOn + "\"}");
        clock.reset();
        assertThat(finalised.status()).as(finalised.toString()).isEqualTo(200);
        assertThat(finalised.json().get("status").asText()).isEqualTo("FINAL");
        assertThat(finalised.json().get("finalisedOn").asText()).as("the day stated").isEqualTo(agreedOn);

        Http.Response frozen = cso.putJson(matrix(cycle) + "/versions/1/entries/" + key,
                row("Torture", "FULLY_IMPLEMENTED", "IPOA", torture), "\"0\"");
        assertThat(frozen.status()).as(frozen.toString()).isEqualTo(409);
        assertThat(frozen.json().get("detail").asText()).contains("final");
        assertThat(cso.postJson(matrix(cycle) + "/entries", row("Justice", "NOT_STARTED", "Judiciary")).status())
                .isEqualTo(409);
        assertThat(manager.postJson(matrix(cycle) + "/versions/1/finalise", "").status()).isEqualTo(409);

        Http.Response draft = cso.postJson(matrix(cycle) + "/versions", "");
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        assertThat(draft.json().get("number").asInt()).isEqualTo(2);
        assertThat(cso.postJson(matrix(cycle) + "/versions", "").status()).as("one draft at a time").isEqualTo(409);

        String v2 = matrix(cycle) + "/versions/2/entries/" + key;
        Http.Response first = cso.putJson(v2, row("Torture", "FULLY_IMPLEMENTED", "IPOA", torture), "\"0\"");
        Http.Response second = manager.putJson(v2, row("Torture", "LITTLE_OR_NO_ACTION", "IPOA", torture), "\"0\"");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(second.status()).as("a concurrent edit: %s", second).isEqualTo(409);

        assertThat(cso.get(matrix(cycle) + "/versions/1").json().get("entries").get(0).get("status").asText())
                .as("the final version is unchanged").isEqualTo("IN_PROCESS");
        JsonNode compared = cso.get(matrix(cycle) + "/compare?from=1&to=2").json();
        assertThat(compared.get("changed")).hasSize(1);
        assertThat(compared.get("changed").get(0).get("fields").get("status").get("before").asText()).isEqualTo("IN_PROCESS");
        assertThat(compared.get("changed").get(0).get("fields").get("status").get("after").asText())
                .isEqualTo("FULLY_IMPLEMENTED");
        assertThat(compared.get("added")).isEmpty();

        String list = RegisterFixture.recommendations("KE", cycle);
        assertThat(cso.get(list + "?status=FULLY_IMPLEMENTED").json().get("items").findValuesAsText("id"))
                .containsExactly(torture);
        assertThat(cso.get(list + "?institution=ipoa").json().get("total").asInt()).isEqualTo(1);
        assertThat(cso.get(list + "?status=IN_PROCESS").json().get("total").asInt()).isZero();
        assertThat(register.auditActions("KE", cycle)).contains("MATRIX_ENTRY_ADDED", "MATRIX_FINALISED",
                "MATRIX_DRAFT_STARTED", "MATRIX_ENTRY_EDITED");
    }

    /** Agreeing is an act of the cycle's follow-up meeting: outside it, nobody agrees (MatrixAgreementIT covers it inside). */
    @Test
    void noSideAgreesToTheMatrixOutsideItsAgreementPhase() {
        int cycle = 34;
        world.ensureCycle("KE", cycle);
        Http.Caller cso = world.as(World.KE_CSO);
        cso.postJson(matrix(cycle) + "/entries", row("Justice", "IN_PROCESS", "Judiciary"));
        String agreement = matrix(cycle) + "/versions/1/agreement";

        Http.Response refused = cso.postJson(agreement, "");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText())
                .contains("only while its task \"Agree the implementation matrix\" is open");
        assertThat(world.as(World.KE_GOV).postJson(agreement, "").status()).isEqualTo(409);
        assertThat(world.as(KE_NHRI).postJson(agreement, "").status()).isEqualTo(403);
        assertThat(world.as(World.KE_MANAGER).postJson(agreement, "").status()).isEqualTo(403);
        JsonNode version = cso.get(matrix(cycle) + "/versions").json().get(0);
        assertThat(version.get("status").asText()).isEqualTo("DRAFT");
        assertThat(version.get("csoAgreedBy").isNull()).as("nothing recorded").isTrue();
        assertThat(register.auditActions("KE", cycle)).doesNotContain("MATRIX_AGREED");
    }

    @Test
    void progressReportsAndAssessmentsAreKeptSideBySide() {
        int cycle = 32;
        world.ensureCycle("KE", cycle);
        Http.Response added = world.as(World.KE_CSO).postJson(matrix(cycle) + "/entries",
                row("Women's rights", "IN_PROCESS", "State Department for Gender"));
        String progress = matrix(cycle) + "/entries/" + added.json().get("key").asText();

        Http.Response report = world.as(World.KE_GOV).postJson(progress + "/progress-reports",
                "{\"text\":\"Gender desks opened in 40 police stations\",\"status\":\"PARTIALLY_IMPLEMENTED\"}");
        Http.Response csoView = world.as(World.KE_CSO).postJson(progress + "/assessments",
                "{\"text\":\"Desks exist but are not staffed\",\"status\":\"LITTLE_OR_NO_ACTION\"}");
        Http.Response nhriView = world.as(KE_NHRI).postJson(progress + "/assessments",
                "{\"text\":\"Staffing in 12 of 40\",\"status\":\"IN_PROCESS\"}");
        assertThat(List.of(report.status(), csoView.status(), nhriView.status())).containsOnly(201);
        assertThat(world.as(World.KE_GOV).postJson(progress + "/assessments", "{\"text\":\"Self-assessed\"}").status())
                .isEqualTo(403);
        assertThat(world.as(World.KE_CSO).postJson(progress + "/progress-reports", "{\"text\":\"Not ours\"}").status())
                .isEqualTo(403);
        assertThat(world.as(World.KE_GOV).postJson(progress + "/progress-reports", "{\"text\":\"\"}").status())
                .isEqualTo(400);

        JsonNode both = world.as(World.KE_CSO).get(progress + "/progress").json();
        assertThat(both.get("reports")).hasSize(1);
        assertThat(both.get("reports").get(0).get("createdBy").asText()).isEqualTo(World.KE_GOV);
        assertThat(both.get("reports").get(0).get("authorRole").asText()).isEqualTo("GOVERNMENT");
        assertThat(both.get("assessments").findValuesAsText("authorRole")).containsExactly("CSO", "NHRI");
        assertThat(both.get("assessments").findValuesAsText("createdBy")).containsExactly(World.KE_CSO, KE_NHRI);
        assertThat(both.get("assessments").get(0).get("createdAt").asText()).isNotBlank();
    }

    @Test
    void anotherCountrysUserGetsNothingAndWritesNothing() {
        int cycle = 33;
        world.ensureCycle("KE", cycle);
        Http.Response added = world.as(World.KE_CSO).postJson(matrix(cycle) + "/entries",
                row("Justice", "NOT_STARTED", "Judiciary"));
        String key = added.json().get("key").asText();
        String entry = matrix(cycle) + "/versions/1/entries/" + key;
        String progress = matrix(cycle) + "/entries/" + key;
        List<String> auditBefore = register.auditActions("KE", cycle);

        for (String malawian : List.of(World.MW_CSO, World.MW_GOV)) {
            Http.Caller mw = world.as(malawian);
            assertThat(List.of(
                    mw.get(matrix(cycle) + "/versions").status(),
                    mw.get(matrix(cycle) + "/permissions").status(),
                    mw.get(matrix(cycle) + "/versions/1").status(),
                    mw.get(matrix(cycle) + "/compare?from=1&to=1").status(),
                    mw.get(progress + "/progress").status(),
                    mw.postJson(matrix(cycle) + "/versions", "").status(),
                    mw.postJson(matrix(cycle) + "/versions/1/finalise", "").status(),
                    mw.postJson(matrix(cycle) + "/versions/1/agreement", "").status(),
                    mw.postJson(matrix(cycle) + "/entries", row("Planted", "NOT_STARTED", "X")).status(),
                    mw.putJson(entry, row("Overwritten", "FULLY_IMPLEMENTED", "X"), "\"0\"").status(),
                    mw.postJson(progress + "/progress-reports", "{\"text\":\"Planted\"}").status(),
                    mw.postJson(progress + "/assessments", "{\"text\":\"Planted\"}").status(),
                    mw.get("/api/countries/KE/audit").status()))
                    .as("every matrix endpoint for %s", malawian).containsOnly(404);
        }

        JsonNode version = world.as(World.KE_CSO).get(matrix(cycle) + "/versions/1").json();
        assertThat(version.get("version").get("status").asText()).isEqualTo("DRAFT");
        assertThat(version.get("entries")).hasSize(1);
        assertThat(version.get("entries").get(0).get("themeCluster").asText()).isEqualTo("Justice");
        assertThat(version.get("entries").get(0).get("version").asInt()).isZero();
        JsonNode progressAfter = world.as(World.KE_CSO).get(progress + "/progress").json();
        assertThat(progressAfter.get("reports")).isEmpty();
        assertThat(progressAfter.get("assessments")).isEmpty();
        assertThat(register.auditActions("KE", cycle)).isEqualTo(auditBefore);
    }

    @Test
    void badInputIsRefusedWithTheFieldAtFaultAndWritesNothing() {
        int cycle = 45;
        world.ensureCycle("KE", cycle);
        Http.Caller cso = world.as(World.KE_CSO);
        String key = cso.postJson(matrix(cycle) + "/entries", row("Justice", "NOT_STARTED", "Judiciary")).json()
                .get("key").asText();
        String entry = matrix(cycle) + "/versions/1/entries/" + key;

        Http.Response noCluster = cso.postJson(matrix(cycle) + "/entries", row("", "NOT_STARTED", "Judiciary"));
        assertThat(noCluster.status()).isEqualTo(400);
        assertThat(noCluster.json().get("errors").has("themeCluster")).as(noCluster.toString()).isTrue();
        Http.Response badStatus = cso.postJson(matrix(cycle) + "/entries", row("Justice", "DONE", "Judiciary"));
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().get("errors").has("status")).as(badStatus.toString()).isTrue();
        Http.Response foreign = cso.postJson(matrix(cycle) + "/entries",
                row("Justice", "NOT_STARTED", "Judiciary", "00000000-0000-0000-0000-000000000001"));
        assertThat(foreign.json().get("errors").has("recommendationIds")).as(foreign.toString()).isTrue();
        assertThat(cso.putJson(entry, row("Justice", "IN_PROCESS", "Courts"), null).status()).as("no If-Match")
                .isEqualTo(400);
        assertThat(cso.putJson(entry, row("Justice", "IN_PROCESS", "Courts"), "\"v\"").status()).isEqualTo(400);
        assertThat(cso.putJson(matrix(cycle) + "/versions/9/entries/" + key, row("Justice", "IN_PROCESS", "Courts"),
                "\"0\"").status()).isEqualTo(404);
        assertThat(cso.get(matrix(cycle) + "/compare?from=1").status()).isEqualTo(400);
        assertThat(cso.get(matrix(cycle) + "/compare?from=1&to=7").status()).isEqualTo(404);
        assertThat(cso.postJson(matrix(cycle) + "/entries/" + key + "/assessments", "{\"text\":\"x\",\"status\":\"MAYBE\"}")
                .status()).isEqualTo(400);
        Http.Response cycleZero = cso.postJson(matrix(0) + "/entries", row("Justice", "NOT_STARTED", "Judiciary"));
        assertThat(cycleZero.status()).as(cycleZero.toString()).isEqualTo(400);
        assertThat(cycleZero.json().get("errors").has("cycle")).isTrue();
        assertThat(cso.get(matrix(0) + "/versions").status()).isEqualTo(400);

        JsonNode version = cso.get(matrix(cycle) + "/versions/1").json();
        assertThat(version.get("entries")).hasSize(1);
        assertThat(version.get("entries").get(0).get("version").asInt()).isZero();
        assertThat(version.get("entries").get(0).get("responsibleInstitution").asText()).isEqualTo("Judiciary");
        assertThat(register.auditActions("KE", cycle)).containsExactly("MATRIX_ENTRY_ADDED");
    }

    @Test
    void aRowNamesItsRecommendationsByTheirNumbersInTheRegister() {
        int cycle = 46;
        world.ensureCycle("KE", cycle);
        String first = register.create(cycle, "Adopt the National Action Plan on business and human rights", "Business");
        register.create(cycle, "Ratify ILO Convention 190", "Labour rights");
        String third = register.create(cycle, "Protect workers in the gig economy", "Labour rights");
        Http.Caller cso = world.as(World.KE_CSO);

        Http.Response added = cso.postJson(matrix(cycle) + "/entries", """
                {"themeCluster":"Business and human rights","recommendationNumbers":[3],
                 "recommendationIds":["%s"]}""".formatted(first));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().get("recommendationNumbers").toString()).isEqualTo("[1,3]");
        assertThat(added.json().get("recommendationIds").toString()).contains(first, third);

        Http.Response unknown = cso.putJson(matrix(cycle) + "/versions/1/entries/" + added.json().get("key").asText(),
                "{\"themeCluster\":\"Business\",\"recommendationNumbers\":[2,9,12]}", "\"0\"");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get("recommendationNumbers").asText()).contains("9, 12");
        assertThat(cso.postJson(matrix(cycle) + "/entries", "{\"themeCluster\":\"X\",\"recommendationNumbers\":[0]}")
                .status()).isEqualTo(400);
        assertThat(cso.get(matrix(cycle) + "/versions/1").json().get("entries").get(0).get("recommendationNumbers")
                .toString()).isEqualTo("[1,3]");
    }

    /** Agreeing is for the cycle's agreement tasks: outside them no side is offered it (MatrixAgreementIT: inside). */
    @Test
    void eachSideIsToldWhatItMayDoInTheCycle() {
        world.ensureCycle("KE", 47);
        String permissions = matrix(47) + "/permissions";
        assertThat(world.as(World.KE_CSO).get(permissions).json().toString()).isEqualTo(
                "{\"register\":false,\"recordPositions\":false,\"draftMatrix\":true,\"agree\":false,"
                        + "\"finalise\":false,\"reportProgress\":false,\"assess\":true,\"readAudit\":false}");
        assertThat(world.as(World.KE_GOV).get(permissions).json().toString()).isEqualTo(
                "{\"register\":false,\"recordPositions\":true,\"draftMatrix\":false,\"agree\":false,"
                        + "\"finalise\":false,\"reportProgress\":true,\"assess\":false,\"readAudit\":false}");
        assertThat(world.as(KE_NHRI).get(permissions).json().toString()).isEqualTo(
                "{\"register\":false,\"recordPositions\":false,\"draftMatrix\":false,\"agree\":false,"
                        + "\"finalise\":false,\"reportProgress\":false,\"assess\":true,\"readAudit\":false}");
        assertThat(world.as(World.KE_MANAGER).get(permissions).json().toString()).isEqualTo(
                "{\"register\":true,\"recordPositions\":true,\"draftMatrix\":true,\"agree\":false,"
                        + "\"finalise\":true,\"reportProgress\":true,\"assess\":true,\"readAudit\":true}");
        assertThat(world.as(World.KE_CSO).get(matrix(100) + "/permissions").status()).isEqualTo(400);
    }
}
