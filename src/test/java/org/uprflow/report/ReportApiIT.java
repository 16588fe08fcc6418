package org.uprflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.uprflow.cycle.MidTermReportProcess;
import org.uprflow.cycle.UprCycleProcess;
import org.uprflow.testing.RegisterFixture;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.ReportFixture;
import org.uprflow.testing.World;

/**
 * {@code /api/countries/{cc}/cycles/{n}/report} on PostgreSQL: the draft says what the register,
 * the matrix, its progress notes and the engine's history say; the programme manager publishes it
 * at the publish task, after which it is frozen; another country's users get nothing.
 */
class ReportApiIT extends PostgresIntegrationTest {

    private ReportFixture uruguay;

    @BeforeEach
    void fixture() {
        uruguay = new ReportFixture(world);
    }

    @Test
    void theDraftIsCompiledFromTheMatrixItsProgressAndTheCyclesHistory() throws IOException {
        int cycle = 1;
        String instance = uruguay.open(cycle);
        String torture = recommendation(cycle, "Prevent torture in places of detention", "Torture");
        String women = recommendation(cycle, "Protect women human rights defenders", "Women's rights");
        String education = recommendation(cycle, "Guarantee free primary education", "Education");
        Http.Response position = uruguay.as(ReportFixture.GOV).putJson(RegisterFixture.recommendations("UY", cycle)
                + "/" + torture + "/position", "{\"position\":\"SUPPORTED\"}", null);
        assertThat(position.status()).as(position.toString()).isEqualTo(200);
        String detention = row(cycle, "Torture", "PARTIALLY_IMPLEMENTED", "Ministry of the Interior", torture, women);
        row(cycle, "Women's rights", "IN_PROCESS", "Ministry of Social Development", women);
        note(cycle, detention, "progress-reports", ReportFixture.GOV, "Inspections of 12 prisons published");
        note(cycle, detention, "assessments", ReportFixture.NHRI, "Inspections published, follow-up missing");
        Http.Response finalised = uruguay.as(ReportFixture.MANAGER).postJson(ReportFixture.cycle(cycle)
                + "/matrix/versions/1/finalise", "");
        assertThat(finalised.status()).as(finalised.toString()).isEqualTo(200);
        uruguay.toMidTermReport(instance);
        uruguay.complete(cycle, MidTermReportProcess.CONTRIBUTE_GOVERNMENT, ReportFixture.GOV,
                Map.of(MidTermReportProcess.submittedOn("government"), LocalDate.now().toString()));

        Http.Response read = uruguay.as(ReportFixture.CSO).get(ReportFixture.cycle(cycle) + "/report");

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        JsonNode report = read.json();
        assertThat(report.get("state").asText()).isEqualTo("DRAFT");
        assertThat(report.get("publishable").asBoolean()).as("a CSO does not publish").isFalse();
        assertThat(report.get("businessKey").asText()).isEqualTo("UY-1");
        assertThat(report.get("countryName").asText()).isEqualTo("Uruguay");
        assertThat(report.get("matrix").get("version").asInt()).isEqualTo(1);
        assertThat(report.get("matrix").get("status").asText()).isEqualTo("FINAL");
        assertThat(report.get("positions").get("supported").asInt()).isEqualTo(1);
        assertThat(report.get("positions").get("none").asInt()).isEqualTo(2);
        JsonNode totals = report.get("totals");
        assertThat(List.of(totals.get("partiallyImplemented").asInt(), totals.get("inProcess").asInt(),
                totals.get("notInMatrix").asInt(), totals.get("fullyImplemented").asInt()))
                .as("torture partially; women's rights in process (its least advanced row); education in no row")
                .containsExactly(1, 1, 1, 0);
        assertThat(report.get("recommendations").findValuesAsText("text")).containsExactly(
                "Prevent torture in places of detention", "Protect women human rights defenders",
                "Guarantee free primary education");
        assertThat(report.get("recommendations").get(1).get("status").asText()).isEqualTo("IN_PROCESS");
        assertThat(report.get("recommendations").get(2).get("status").isNull()).isTrue();
        assertThat(report.get("themes").findValuesAsText("theme")).containsExactly("Education", "Torture",
                "Women's rights");
        assertThat(report.get("themes").get(1).get("counts").get("partiallyImplemented").asInt()).isEqualTo(1);

        JsonNode row = report.get("entries").get(0);
        assertThat(row.get("themeCluster").asText()).isEqualTo("Torture");
        assertThat(row.get("recommendations")).hasSize(2);
        assertThat(row.get("reports").get(0).get("author").asText()).isEqualTo(ReportFixture.GOV);
        assertThat(row.get("reports").get(0).get("authorRole").asText()).isEqualTo("GOVERNMENT");
        assertThat(row.get("reports").get(0).get("text").asText()).isEqualTo("Inspections of 12 prisons published");
        assertThat(row.get("reports").get(0).get("at").asText()).isNotBlank();
        assertThat(row.get("assessments").get(0).get("author").asText()).isEqualTo(ReportFixture.NHRI);
        assertThat(row.get("assessments").get(0).get("authorRole").asText()).isEqualTo("NHRI");

        JsonNode contributions = report.get("contributions");
        assertThat(contributions.findValuesAsText("side")).containsExactly("GOVERNMENT", "CSO", "NHRI");
        assertThat(contributions.get(0).get("completedBy").asText()).isEqualTo(ReportFixture.GOV);
        assertThat(contributions.get(0).get("link").asText()).startsWith("https://");
        assertThat(contributions.get(1).get("completedAt").isNull()).as("the CSOs have not contributed").isTrue();

        JsonNode timeline = report.get("timeline");
        assertThat(timeline.get("planned").findValuesAsText("name")).contains(UprCycleProcess.Due.STAKEHOLDER_REPORT,
                UprCycleProcess.Due.MID_TERM_REPORT);
        assertThat(timeline.get("happened").findValuesAsText("activityId")).contains(UprCycleProcess.PRE_SESSION,
                UprCycleProcess.MID_TERM_REPORT);
        JsonNode midTerm = timeline.get("happened").get(timeline.get("happened").size() - 1);
        assertThat(midTerm.get("activityId").asText()).isEqualTo(UprCycleProcess.MID_TERM_REPORT);
        assertThat(midTerm.get("endedAt").isNull()).as("the phase runs").isTrue();

        Http.Response pdf = uruguay.as(ReportFixture.GOV).get(ReportFixture.cycle(cycle) + "/report.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.headers().getContentDisposition().getFilename()).isEqualTo("mid-term-report-UY-1-draft.pdf");
        String text = pdfText(uruguay.as(ReportFixture.GOV), cycle).replaceAll("\\s+", " ");
        assertThat(text).contains("UY-1 · DRAFT", "Mid-term report: Uruguay", "Implementation by cluster", "Torture",
                // a line may break at the hyphen of "follow-up"
                "Inspections of 12 prisons published", "Inspections published, follow-",
                "Guarantee free primary education");

        Http.Response html = uruguay.as(ReportFixture.CSO).inLanguage("fr").get(ReportFixture.cycle(cycle) + "/report.html");
        assertThat(html.status()).as(html.toString()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).as("the article of the document, for the page").startsWith("<article")
                .doesNotContain("<html", "<script").contains("Rapport à mi-parcours : Uruguay", "Partiellement mise en œuvre",
                        "Inspections of 12 prisons published", "<svg");

        List<CSVRecord> csv = csv(uruguay.as(ReportFixture.NHRI), cycle);
        assertThat(csv).hasSize(2);
        assertThat(csv.get(0).get("Theme cluster")).isEqualTo("Torture");
        assertThat(csv.get(0).get("Status")).isEqualTo("PARTIALLY_IMPLEMENTED");
        assertThat(csv.get(0).get("Recommendations")).isEqualTo("1;2");
        assertThat(csv.get(0).get("Latest progress report")).isEqualTo("Inspections of 12 prisons published");
        assertThat(csv.get(0).get("Assessed by")).isEqualTo(ReportFixture.NHRI);
    }

    @Test
    void publishedOnADraftMatrixOnlyWithAStatedReasonWhichTheReportPrints() throws IOException {
        int cycle = 7;
        String instance = uruguay.open(cycle);
        String torture = recommendation(cycle, "Prevent torture in places of detention", "Torture");
        row(cycle, "Torture", "IN_PROCESS", "Ministry of the Interior", torture);
        Http.Caller manager = uruguay.as(ReportFixture.MANAGER);
        uruguay.toPublishTask(instance, cycle);
        String publication = ReportFixture.cycle(cycle) + "/report/publication";

        Http.Response withoutReason = manager.postJson(publication, "");
        assertThat(withoutReason.status()).as(withoutReason.toString()).isEqualTo(400);
        assertThat(withoutReason.body()).contains("draftReason").contains("is not final (version 1)");
        Http.Response blank = uruguay.as(ReportFixture.MANAGER).postJson(publication, "{\"draftReason\":\"  \"}");
        assertThat(blank.status()).as(blank.toString()).isEqualTo(400);
        assertThat(manager.get(ReportFixture.cycle(cycle) + "/report").json().get("state").asText())
                .as("nothing published").isEqualTo("DRAFT");

        String reason = "The follow-up meeting to finalise the matrix was postponed to 2018";
        Http.Response published = manager.postJson(publication, "{\"draftReason\":\"" + reason + "\"}");
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        assertThat(published.json().get("matrix").get("version").asInt()).as("the version it covers").isEqualTo(1);
        assertThat(published.json().get("matrix").get("status").asText()).isEqualTo("DRAFT");
        assertThat(published.json().get("draftReason").asText()).isEqualTo(reason);
        assertThat(uruguay.as(ReportFixture.CSO).get(ReportFixture.cycle(cycle) + "/report").json()
                .get("draftReason").asText()).as("stored with the report").isEqualTo(reason);
        // a line may break after the hyphen of "follow-up"
        assertThat(pdfText(uruguay.as(ReportFixture.CSO), cycle).replaceAll("\\s+", " ").replace("- ", "-"))
                .contains("Implementation matrix version 1 (draft").contains("Reason given: " + reason);
    }

    @Test
    void publishedAtThePublishTaskItIsFrozenAndCannotBePublishedAgain() throws IOException {
        int cycle = 2;
        String instance = uruguay.open(cycle);
        String torture = recommendation(cycle, "Prevent torture in places of detention", "Torture");
        String detention = row(cycle, "Torture", "IN_PROCESS", "Ministry of the Interior", torture);
        Http.Caller manager = uruguay.as(ReportFixture.MANAGER);
        assertThat(manager.postJson(ReportFixture.cycle(cycle) + "/matrix/versions/1/finalise", "").status())
                .isEqualTo(200);
        uruguay.toMidTermReport(instance);
        String publication = ReportFixture.cycle(cycle) + "/report/publication";

        Http.Response tooEarly = manager.postJson(publication, "");
        assertThat(tooEarly.status()).as("contributions still open: %s", tooEarly).isEqualTo(409);
        assertThat(tooEarly.json().get("detail").asText()).contains("Publish the mid-term report");
        uruguay.contribute(cycle);
        uruguay.complete(cycle, MidTermReportProcess.COMPILE_MID_TERM_REPORT, ReportFixture.MANAGER);
        assertThat(manager.get(ReportFixture.cycle(cycle) + "/report").json().get("publishable").asBoolean()).isTrue();

        Http.Response unpublished = uruguay.tryToComplete(cycle, MidTermReportProcess.PUBLISH_MID_TERM_REPORT,
                ReportFixture.MANAGER);
        assertThat(unpublished.status()).as("the task before publication: %s", unpublished).isEqualTo(400);
        assertThat(unpublished.json().get("message").asText()).contains("UY-2 is not published yet");
        assertThat(uruguay.as(ReportFixture.CSO).postJson(publication, "").status()).as("a CSO publishes").isEqualTo(403);

        Http.Response published = manager.postJson(publication, "");
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        assertThat(published.json().get("state").asText()).isEqualTo("PUBLISHED");
        assertThat(published.json().get("publishedBy").asText()).isEqualTo(ReportFixture.MANAGER);
        assertThat(published.json().get("publishable").asBoolean()).isFalse();
        JsonNode frozen = manager.get(ReportFixture.cycle(cycle) + "/report").json();
        assertThat(frozen).isEqualTo(published.json());
        String csvBefore = manager.get(ReportFixture.cycle(cycle) + "/matrix.csv").body();

        Http.Response again = manager.postJson(publication, "");
        assertThat(again.status()).as("published twice: %s", again).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("published already");

        // the matrix moves on after publication: a new final version and a new progress report
        Http.Caller cso = uruguay.as(ReportFixture.CSO);
        assertThat(cso.postJson(ReportFixture.cycle(cycle) + "/matrix/versions", "").status()).isEqualTo(201);
        Http.Response edited = cso.putJson(ReportFixture.cycle(cycle) + "/matrix/versions/2/entries/" + detention,
                rowJson("Torture", "FULLY_IMPLEMENTED", "Ministry of the Interior", torture), "\"0\"");
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(manager.postJson(ReportFixture.cycle(cycle) + "/matrix/versions/2/finalise", "").status())
                .isEqualTo(200);
        note(cycle, detention, "progress-reports", ReportFixture.GOV, "All places of detention inspected");

        JsonNode after = uruguay.as(ReportFixture.NHRI).get(ReportFixture.cycle(cycle) + "/report").json();
        assertThat(after).as("the published report does not follow the matrix").isEqualTo(published.json());
        assertThat(after.get("entries").get(0).get("status").asText()).isEqualTo("IN_PROCESS");
        assertThat(after.get("entries").get(0).get("reports")).isEmpty();
        assertThat(manager.get(ReportFixture.cycle(cycle) + "/matrix.csv").body()).isEqualTo(csvBefore);
        String text = pdfText(cso, cycle).replaceAll("\\s+", " ");
        assertThat(text).contains("UY-2 · PUBLISHED", "by " + ReportFixture.MANAGER, "Implementation by cluster")
                .doesNotContain("All places of detention inspected", "DRAFT");

        uruguay.complete(cycle, MidTermReportProcess.PUBLISH_MID_TERM_REPORT, ReportFixture.MANAGER);
        assertThat(world.admin().get("/engine-rest/process-instance/" + instance).status())
                .as("the mid-term report was the cycle's last phase").isEqualTo(404);
        assertThat(new RegisterFixture(world).auditActions("UY", cycle)).contains("MID_TERM_REPORT_PUBLISHED");
    }

    /**
     * Another country's users get nothing of a report waiting to be published and publish nothing; its
     * own manager publishes it, but not on a day before the matrix it covers was final (the
     * contributions came in while the matrix was a draft; it was agreed in the meeting room later).
     */
    @Test
    void anotherCountrysUsersPublishNothingAndTheManagerNotBeforeTheMatrixWasFinal() {
        int cycle = 3;
        String instance = uruguay.open(cycle);
        String torture = recommendation(cycle, "Prevent torture in places of detention", "Torture");
        row(cycle, "Torture", "IN_PROCESS", "Ministry of the Interior", torture);
        uruguay.toPublishTask(instance, cycle, LocalDate.of(2015, 12, 1));
        String report = ReportFixture.cycle(cycle);

        for (String outsider : List.of(World.MW_CSO, World.MW_GOV, World.KE_MANAGER)) {
            Http.Caller other = world.as(outsider);
            List<Http.Response> answers = List.of(other.get(report + "/report"), other.get(report + "/report.pdf"),
                    other.get(report + "/report.html"),
                    other.get(report + "/matrix.csv"), other.postJson(report + "/report/publication", ""));
            assertThat(answers).as("every report endpoint for %s", outsider)
                    .allSatisfy(answer -> {
                        assertThat(answer.status()).isEqualTo(404);
                        assertThat(answer.body()).doesNotContain("Uruguay", "UY-3");
                    });
        }

        JsonNode stillDraft = uruguay.as(ReportFixture.CSO).get(report + "/report").json();
        assertThat(stillDraft.get("state").asText()).isEqualTo("DRAFT");
        assertThat(new RegisterFixture(world).auditActions("UY", cycle)).doesNotContain("MID_TERM_REPORT_PUBLISHED");

        Http.Caller manager = uruguay.as(ReportFixture.MANAGER);
        Http.Response finalised = manager.postJson(report + "/matrix/versions/1/finalise",
                "{\"finalisedOn\":\"2016-01-10\"}");
        assertThat(finalised.status()).as(finalised.toString()).isEqualTo(200);
        String publication = report + "/report/publication";
        Http.Response early = manager.postJson(publication, "{\"publishedOn\":\"2016-01-05\"}");
        assertThat(early.status()).as(early.toString()).isEqualTo(400);
        assertThat(early.json().get("errors").get("publishedOn").asText()).contains("The report cannot be published on "
                + "2016-01-05, before the day the implementation matrix was final (2016-01-10)");
        Http.Response earlyFr = manager.inLanguage("fr").postJson(publication, "{\"publishedOn\":\"2016-01-05\"}");
        assertThat(earlyFr.json().get("errors").get("publishedOn").asText())
                .contains("avant le jour où la matrice de mise en œuvre est devenue définitive (2016-01-10)");
        assertThat(manager.get(report + "/report").json().get("state").asText()).as("nothing published")
                .isEqualTo("DRAFT");
        Http.Response published = manager.postJson(publication, "{\"publishedOn\":\"2016-01-10\"}");
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        assertThat(published.json().get("publishedOn").asText()).isEqualTo("2016-01-10");
    }

    @Test
    void aCycleOrCountryThatIsNotThereIsNotFound() {
        Http.Caller manager = uruguay.as(ReportFixture.MANAGER);
        for (String path : List.of("/report", "/report.pdf", "/matrix.csv")) {
            Http.Response noCycle = manager.get(ReportFixture.cycle(9) + path);
            assertThat(noCycle.status()).as("cycle 9 %s: %s", path, noCycle).isEqualTo(404);
            assertThat(noCycle.contentType()).isEqualTo("application/problem+json");
            assertThat(noCycle.json().get("detail").asText()).isEqualTo("Country UY has no cycle 9 on the platform.");
            assertThat(world.admin().get("/api/countries/SE/cycles/1" + path).status()).as("Sweden is not onboarded")
                    .isEqualTo(404);
            assertThat(manager.get("/api/countries/XX/cycles/1" + path).status()).as("no ISO code").isEqualTo(400);
        }
        assertThat(manager.postJson(ReportFixture.cycle(9) + "/report/publication", "").status()).isEqualTo(404);
    }

    /** A review's worth of data: 250 recommendations, 25 rows of ten each, two notes a row (its speed: the benchmark). */
    @Test
    void aWholeReviewsDataIsCompiledIntoTheReportAndItsPdf() throws IOException {
        int cycle = 5;
        uruguay.open(cycle);
        StringBuilder csv = new StringBuilder(RegisterFixture.HEADER);
        for (int i = 1; i <= 250; i++) {
            csv.append("\"Recommendation number %d on the rights of the child\",Chile,Uruguay,%s,Theme %d,4\n"
                    .formatted(i, i % 3 == 0 ? "Noted" : "Supported", i % 12));
        }
        Http.Response imported = RegisterFixture.importFile(uruguay.as(ReportFixture.MANAGER), "UY", cycle,
                RegisterFixture.utf8(csv.toString()));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        List<String> ids = uruguay.as(ReportFixture.CSO).get(RegisterFixture.recommendations("UY", cycle)
                + "?size=200").json().get("items").findValuesAsText("id");
        List<String> more = uruguay.as(ReportFixture.CSO).get(RegisterFixture.recommendations("UY", cycle)
                + "?size=200&page=1").json().get("items").findValuesAsText("id");
        List<String> all = new java.util.ArrayList<>(ids);
        all.addAll(more);
        for (int row = 0; row < 25; row++) {
            String key = row(cycle, "Cluster " + row, row % 2 == 0 ? "IN_PROCESS" : "NOT_STARTED", "Ministry " + row,
                    all.subList(row * 10, row * 10 + 10).toArray(String[]::new));
            note(cycle, key, "progress-reports", ReportFixture.GOV, "Progress on cluster " + row);
            note(cycle, key, "assessments", ReportFixture.CSO, "Assessment of cluster " + row);
        }
        Http.Caller reader = uruguay.as(ReportFixture.NHRI);

        JsonNode report = reader.get(ReportFixture.cycle(cycle) + "/report").json();
        byte[] bytes = reader.getBytes(ReportFixture.cycle(cycle) + "/report.pdf");
        String text = text(bytes).replaceAll("\\s+", " ");

        assertThat(report.get("recommendations")).hasSize(250);
        assertThat(report.get("entries")).hasSize(25);
        assertThat(report.get("totals").get("inProcess").asInt()).isEqualTo(130);
        assertThat(report.get("totals").get("notStarted").asInt()).isEqualTo(120);
        assertThat(report.get("positions").get("noted").asInt()).isEqualTo(83);
        assertThat(report.get("themes")).hasSize(12);
        assertThat(text).contains("Recommendation number 250 on the rights of the child", "Assessment of cluster 24");
        assertThat(pages(bytes)).isGreaterThan(1);
    }

    @Test
    void theApiDescriptionListsTheReport() {
        JsonNode paths = uruguay.as(ReportFixture.CSO).get("/v3/api-docs").json().get("paths");
        String cycle = "/api/countries/{code}/cycles/{cycle}";
        assertThat(paths.has(cycle + "/report")).isTrue();
        assertThat(paths.has(cycle + "/report.pdf")).isTrue();
        assertThat(paths.has(cycle + "/matrix.csv")).isTrue();
        assertThat(paths.get(cycle + "/report/publication").has("post")).isTrue();
        assertThat(paths.has(cycle + "/report.html")).isTrue();
        assertThat(paths.get(cycle + "/report/public-link").has("delete")).isTrue();
        assertThat(paths.has("/api/public/reports/{token}")).isTrue();
    }

    @Test
    void matrixCsvCellsThatASpreadsheetWouldRunAreNeutralised() throws IOException {
        int cycle = 6;
        uruguay.open(cycle);
        String torture = recommendation(cycle, "Prevent torture in places of detention", "Torture");
        String entry = row(cycle, "=HYPERLINK(\\\"https://evil.example\\\",\\\"x\\\")", "IN_PROCESS",
                "+cmd|' /C calc'!A0", torture);
        note(cycle, entry, "progress-reports", ReportFixture.GOV, "@SUM(1+1)*cmd|' /C calc'!A0");
        note(cycle, entry, "assessments", ReportFixture.NHRI, "-2+3");

        CSVRecord record = csv(uruguay.as(ReportFixture.CSO), cycle).get(0);

        assertThat(record.get("Theme cluster")).isEqualTo("'=HYPERLINK(\"https://evil.example\",\"x\")");
        assertThat(record.get("Responsible institution")).isEqualTo("'+cmd|' /C calc'!A0");
        assertThat(record.get("Latest progress report")).isEqualTo("'@SUM(1+1)*cmd|' /C calc'!A0");
        assertThat(record.get("Latest assessment")).isEqualTo("'-2+3");
        assertThat(record.get("Goal")).as("ordinary text unchanged").isEqualTo("Fewer violations");
    }

    private String recommendation(int cycle, String text, String theme) {
        Http.Response created = uruguay.as(ReportFixture.MANAGER).postJson(RegisterFixture.recommendations("UY", cycle),
                "{\"text\":\"%s\",\"recommendingState\":\"Chile\",\"themes\":[\"%s\"],\"actionCategory\":4}"
                        .formatted(text, theme));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private String row(int cycle, String cluster, String status, String institution, String... recommendations) {
        Http.Response added = uruguay.as(ReportFixture.CSO).postJson(ReportFixture.cycle(cycle) + "/matrix/entries",
                rowJson(cluster, status, institution, recommendations));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.json().get("key").asText();
    }

    private static String rowJson(String cluster, String status, String institution, String... recommendations) {
        return """
                {"themeCluster":"%s","goal":"Fewer violations","actions":"Inspections","indicators":"Reports published",
                 "responsibleInstitution":"%s","timeline":"2026-2028","status":"%s","recommendationIds":["%s"]}"""
                .formatted(cluster, institution, status, String.join("\",\"", recommendations));
    }

    private void note(int cycle, String entry, String kind, String user, String text) {
        Http.Response noted = uruguay.as(user).postJson(ReportFixture.cycle(cycle) + "/matrix/entries/" + entry + "/"
                + kind, "{\"text\":\"%s\",\"status\":\"IN_PROCESS\"}".formatted(text));
        assertThat(noted.status()).as(noted.toString()).isEqualTo(201);
    }

    private String pdfText(Http.Caller caller, int cycle) throws IOException {
        return text(caller.getBytes(ReportFixture.cycle(cycle) + "/report.pdf"));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    private List<CSVRecord> csv(Http.Caller caller, int cycle) throws IOException {
        Http.Response csv = caller.get(ReportFixture.cycle(cycle) + "/matrix.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
    }
}
