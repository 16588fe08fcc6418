package org.uprflow.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.uprflow.recommendation.RegisterFixture;
import org.uprflow.testing.Http;
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

    @BeforeEach
    void fixture() {
        register = new RegisterFixture(world);
        Http.Response added = world.admin().postJson("/api/countries/KE/participants", """
                {"userId":"%s","role":"NHRI","firstName":"Esther","lastName":"Kamau","email":"%s@example.org","password":"%s"}
                """.formatted(KE_NHRI, KE_NHRI, World.PASSWORD));
        assertThat(added.status()).as(added.toString()).isIn(201, 409);
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
        String torture = register.create(cycle, "Prevent torture in police custody", "Torture and other CID treatment");
        Http.Caller cso = world.as(World.KE_CSO);
        Http.Caller manager = world.as(World.KE_MANAGER);

        Http.Response added = cso.postJson(matrix(cycle) + "/entries", row("Torture", "IN_PROCESS", "IPOA", torture));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().get("matrixVersion").asInt()).isEqualTo(1);
        String key = added.json().get("key").asText();
        assertThat(cso.get(matrix(cycle) + "/versions").json().findValuesAsText("status")).containsExactly("DRAFT");

        assertThat(cso.postJson(matrix(cycle) + "/versions/1/finalise", "").status()).isEqualTo(403);
        Http.Response finalised = manager.postJson(matrix(cycle) + "/versions/1/finalise", "");
        assertThat(finalised.status()).as(finalised.toString()).isEqualTo(200);
        assertThat(finalised.json().get("status").asText()).isEqualTo("FINAL");

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

    @Test
    void theDraftIsFinalWhenCsosAndGovernmentBothAgreedToItAsItStands() {
        int cycle = 34;
        Http.Caller cso = world.as(World.KE_CSO);
        Http.Caller gov = world.as(World.KE_GOV);
        String key = cso.postJson(matrix(cycle) + "/entries", row("Justice", "IN_PROCESS", "Judiciary")).json()
                .get("key").asText();
        String agreement = matrix(cycle) + "/versions/1/agreement";

        JsonNode csoAgreed = cso.postJson(agreement, "").json();
        assertThat(csoAgreed.get("status").asText()).isEqualTo("DRAFT");
        assertThat(csoAgreed.get("csoAgreedBy").asText()).isEqualTo(World.KE_CSO);
        assertThat(cso.putJson(matrix(cycle) + "/versions/1/entries/" + key, row("Justice", "IN_PROCESS", "Courts"), "\"0\"")
                .status()).isEqualTo(200);
        assertThat(cso.get(matrix(cycle) + "/versions").json().get(0).get("csoAgreedBy").isNull())
                .as("an edit clears the agreement").isTrue();
        assertThat(world.as(KE_NHRI).postJson(agreement, "").status()).isEqualTo(403);
        assertThat(world.as(World.KE_MANAGER).postJson(agreement, "").status()).isEqualTo(403);

        assertThat(gov.postJson(agreement, "").json().get("status").asText()).isEqualTo("DRAFT");
        Http.Response both = cso.postJson(agreement, "");
        assertThat(both.status()).as(both.toString()).isEqualTo(200);
        assertThat(both.json().get("status").asText()).isEqualTo("FINAL");
        assertThat(both.json().get("governmentAgreedBy").asText()).isEqualTo(World.KE_GOV);
        assertThat(gov.postJson(agreement, "").status()).as("final already").isEqualTo(409);
        assertThat(register.auditActions("KE", cycle)).contains("MATRIX_AGREED", "MATRIX_FINALISED");
    }

    @Test
    void progressReportsAndAssessmentsAreKeptSideBySide() {
        int cycle = 32;
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
}
