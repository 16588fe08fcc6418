package org.uprflow.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uprflow.testing.RegisterFixture.importFile;
import static org.uprflow.testing.RegisterFixture.recommendations;
import static org.uprflow.testing.RegisterFixture.utf8;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.RegisterFixture;
import org.uprflow.testing.World;

/**
 * {@code /api/countries/{code}/cycles/{n}/recommendations} on PostgreSQL. Each test works in a
 * cycle of its own (the database is shared by every integration test of the run).
 */
class RecommendationApiIT extends PostgresIntegrationTest {

    private RegisterFixture register;

    @BeforeEach
    void fixture() {
        register = new RegisterFixture(world);
    }

    @Test
    void aManagerImportsTheSampleAndKenyansFilterIt() throws IOException {
        byte[] sample;
        try (InputStream in = new ClassPathResource("samples/kenya-cycle-4-recommendations.csv").getInputStream()) {
            sample = in.readAllBytes();
        }
        world.ensureCycle("KE", 4);
        Http.Response imported = importFile(world.as(World.KE_MANAGER), "KE", 4, sample);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(36);

        Http.Caller cso = world.as(World.KE_CSO);
        String list = recommendations("KE", 4);
        assertThat(cso.get(list).json().get("total").asInt()).isEqualTo(36);
        assertThat(cso.get(list + "?theme=Women's rights").json().get("total").asInt()).isEqualTo(6);
        JsonNode themes = cso.get(list + "/themes").json();
        assertThat(themes.findValuesAsText("theme")).contains("Women's rights", "Death penalty");
        assertThat(themes.findValues("recommendations").stream().mapToInt(JsonNode::asInt).max().orElse(0))
                .isGreaterThanOrEqualTo(6);
        assertThat(cso.get(list + "?position=NOTED").json().get("total").asInt()).isEqualTo(6);
        assertThat(cso.get(list + "?position=NONE").json().get("total").asInt()).isZero();
        JsonNode deathPenalty = cso.get(list + "?q=DEATH penalty").json();
        assertThat(deathPenalty.get("items").findValuesAsText("recommendingState")).containsExactly("France", "Portugal");
        JsonNode lastPage = cso.get(list + "?size=10&page=3").json();
        assertThat(lastPage.get("items")).hasSize(6);
        assertThat(lastPage.get("items").get(0).get("ordinal").asInt()).isEqualTo(31);
        JsonNode first = cso.get(list + "?size=1").json().get("items").get(0);
        assertThat(first.get("recommendingState").asText()).isEqualTo("Côte d'Ivoire");
        assertThat(first.get("themes").toString()).contains("Women's rights", "Violence against women");

        Http.Response one = cso.get(list + "/" + first.get("id").asText());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.headers().getETag()).isEqualTo("\"0\"");
        assertThat(cso.get(list + "/missing-positions").json().get("missing").asInt()).isZero();
        assertThat(cso.get(list + "?size=201").status()).isEqualTo(400);
        assertThat(register.auditActions("KE", 4)).contains("RECOMMENDATIONS_IMPORTED");
    }

    @Test
    void everyScriptSurvivesTheRoundTripAndTheApiIsDescribed() {
        int cycle = 26;
        world.ensureCycle("KE", cycle);
        String text = "Garantir l'accès à la justice — 保障诉诸司法的权利 — ضمان الوصول إلى العدالة";
        Http.Response imported = importFile(world.as(World.KE_MANAGER), "KE", cycle,
                utf8("\uFEFF" + RegisterFixture.HEADER + "\"" + text + "\",Türkiye,KENYA,noted,Justice,4\n"));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);

        JsonNode stored = world.as(World.KE_GOV).get(recommendations("KE", cycle)).json().get("items").get(0);
        assertThat(stored.get("text").asText()).isEqualTo(text);
        assertThat(stored.get("recommendingState").asText()).isEqualTo("Türkiye");
        assertThat(stored.get("position").asText()).isEqualTo("NOTED");

        JsonNode paths = world.as(World.KE_CSO).get("/v3/api-docs").json().get("paths");
        assertThat(paths.has("/api/countries/{code}/cycles/{cycle}/recommendations/import")).isTrue();
        assertThat(paths.has("/api/countries/{code}/cycles/{cycle}/recommendations/import/previews/{id}/confirmation"))
                .isTrue();
        assertThat(paths.has("/api/countries/{code}/cycles/{cycle}/matrix/versions/{number}/entries/{key}")).isTrue();
        assertThat(paths.has("/api/countries/{code}/audit")).isTrue();
    }

    @Test
    void theRegisterPageHoldsNoDataAndItsApiWantsTheSameLoginAsTasklist() {
        Http.Response page = http.anonymous().get("/register/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/ui/uprflow.js", "register.js", "data-i18n=\"page.register.title\"");
        assertThat(http.anonymous().get("/register/register.js").status()).isEqualTo(200);
        assertThat(http.anonymous().get(recommendations("KE", 4)).status()).isEqualTo(401);

        Http.Caller browser = http.pageLogin(World.KE_MANAGER, World.PASSWORD);
        int cycle = 27;
        world.ensureCycle("KE", cycle);
        Http.Response created = browser.postJson(recommendations("KE", cycle),
                "{\"text\":\"Ratify the Escaz\u00fa Agreement\",\"recommendingState\":\"Chile\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(browser.get(recommendations("KE", cycle)).json().get("total").asInt()).isEqualTo(1);
        assertThat(browser.delete(recommendations("KE", cycle) + "/" + created.json().get("id").asText(), "\"0\"")
                .status()).isEqualTo(204);
    }

    @Test
    void anotherCountrysUserGetsNothingAndWritesNothing() {
        int cycle = 22;
        world.ensureCycle("KE", cycle);
        String id = register.create(cycle, "Ensure access to justice for all", "Justice");
        String list = recommendations("KE", cycle);
        String one = list + "/" + id;
        List<String> auditBefore = register.auditActions("KE", cycle);

        for (String malawian : List.of(World.MW_CSO, World.MW_GOV)) {
            Http.Caller mw = world.as(malawian);
            assertThat(mw.get(list).status()).as("%s lists", malawian).isEqualTo(404);
            assertThat(mw.get(one).status()).as("%s reads one", malawian).isEqualTo(404);
            assertThat(mw.get(list + "/missing-positions").status()).isEqualTo(404);
            assertThat(mw.get(list + "/themes").status()).isEqualTo(404);
            assertThat(mw.postJson(list, "{\"text\":\"Planted\",\"recommendingState\":\"Chile\"}").status())
                    .as("%s creates", malawian).isEqualTo(404);
            assertThat(mw.putJson(one, "{\"text\":\"Overwritten\",\"recommendingState\":\"Chile\"}", "\"0\"").status())
                    .as("%s edits", malawian).isEqualTo(404);
            assertThat(mw.putJson(one + "/position", "{\"position\":\"NOTED\"}", null).status())
                    .as("%s records a position", malawian).isEqualTo(404);
            assertThat(mw.delete(one, "\"0\"").status()).as("%s deletes", malawian).isEqualTo(404);
            assertThat(importFile(mw, "KE", cycle, utf8(RegisterFixture.HEADER + "Planted,Chile,Kenya,Noted,Justice,3\n"))
                    .status()).as("%s imports", malawian).isEqualTo(404);
            // a Kenyan recommendation reached through Malawi's own register is no more visible
            assertThat(mw.get(recommendations("MW", cycle) + "/" + id).status()).isEqualTo(404);
        }

        JsonNode after = world.as(World.KE_CSO).get(one).json();
        assertThat(after.get("text").asText()).isEqualTo("Ensure access to justice for all");
        assertThat(after.get("position").isNull()).isTrue();
        assertThat(after.get("version").asInt()).isZero();
        assertThat(register.total("KE", cycle)).isEqualTo(1);
        assertThat(register.auditActions("KE", cycle)).isEqualTo(auditBefore);
    }

    @Test
    void aBadImportListsEveryProblemByRowAndColumnAndImportsNothing() {
        int cycle = 23;
        world.ensureCycle("KE", cycle);
        Http.Caller manager = world.as(World.KE_MANAGER);
        String file = RegisterFixture.HEADER
                + "Ensure free primary education,Qatar,Kenya,Supported,Right to education,3\n"
                + ",France,Kenya,Noted,Death penalty,4\n"
                + "Abolish the death penalty,Portugal,Kenya,Perhaps,Death penalty,4\n"
                + "Ratify OPCAT,Denmark,Kenya,Noted,Torture,6\n"
                + "Protect refugees,Uruguay,Malawi,Supported,Refugees,4\n";

        Http.Response refused = importFile(manager, "KE", cycle, utf8(file));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode errors = refused.json().get("errors");
        assertThat(errors.has("row 3, Recommendation")).as(refused.toString()).isTrue();
        assertThat(errors.get("row 4, Response").asText()).contains("Perhaps");
        assertThat(errors.get("row 5, Action category").asText()).contains("'6'", "1 to 5");
        assertThat(errors.has("row 6, State under review")).as("Malawi's row is skipped, not refused").isFalse();
        assertThat(refused.json().get("problems")).hasSize(3);
        assertThat(refused.json().get("total").asInt()).isEqualTo(3);
        assertThat(refused.json().get("problems").get(0).get("row").asInt()).isEqualTo(3);

        Http.Response header = importFile(manager, "KE", cycle, utf8("Text of it,Recommending State\nA,B\n"));
        assertThat(header.status()).isEqualTo(400);
        assertThat(header.json().get("errors").get("file").asText()).as(header.toString()).contains("text");

        // detected, it would read as windows-1252; named UTF-8, its row is undecodable
        byte[] latin1 = (RegisterFixture.HEADER + "Améliorer l'accès à la justice,France,Kenya,Noted,Justice,4\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Http.Response encoding = RegisterFixture.upload(manager, recommendations("KE", cycle) + "/import", "f.csv",
                latin1, "encoding=UTF-8");
        assertThat(encoding.status()).isEqualTo(400);
        assertThat(encoding.json().get("errors").get("row 2").asText()).contains("UTF-8");

        byte[] tooLarge = new byte[5 * 1024 * 1024 + 1];
        Arrays.fill(tooLarge, (byte) 'a');
        Http.Response large = importFile(manager, "KE", cycle, tooLarge);
        assertThat(large.status()).isEqualTo(400);
        assertThat(large.json().get("errors").get("file").asText()).contains("5242880");

        assertThat(register.total("KE", cycle)).as("nothing imported").isZero();
        assertThat(register.auditActions("KE", cycle)).isEmpty();
    }

    @Test
    void aSecondEditOfTheSameVersionIs409AndTheFirstIsKept() {
        int cycle = 24;
        world.ensureCycle("KE", cycle);
        String one = recommendations("KE", cycle) + "/" + register.create(cycle, "Strengthen the NHRI", "NHRI");
        Http.Caller manager = world.as(World.KE_MANAGER);
        String etag = manager.get(one).headers().getETag();

        Http.Response first = manager.putJson(one, """
                {"text":"Strengthen the NHRI in line with the Paris Principles","recommendingState":"Australia",
                 "themes":["National human rights institution"],"sdgTargets":["16.a"],"actionCategory":4}""", etag);
        Http.Response second = manager.putJson(one, """
                {"text":"A stale overwrite","recommendingState":"Chile"}""", etag);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.headers().getETag()).isEqualTo("\"1\"");
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.json().get("detail").asText()).contains("version 0", "version 1");
        assertThat(second.json().get("stale").asBoolean()).as("reloading helps").isTrue();
        JsonNode kept = manager.get(one).json();
        assertThat(kept.get("text").asText()).isEqualTo("Strengthen the NHRI in line with the Paris Principles");
        assertThat(kept.get("sdgTargets").get(0).asText()).isEqualTo("16.a");
        assertThat(manager.putJson(one, "{\"text\":\"No version\",\"recommendingState\":\"Chile\"}", null).status())
                .isEqualTo(400);
        assertThat(manager.putJson(one, "{\"text\":\"\",\"recommendingState\":\"Chile\",\"actionCategory\":7}", "\"1\"")
                .json().get("errors").has("actionCategory")).isTrue();
    }

    @Test
    void theGovernmentRecordsPositionsAndOnlyManagersRegister() {
        int cycle = 25;
        world.ensureCycle("KE", cycle);
        String id = register.create(cycle, "Ratify the Optional Protocol", "International instruments");
        String one = recommendations("KE", cycle) + "/" + id;
        Http.Caller cso = world.as(World.KE_CSO);
        Http.Caller gov = world.as(World.KE_GOV);

        assertThat(cso.postJson(recommendations("KE", cycle), "{\"text\":\"T\",\"recommendingState\":\"Chile\"}").status())
                .isEqualTo(403);
        assertThat(cso.putJson(one + "/position", "{\"position\":\"NOTED\"}", null).status()).isEqualTo(403);
        assertThat(gov.putJson(one, "{\"text\":\"T\",\"recommendingState\":\"Chile\"}", "\"0\"").status()).isEqualTo(403);
        assertThat(importFile(gov, "KE", cycle, utf8(RegisterFixture.HEADER + "T,Chile,Kenya,Noted,Justice,3\n")).status())
                .isEqualTo(403);
        assertThat(gov.get(recommendations("KE", cycle) + "/missing-positions").json().get("missing").asInt()).isEqualTo(1);

        Http.Response noted = gov.putJson(one + "/position", "{\"position\":\"NOTED\"}", "\"0\"");
        assertThat(noted.status()).as(noted.toString()).isEqualTo(200);
        assertThat(noted.json().get("position").asText()).isEqualTo("NOTED");
        assertThat(noted.json().get("updatedBy").asText()).isEqualTo(World.KE_GOV);
        assertThat(gov.putJson(one + "/position", "{\"position\":\"SUPPORTED\"}", "\"0\"").status())
                .as("a stale position").isEqualTo(409);
        assertThat(register.total("KE", cycle)).isEqualTo(1);

        JsonNode audit = world.as(World.KE_MANAGER).get("/api/countries/KE/audit?cycle=" + cycle).json();
        assertThat(audit.get(0).get("action").asText()).isEqualTo("POSITION_RECORDED");
        assertThat(audit.get(0).get("actor").asText()).isEqualTo(World.KE_GOV);
        assertThat(audit.get(1).get("action").asText()).isEqualTo("RECOMMENDATION_CREATED");
        assertThat(cso.get("/api/countries/KE/audit").status()).as("the audit trail is for managers").isEqualTo(403);
        assertThat(world.as(World.MW_CSO).get("/api/countries/KE/audit").status()).isEqualTo(404);
    }

    @Test
    void theSameFileImportedTwiceAddsNothingAndALaterExportFillsInThePositions() {
        int cycle = 41;
        world.ensureCycle("KE", cycle);
        Http.Caller manager = world.as(World.KE_MANAGER);
        String first = RegisterFixture.HEADER
                + "Ratify the Optional Protocol to the Convention against Torture,Denmark,Kenya,,Torture,4\n"
                + "Abolish the death penalty,Portugal,Kenya,Noted,Death penalty,4\n";
        Http.Response imported = importFile(manager, "KE", cycle, utf8(first));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(2);
        String list = recommendations("KE", cycle);
        String ratify = world.as(World.KE_GOV).get(list + "?q=optional").json().get("items").get(0).get("id").asText();
        String deathPenalty = world.as(World.KE_GOV).get(list + "?q=death").json().get("items").get(0).get("id").asText();

        Http.Response again = importFile(manager, "KE", cycle, utf8(first));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.json().get("imported").asInt()).isZero();
        assertThat(again.json().get("updated").asInt()).isZero();
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(2);
        assertThat(again.json().get("withoutPosition").asInt()).isEqualTo(1);
        assertThat(register.total("KE", cycle)).isEqualTo(2);
        assertThat(manager.get(list + "/" + ratify).headers().getETag()).as("not rewritten").isEqualTo("\"0\"");

        // the State's responses came out; the recommendation is written with other spacing and case,
        // the death penalty row lost its response in this export, and one recommendation is new
        String later = RegisterFixture.HEADER
                + "\"Ratify the optional protocol to the  Convention against Torture\",Denmark,Kenya,Supported,Torture;Detention,4\n"
                + "Abolish the death penalty,Portugal,Kenya,,Death penalty,4\n"
                + "Decriminalise consensual same-sex relations,Iceland,Kenya,Noted,LGBTI,5\n";
        Http.Response third = importFile(manager, "KE", cycle, utf8(later));
        assertThat(third.status()).as(third.toString()).isEqualTo(201);
        assertThat(third.json().get("imported").asInt()).isEqualTo(1);
        assertThat(third.json().get("updated").asInt()).isEqualTo(1);
        assertThat(third.json().get("unchanged").asInt()).isEqualTo(1);
        assertThat(third.json().get("withoutPosition").asInt()).isZero();
        assertThat(register.total("KE", cycle)).isEqualTo(3);
        JsonNode updated = manager.get(list + "/" + ratify).json();
        assertThat(updated.get("position").asText()).isEqualTo("SUPPORTED");
        assertThat(updated.get("themes").toString()).contains("Detention", "Torture");
        assertThat(updated.get("version").asInt()).isEqualTo(1);
        assertThat(manager.get(list + "/" + deathPenalty).json().get("position").asText())
                .as("an empty response keeps the recorded position").isEqualTo("NOTED");
        assertThat(register.auditDetails("KE", cycle).get(0)).contains("1 added", "1 updated", "1 unchanged");
    }

    @Test
    void aFileThatRepeatsARecommendationImportsItOnceWithEveryRecommendingState() {
        int cycle = 42;
        world.ensureCycle("KE", cycle);
        Http.Response imported = importFile(world.as(World.KE_MANAGER), "KE", cycle, utf8(RegisterFixture.HEADER
                + "Protect human rights defenders,Norway,Kenya,Supported,Human rights defenders,4\n"
                + "Ensure free primary education,Qatar,Kenya,Supported,Right to education,3\n"
                + "protect  human rights defenders,NORWAY,Kenya,Supported,Human rights defenders,4\n"
                + "Protect human rights defenders,Ireland,Kenya,Supported,Civil society,4\n"));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(2);
        JsonNode defenders = world.as(World.KE_CSO).get(recommendations("KE", cycle) + "?q=defenders").json()
                .get("items").get(0);
        assertThat(defenders.get("recommendingStates").toString()).contains("Norway", "Ireland");
        assertThat(defenders.get("themes").toString()).contains("Human rights defenders", "Civil society");
        assertThat(register.total("KE", cycle)).isEqualTo(2);
        assertThat(importFile(world.as(World.KE_MANAGER), "KE", 98, utf8(RegisterFixture.HEADER + "T,Chile,Kenya,,J,4\n"))
                .status()).as("a cycle never opened").isEqualTo(404);
    }

    @Test
    void aManagerDeletesARecommendationEnteredByMistakeButNotOneTheMatrixImplements() {
        int cycle = 43;
        world.ensureCycle("KE", cycle);
        Http.Caller manager = world.as(World.KE_MANAGER);
        String list = recommendations("KE", cycle);
        String mistake = list + "/" + register.create(cycle, "Entered twice by mistake", "Justice");
        String kept = register.create(cycle, "Train judges on gender-based violence", "Justice");

        assertThat(world.as(World.KE_CSO).delete(mistake, "\"0\"").status()).isEqualTo(403);
        assertThat(world.as(World.KE_GOV).delete(mistake, "\"0\"").status()).isEqualTo(403);
        Http.Response noVersion = manager.delete(mistake);
        assertThat(noVersion.status()).as(noVersion.toString()).isEqualTo(400);
        assertThat(noVersion.json().get("errors").has("If-Match")).isTrue();
        assertThat(manager.delete(mistake, "\"x\"").status()).isEqualTo(400);
        Http.Response stale = manager.delete(mistake, "\"3\"");
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(manager.delete(list + "/00000000-0000-0000-0000-000000000000", "\"0\"").status()).isEqualTo(404);
        assertThat(manager.delete(list + "/not-a-uuid", "\"0\"").status()).isEqualTo(400);

        Http.Response deleted = manager.delete(mistake, "\"0\"");
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(manager.get(mistake).status()).isEqualTo(404);
        assertThat(manager.delete(mistake, "\"0\"").status()).isEqualTo(404);
        assertThat(register.total("KE", cycle)).isEqualTo(1);
        assertThat(register.auditActions("KE", cycle).get(0)).isEqualTo("RECOMMENDATION_DELETED");
        assertThat(register.auditDetails("KE", cycle).get(0)).contains("Entered twice by mistake");

        String matrix = "/api/countries/KE/cycles/" + cycle + "/matrix";
        Http.Response row = world.as(World.KE_CSO).postJson(matrix + "/entries",
                "{\"themeCluster\":\"Justice\",\"recommendationIds\":[\"" + kept + "\"]}");
        assertThat(row.status()).as(row.toString()).isEqualTo(201);
        Http.Response inDraft = manager.delete(list + "/" + kept, "\"0\"");
        assertThat(inDraft.status()).as(inDraft.toString()).isEqualTo(409);
        assertThat(inDraft.json().get("detail").asText()).contains("Justice", "draft version 1");
        assertThat(manager.postJson(matrix + "/versions/1/finalise", "").status()).isEqualTo(200);
        Http.Response inFinal = manager.delete(list + "/" + kept, "\"0\"");
        assertThat(inFinal.status()).as(inFinal.toString()).isEqualTo(409);
        assertThat(inFinal.json().get("detail").asText()).contains("version 1", "final");
        assertThat(inFinal.json().get("stale").asBoolean()).as("reloading does not help").isFalse();
        assertThat(register.total("KE", cycle)).isEqualTo(1);
    }

    @Test
    void theAuditTrailIsReadByManagersPageByPageAndRefusesBadPaging() {
        int cycle = 44;
        world.ensureCycle("KE", cycle);
        register.create(cycle, "Ensure birth registration for all children", "Children");
        register.create(cycle, "Adopt a national action plan on business and human rights", "Business");
        Http.Caller manager = world.as(World.KE_MANAGER);
        String audit = "/api/countries/KE/audit?cycle=" + cycle;

        JsonNode newest = manager.get(audit + "&size=1").json();
        assertThat(newest).hasSize(1);
        assertThat(newest.get(0).get("actor").asText()).isEqualTo(World.KE_MANAGER);
        assertThat(newest.get(0).get("detail").asText()).contains("business and human rights");
        assertThat(newest.get(0).get("occurredAt").asText()).isNotBlank();
        assertThat(manager.get(audit + "&size=1&page=1").json().get(0).get("detail").asText()).contains("birth");
        assertThat(world.as(World.BOTH_MANAGER).get(audit).json()).hasSize(2);

        for (String bad : List.of("&size=0", "&size=201", "&page=-1", "&size=x")) {
            Http.Response refused = manager.get(audit + bad);
            assertThat(refused.status()).as(bad + ": " + refused).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(manager.get("/api/countries/KE/audit?cycle=0").json().get("errors").has("cycle")).isTrue();
        assertThat(world.as(World.KE_GOV).get(audit).status()).isEqualTo(403);
        assertThat(world.as(World.MW_GOV).get(audit).status()).isEqualTo(404);
        assertThat(world.as(World.MW_CSO).get("/api/countries/MW/audit").status()).isEqualTo(403);
    }
}
