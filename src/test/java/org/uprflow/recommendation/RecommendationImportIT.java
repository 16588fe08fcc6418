package org.uprflow.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uprflow.testing.RegisterFixture.recommendations;
import static org.uprflow.testing.RegisterFixture.upload;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;
import org.springframework.scheduling.config.FixedDelayTask;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.RegisterFixture;
import org.uprflow.testing.TestDatabase;
import org.uprflow.testing.World;

/**
 * Files as people have them, through the API on PostgreSQL: preview, mapping, confirmation,
 * the UHRI workbook, refusals that keep nothing, expiry, tenants, and finding what was imported.
 * Kenya's cycles 61 to 67 and 70, each test its own.
 */
class RecommendationImportIT extends PostgresIntegrationTest {

    private RegisterFixture register;

    @Autowired
    private RecommendationImports imports;
    @Autowired
    private ScheduledAnnotationBeanPostProcessor schedules;

    @BeforeEach
    void fixture() {
        register = new RegisterFixture(world);
    }

    @Test
    void aResearchersSheetIsPreviewedMappedConfirmedAndReimportedByParagraphNumber() throws Exception {
        int cycle = 61;
        world.ensureCycle("KE", cycle);
        Http.Caller manager = world.as(World.KE_MANAGER);
        String previews = recommendations("KE", cycle) + "/import/previews";

        Http.Response preview = upload(manager, previews, "researcher.txt",
                ImportFilesTest.fixture("researcher-utf16-tab.txt"));
        assertThat(preview.status()).as(preview.toString()).isEqualTo(201);
        JsonNode body = preview.json();
        assertThat(body.get("encoding").asText()).isEqualTo("UTF-16LE");
        assertThat(body.get("delimiter").asText()).isEqualTo("\t");
        assertThat(body.get("importable").asBoolean()).isFalse();
        assertThat(body.get("problems").get(0).get("message").asText()).contains("text");
        assertThat(body.get("columns").get(0).get("field").asText()).isEqualTo("reference");
        assertThat(body.get("columns").get(1).get("field").isNull()).isTrue();
        String location = preview.headers().getLocation().toString();
        assertThat(storedPreviews(cycle)).as("kept in the database, for any node").isEqualTo(1);

        // the user maps the text and the recommending States in the page: the preview reads again
        Http.Response mapped = manager.putJson(location, """
                {"mapping":{"text":"Recommendation made","recommendingStates":"By"}}""", null);
        assertThat(mapped.status()).as(mapped.toString()).isEqualTo(200);
        assertThat(mapped.json().get("importable").asBoolean()).isTrue();
        assertThat(mapped.json().get("counts").get("recommendations").asInt()).isEqualTo(3);
        assertThat(mapped.json().get("counts").get("mergedRows").asInt()).isEqualTo(1);
        assertThat(mapped.json().get("rows").get(0).get("recommendingStates").toString()).contains("Denmark", "Ghana");
        assertThat(mapped.json().get("notes").toString()).contains("Notes");
        assertThat(manager.putJson(location, "{\"mapping\":{\"text\":\"Texte\"}}", null).status())
                .as("a column the file does not have").isEqualTo(400);

        Http.Response confirmed = manager.postJson(location + "/confirmation", "");
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(201);
        assertThat(confirmed.json().get("imported").asInt()).isEqualTo(3);
        assertThat(manager.get(location).status()).as("gone once imported").isEqualTo(404);
        assertThat(storedPreviews(cycle)).isZero();

        JsonNode first = world.as(World.KE_CSO).get(recommendations("KE", cycle)).json().get("items").get(0);
        assertThat(first.get("reference").asText()).isEqualTo("136.1");
        assertThat(first.get("citation").asText()).isEqualTo("136.1");
        assertThat(world.as(World.KE_CSO).get(recommendations("KE", cycle) + "?position=SUPPORTED_IN_PART").json()
                .get("total").asInt()).isEqualTo(1);

        // a corrected export: paragraph 136.3's text was mistyped; it is updated, not added again
        byte[] corrected = RegisterFixture.utf8("Para,Recommendation,Recommending State,Response\n"
                + "136.3,Strengthen the independence of the Kenya National Human Rights Commission,Maldives,Noted\n");
        Http.Response again = upload(manager, recommendations("KE", cycle) + "/import", "c.csv", corrected);
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.json().get("imported").asInt()).isZero();
        assertThat(again.json().get("updated").asInt()).isEqualTo(1);
        assertThat(register.total("KE", cycle)).isEqualTo(3);
    }

    @Test
    void aUhriWorkbookImportsKenyasUprRowsOnlyInOneRequest() {
        int cycle = 62;
        world.ensureCycle("KE", cycle);
        byte[] workbook = UhriWorkbook.write(List.of(
                new UhriWorkbook.Row("Ratify the Optional Protocol to the Convention against Torture", "- Kenya", "UPR",
                        "- Torture and other cruel, inhuman or degrading treatment\n- International instruments",
                        "- Persons deprived of their liberty", "16.3", "- Denmark\n- Ghana", "Supported", "35"),
                new UhriWorkbook.Row("Abolish the death penalty", "- Kenya", "UPR", "- Death penalty", "", "",
                        "- France\n- Iran (Islamic Republic of)", "Supported/Noted", "35"),
                new UhriWorkbook.Row("Adopt a law on domestic violence", "- Kenya", "CEDAW", "- Women's rights",
                        "- Women", "5.2", "", "", ""),
                new UhriWorkbook.Row("Protect human rights defenders", "- Malawi", "UPR", "- Human rights defenders", "",
                        "", "- Norway", "Supported", "36")));

        Http.Response imported = upload(world.as(World.KE_MANAGER), recommendations("KE", cycle) + "/import",
                "uhri-export.xlsx", workbook);

        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(2);
        JsonNode items = world.as(World.KE_CSO).get(recommendations("KE", cycle)).json().get("items");
        assertThat(items.get(0).get("recommendingStates").toString()).contains("Denmark", "Ghana");
        assertThat(items.get(0).get("themes")).hasSize(2);
        assertThat(items.get(0).get("affectedGroups").get(0).asText()).isEqualTo("Persons deprived of their liberty");
        assertThat(items.get(0).get("session").asInt()).isEqualTo(35);
        assertThat(items.get(1).get("position").asText()).isEqualTo("SUPPORTED_IN_PART");

        Http.Response preview = upload(world.as(World.KE_MANAGER), recommendations("KE", cycle) + "/import/previews",
                "uhri-export.xlsx", workbook);
        JsonNode counts = preview.json().get("counts");
        assertThat(counts.get("skippedOtherBodies").asInt()).isEqualTo(1);
        assertThat(counts.get("skippedOtherStates").asInt()).isEqualTo(1);
        assertThat(preview.json().get("format").asText()).isEqualTo("XLSX");
        assertThat(world.as(World.KE_MANAGER).delete(preview.headers().getLocation().toString()).status()).isEqualTo(204);
    }

    @Test
    void badFilesAreRefusedWithEveryProblemAndNothingStaysOnTheServer() throws Exception {
        int cycle = 63;
        world.ensureCycle("KE", cycle);
        Http.Caller manager = world.as(World.KE_MANAGER);
        String previews = recommendations("KE", cycle) + "/import/previews";
        Map<String, byte[]> bad = Map.of(
                "binary.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'},
                "not-a-workbook.xlsx", RegisterFixture.utf8("Text,From\nA,B\n"),
                "bomb.xlsx", ImportFilesTest.zip(Map.of("xl/workbook.xml", new byte[10],
                        "xl/worksheets/sheet1.xml", new byte[30_000_000])),
                "macros.xlsx", ImportFilesTest.zip(Map.of("xl/workbook.xml", new byte[10], "xl/vbaProject.bin",
                        new byte[10])));
        for (Map.Entry<String, byte[]> file : bad.entrySet()) {
            Http.Response refused = upload(manager, previews, file.getKey(), file.getValue());
            assertThat(refused.status()).as(file.getKey() + ": " + refused).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("total").asInt()).isEqualTo(1);
        }
        Http.Response options = upload(manager, previews, "f.csv", RegisterFixture.utf8("Text,From\nA,B\n"),
                "encoding=EBCDIC-klingon", "delimiter=#", "mapping=colour=Text", "mapping=themes=Issues");
        assertThat(options.status()).as(options.toString()).isEqualTo(400);
        assertThat(options.json().get("errors").has("file, encoding")).as(options.toString()).isTrue();
        assertThat(options.json().get("errors").has("file, delimiter")).isTrue();
        Http.Response mapping = upload(manager, previews, "f.csv", RegisterFixture.utf8("Text,From\nA,B\n"),
                "mapping=colour=Text", "mapping=themes=Issues");
        assertThat(mapping.status()).as(mapping.toString()).isEqualTo(400);
        assertThat(mapping.json().get("total").asInt()).as("a mapped column the file lacks, an unknown field")
                .isEqualTo(2);
        assertThat(mapping.json().get("problems").toString()).contains("'Issues'", "'colour'");

        Http.Response noText = upload(manager, recommendations("KE", cycle) + "/import", "f.csv",
                RegisterFixture.utf8("Recommendation,Recommending State\nRatify OPCAT,Chile\n"), "mapping=text=");
        assertThat(noText.status()).as("a mapping that names no text column: " + noText).isEqualTo(400);
        assertThat(noText.json().get("problems").toString()).contains("No column is mapped to the recommendation text");

        byte[] oversized = new byte[5 * 1024 * 1024 + 1];
        java.util.Arrays.fill(oversized, (byte) 'a');
        Http.Response tooLarge = upload(manager.inLanguage("fr"), previews, "big.csv", oversized);
        assertThat(tooLarge.status()).as("over uprflow.register.import-max-bytes").isEqualTo(400);
        assertThat(tooLarge.json().get("problems").get(0).get("message").asText().replaceAll("\\D", ""))
                .isEqualTo("5242880");
        assertThat(tooLarge.json().get("title").asText()).isEqualTo("Import refusé");

        StringBuilder many = new StringBuilder("Recommendation,Recommending State,Action category\n");
        for (int i = 1; i <= 450; i++) {
            many.append("Recommendation ").append(i).append(",Chile,9\n");
        }
        Http.Response tooMany = upload(manager, recommendations("KE", cycle) + "/import", "m.csv",
                RegisterFixture.utf8(many.toString()));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("total").asInt()).isEqualTo(450);
        assertThat(tooMany.json().get("problems")).hasSize(ImportProblems.LISTED);
        assertThat(tooMany.json().get("problems").get(199).get("row").asInt()).isEqualTo(201);

        assertThat(storedPreviews(cycle)).as("no refused file kept").isZero();
        assertThat(register.total("KE", cycle)).isZero();
    }

    @Test
    void previewsAreTheCountrysManagersAndOnlyForAnOpenedCycle() throws IOException {
        int cycle = 64;
        world.ensureCycle("KE", cycle);
        byte[] file = ImportFilesTest.fixture("ohchr-matrix.csv");
        Http.Response preview = upload(world.as(World.KE_MANAGER), recommendations("KE", cycle) + "/import/previews",
                "m.csv", file);
        assertThat(preview.status()).as(preview.toString()).isEqualTo(201);
        String location = preview.headers().getLocation().toString();

        for (String outsider : List.of(World.MW_CSO, World.MW_GOV)) {
            Http.Caller mw = world.as(outsider);
            assertThat(mw.get(location).status()).isEqualTo(404);
            assertThat(mw.putJson(location, "{}", null).status()).isEqualTo(404);
            assertThat(mw.postJson(location + "/confirmation", "").status()).isEqualTo(404);
            assertThat(mw.delete(location).status()).isEqualTo(404);
            assertThat(upload(mw, recommendations("KE", cycle) + "/import/previews", "m.csv", file).status())
                    .isEqualTo(404);
        }
        assertThat(world.as(World.KE_CSO).get(location).status()).isEqualTo(403);
        assertThat(world.as(World.KE_GOV).postJson(location + "/confirmation", "").status()).isEqualTo(403);
        assertThat(world.as(World.KE_MANAGER).get(recommendations("KE", 65) + "/import/previews/" + preview.json()
                .get("id").asText()).status()).as("another cycle's address").isEqualTo(404);
        assertThat(upload(world.as(World.KE_MANAGER), recommendations("KE", 97) + "/import/previews", "m.csv", file)
                .status()).as("a cycle never opened").isEqualTo(404);
        assertThat(upload(world.as(World.KE_MANAGER), recommendations("KE", 97) + "/import", "m.csv", file).status())
                .as("a cycle never opened, in one request").isEqualTo(404);
        assertThat(register.total("KE", cycle)).isZero();
        assertThat(world.as(World.KE_MANAGER).postJson(location + "/confirmation", "").status()).isEqualTo(201);
        assertThat(register.total("KE", cycle)).isEqualTo(3);
    }

    @Test
    void searchAndThemesIgnoreCaseAccentsAndApostrophesOnPostgres() throws IOException {
        int cycle = 66;
        world.ensureCycle("KE", cycle);
        Http.Response imported = upload(world.as(World.KE_MANAGER), recommendations("KE", cycle) + "/import",
                "old.csv", ImportFilesTest.fixture("upr-info-old-cr-macroman.csv"), "mapping=cycle=");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        Http.Caller cso = world.as(World.KE_CSO);
        String list = recommendations("KE", cycle);
        assertThat(cso.get(list + "?q=Cote d'Ivoire").json().get("total").asInt()).isEqualTo(1);
        assertThat(cso.get(list + "?q=KENYA'S").json().get("total").asInt()).isEqualTo(1);
        assertThat(cso.get(list + "?q=bresil").json().get("total").asInt()).isEqualTo(1);
        assertThat(cso.get(list + "?theme=women’s RIGHTS").json().get("total").asInt()).isEqualTo(1);
        assertThat(cso.get(list + "/themes").json().findValuesAsText("theme")).contains("Women's rights",
                "Rights of the Child", "Death penalty");
    }

    @Test
    void anExpiredPreviewCannotBeConfirmedAndNoExpiredFileStaysOnTheServer() throws Exception {
        int cycle = 95;
        world.ensureCycle("KE", cycle);
        Http.Caller manager = world.as(World.KE_MANAGER, "fr");
        String previews = recommendations("KE", cycle) + "/import/previews";
        byte[] file = ImportFilesTest.fixture("ohchr-matrix.csv");
        String confirmedLate = upload(manager, previews, "m.csv", file).headers().getLocation().toString();
        String leftAlone = upload(manager, previews, "m.csv", file).headers().getLocation().toString();
        // refused at confirmation (no text column mapped): kept, but only until it expires
        String refused = upload(manager, previews, "m.csv", file, "mapping=text=").headers().getLocation().toString();
        assertThat(manager.postJson(refused + "/confirmation", "").status()).isEqualTo(400);
        assertThat(storedPreviews(cycle)).isEqualTo(3);

        age(confirmedLate, 31);
        Http.Response late = manager.postJson(confirmedLate + "/confirmation", "");
        assertThat(late.status()).as(late.toString()).isEqualTo(404);
        assertThat(late.contentType()).startsWith("application/problem+json");
        assertThat(late.json().get("title").asText()).isEqualTo("Aperçu plus disponible");
        assertThat(late.json().get("detail").asText()).contains("a expiré", "30 minutes", "Téléversez de nouveau");
        assertThat(register.total("KE", cycle)).as("nothing imported").isZero();
        assertThat(storedPreviews(cycle)).as("the expired preview is deleted when it is asked for").isEqualTo(2);
        assertThat(manager.postJson(confirmedLate + "/confirmation", "").status()).isEqualTo(404);
        Http.Response discarded = manager.delete(confirmedLate);
        assertThat(discarded.status()).isEqualTo(404);
        assertThat(discarded.json().get("title").asText()).isEqualTo("Aperçu plus disponible");
        assertThat(manager.get(leftAlone).status()).as("one not expired answers").isEqualTo(200);

        // nobody asks for these again: the scheduled delete, which every node runs, removes them
        age(leftAlone, 30);
        age(refused, 45);
        imports.deleteExpiredPreviews();
        assertThat(storedPreviews(cycle)).as("no expired file stays").isZero();
        assertThat(schedules.getScheduledTasks()).as("the delete runs every minute at most")
                .anyMatch(task -> task.getTask() instanceof FixedDelayTask delay
                        && delay.toString().endsWith("RecommendationImports.deleteExpiredPreviews")
                        && delay.getIntervalDuration().toSeconds() <= 60);
        assertThat(register.total("KE", cycle)).isZero();
    }

    @Test
    void paragraphNumbersOfAnImportAreHowTheMatrixCitesItsRecommendations() throws IOException {
        int cycle = 70;
        world.ensureCycle("KE", cycle);
        Http.Response imported = upload(world.as(World.KE_MANAGER), recommendations("KE", cycle) + "/import",
                "m.csv", ImportFilesTest.fixture("ohchr-matrix.csv"));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        JsonNode items = world.as(World.KE_CSO).get(recommendations("KE", cycle)).json().get("items");
        assertThat(items.findValuesAsText("citation")).containsExactly("140.7", "140.8", "140.9");

        Http.Response row = world.as(World.KE_CSO).postJson("/api/countries/KE/cycles/" + cycle + "/matrix/entries", """
                {"themeCluster":"Enforced disappearance","goal":"Ratified","actions":"Table the bill",
                 "indicators":"Instrument deposited","responsibleInstitution":"Attorney General","timeline":"2026",
                 "status":"IN_PROCESS","recommendationIds":["%s","%s"]}"""
                .formatted(items.get(2).get("id").asText(), items.get(0).get("id").asText()));
        assertThat(row.status()).as(row.toString()).isEqualTo(201);
        assertThat(row.json().get("recommendationCitations").toString()).contains("140.7", "140.9");
        JsonNode version = world.as(World.KE_CSO).get("/api/countries/KE/cycles/" + cycle + "/matrix/versions/1").json();
        assertThat(version.findValues("recommendationCitations").get(0).toString()).contains("140.7", "140.9");
    }

    @Test
    void theApisMappingParameterIsDocumented() {
        JsonNode paths = world.as(World.KE_CSO).get("/v3/api-docs").json().get("paths");
        for (String path : List.of("/import", "/import/previews")) {
            JsonNode operation = paths.get("/api/countries/{code}/cycles/{cycle}/recommendations" + path).get("post");
            List<JsonNode> mapping = new java.util.ArrayList<>();
            operation.path("parameters").forEach(p -> {
                if (p.get("name").asText().equals("mapping")) {
                    mapping.add(p);
                }
            });
            JsonNode inBody = operation.at("/requestBody/content/multipart~1form-data/schema/properties/mapping");
            if (!inBody.isMissingNode()) {
                mapping.add(inBody);
            }
            assertThat(mapping).as(path + ": " + operation).isNotEmpty();
            assertThat(mapping.get(0).toString()).as(path).contains("field=Header", "recommendingStates", "ignored");
        }
    }

    /** Moves a preview's creation and expiry back by {@code minutes}, as if it had been made that long ago. */
    private static void age(String location, int minutes) throws SQLException {
        String id = location.substring(location.lastIndexOf('/') + 1);
        TestDatabase database = TestDatabase.get();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                java.sql.PreparedStatement update = connection.prepareStatement("update import_preview set "
                        + "created_at = created_at - make_interval(mins => ?), expires_at = expires_at - "
                        + "make_interval(mins => ?) where id = ?::uuid")) {
            update.setInt(1, minutes);
            update.setInt(2, minutes);
            update.setString(3, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    /** Rows of import_preview for Kenya's cycle, read straight from the database. */
    private static int storedPreviews(int cycle) throws SQLException {
        TestDatabase database = TestDatabase.get();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                ResultSet count = connection.createStatement().executeQuery(
                        "select count(*) from import_preview where country_code = 'ke' and cycle_number = " + cycle)) {
            count.next();
            return count.getInt(1);
        }
    }
}
