package org.uprflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.apache.commons.csv.CSVFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.uprflow.matrix.MatrixVersion;
import org.uprflow.recommendation.ImplementationStatus;
import org.uprflow.recommendation.Position;

/**
 * The PDF of a report, parsed back with PDFBox: its shape (cover, introduction, summary, themes,
 * clusters with the sides' notes and their disagreements, meetings, contributions, annex), the
 * reader's language, the tags of PDF/UA, the embedded fonts, the vector chart and the sentences
 * that stand for empty parts.
 */
class ReportPdfTest {

    private static final OffsetDateTime COMPILED = OffsetDateTime.of(2017, 7, 3, 9, 30, 0, 0, ZoneOffset.UTC);

    private final ReportPdf pdf = new ReportPdf(new ReportDocument(messages()));

    @Test
    void aDraftHasTheShapeOfAReportAndSaysDraftOnEveryPage() throws IOException {
        byte[] bytes = pdf.render(report(MidTermReport.State.DRAFT, "Prevent torture in police custody", 60),
                Locale.ENGLISH);

        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(oneLine(stripper.getText(document))).as("page %d", page)
                        .contains("AM-2 · DRAFT, compiled on July 3, 2017, not published");
            }
            String text = oneLine(new PDFTextStripper().getText(document));
            assertThat(text).contains("Mid-term report: Armenia", "Prepared by",
                    "Implementation matrix version 2, final since September 17, 2015",
                    "Introduction and method", "Armenia received 60 recommendations at its review on January 21, 2015",
                    "Contributions to this report came from: Government.",
                    "Supported 40", "Supported in part 0", "Noted 20", "Partially implemented 60",
                    "Status by theme", "Implementation by cluster", "UN paragraphs", "140.1, 140.2",
                    "Ministry of Justice", "Progress report of the government", "Gender desks opened in 40 police stations",
                    "Assessment of civil society organisations", "Desks exist but are not staffed",
                    "Disagreement: the assessment of the CSOs says Little or no action, the government reports In process.",
                    "No assessment yet.", "Meetings and attendance", "No meetings recorded.",
                    "Contributed on March 1, 2017 by am.gov.", "Not yet contributed.", "Stakeholder report June 21, 2014",
                    "Annex: every recommendation with its position and status", "140.60");
            assertThat(text).as("the days as stated").contains(
                    "reviewed on January 21, 2015 at session 22 of the Working Group · outcome of the review adopted on June 25, 2015",
                    "What happened (on the days stated, else as the platform recorded it)",
                    "December 15, 2014 Pre-session (before the platform)",
                    "July 13, 2015 → July 14, 2015 Coordination meeting");
            assertThat(text).doesNotContain("??", "engine", "UTC");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Mid-term report AM-2");
            for (int page = 0; page < 3; page++) {
                Path png = Path.of("target", "screenshots", "mid-term-report-pdf-draft-" + (page + 1) + ".png");
                Files.createDirectories(png.getParent());
                ImageIO.write(new PDFRenderer(document).renderImageWithDPI(page, 60), "png", png.toFile());
            }
        }
    }

    @Test
    void isTaggedWithItsLanguageAndEmbedsEveryFont() throws IOException {
        byte[] bytes = pdf.render(report(MidTermReport.State.PUBLISHED, "Ratifier le Protocole facultatif", 5),
                Locale.FRENCH);

        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            assertThat(catalog.getMarkInfo()).isNotNull();
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getLanguage()).isEqualTo("fr");
            PDStructureTreeRoot tree = catalog.getStructureTreeRoot();
            assertThat(tree).as("structure tree").isNotNull();
            Map<String, Integer> types = new HashMap<>();
            List<String> alternates = new ArrayList<>();
            walk(tree.getKids(), types, alternates);
            assertThat(types).containsKeys("H1", "H2", "H3", "Table", "TR", "TH", "TD", "Figure", "P");
            assertThat(alternates).anyMatch(alt -> alt.startsWith("Diagramme en barres des recommandations")
                    && alt.contains("Partiellement mise en œuvre: 5"));
            int fonts = 0;
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).contains("DejaVuSans");
                    fonts++;
                }
            }
            assertThat(fonts).isPositive();
        }
    }

    @Test
    void theChartIsVectorGraphicsWithItsLabelsAsText() throws IOException {
        byte[] bytes = pdf.render(report(MidTermReport.State.PUBLISHED, "Ratify the Optional Protocol", 7),
                Locale.ENGLISH);

        try (PDDocument document = Loader.loadPDF(bytes)) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    assertThat(page.getResources().getXObject(name)).as("no raster image").isNotInstanceOf(PDImageXObject.class);
                }
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(2);
            // the chart's axis and category labels are text drawn by JFreeChart, not pixels
            assertThat(oneLine(stripper.getText(document))).contains("Recommendations", "Little or no action");
            String all = oneLine(new PDFTextStripper().getText(document));
            assertThat(all.split("Not started Not in the matrix 0 7 0 0 0 0", -1)).as("the chart drawn once").hasSize(2);
        }
    }

    @Test
    void armenianCyrillicAndGreekAreDrawnAndWhatTheFontLacksIsSaid() throws IOException {
        byte[] bytes = pdf.render(report(MidTermReport.State.PUBLISHED,
                "Հայաստանի Հանրապետություն · Монгол Улс · Ελλάδα · 中华人民共和国", 1), Locale.ENGLISH);

        try (PDDocument document = Loader.loadPDF(bytes)) {
            String text = oneLine(new PDFTextStripper().getText(document));
            assertThat(text).contains("Հայաստանի Հանրապետություն · Монгол Улс · Ελλάδα",
                    "PUBLISHED on July 21, 2017 by pm.armenia", "7 character(s) cannot be drawn");
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 72);
            Path png = Path.of("target", "screenshots", "mid-term-report-pdf-page-1.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(page, "png", png.toFile());
            assertThat(page.getWidth()).isEqualTo(595);
            assertThat(darkPixels(page)).as("text is drawn on the page").isGreaterThan(2000);
        }
    }

    @Test
    void printsInTheReadersLanguageIncludingStatusesAndDates() throws IOException {
        for (Locale language : List.of(Locale.FRENCH, Locale.forLanguageTag("es"))) {
            byte[] bytes = pdf.render(report(MidTermReport.State.PUBLISHED, "Ratifier le Protocole facultatif", 3),
                    language);
            try (PDDocument document = Loader.loadPDF(bytes)) {
                String text = oneLine(new PDFTextStripper().getText(document));
                if (language == Locale.FRENCH) {
                    assertThat(text).contains("Rapport à mi-parcours : Armenia", "PUBLIÉ le 21 juillet 2017 par pm.armenia",
                            "Introduction et méthode", "Partiellement mise en œuvre", "Acceptée en partie",
                            "Rapport de progrès du gouvernement", "Désaccord :", "Rapport des parties prenantes",
                            "Annexe : toutes les recommandations");
                } else {
                    assertThat(text).contains("PUBLICADO el 21 de julio de 2017 por pm.armenia",
                            "Introducción y método", "Parcialmente implementada", "Aceptada en parte",
                            "Informe de progreso del gobierno", "Desacuerdo:", "Anexo: todas las recomendaciones");
                }
                assertThat(text).as(language.toString()).doesNotContain("Partially implemented", "Stakeholder report",
                        "Progress report", "Supported", "??");
            }
        }
    }

    @Test
    void emptyPartsSaySoInASentence() throws IOException {
        MidTermReport full = report(MidTermReport.State.DRAFT, "x", 0);
        MidTermReport empty = new MidTermReport(full.countryCode(), full.countryName(), full.cycleNumber(),
                full.businessKey(), full.wgSession(), full.reviewDate(), full.state(), full.compiledAt(), null, null,
                false, null, new MidTermReport.StatusCounts(0, 0, 0, 0, 0, 0), new MidTermReport.PositionCounts(0, 0, 0),
                List.of(), List.of(), List.of(), List.of(), List.of(), new MidTermReport.Timeline(List.of(), List.of()),
                null, null, null);

        try (PDDocument document = Loader.loadPDF(pdf.render(empty, Locale.ENGLISH))) {
            assertThat(oneLine(new PDFTextStripper().getText(document))).contains("No implementation matrix yet",
                    "No side has contributed to this report yet.",
                    "No recommendation has a theme yet, so there is no status by theme.",
                    "No implementation matrix has been drafted yet, so no cluster can be reported on.",
                    "No meetings recorded.", "No contribution has been asked for in this cycle yet.",
                    "Nothing has happened in this cycle yet.", "No dates are planned for this cycle.",
                    "No recommendation has been registered for this cycle yet.");
        }
    }

    @Test
    void theDaysPrintedAreTheDaysStatedNotTheDaysTheyWereTypedIn() throws IOException {
        // a cycle entered late: everything typed in on one day of 2020, stated as it happened in 2015-2017
        OffsetDateTime typed = OffsetDateTime.of(2020, 2, 10, 9, 0, 0, 0, ZoneOffset.UTC);
        MidTermReport r = report(MidTermReport.State.PUBLISHED, "x", 1);
        MidTermReport late = new MidTermReport(r.countryCode(), r.countryName(), r.cycleNumber(), r.businessKey(),
                r.wgSession(), r.reviewDate(), r.state(), typed, typed, r.publishedBy(), false,
                new MidTermReport.MatrixSource(2, MatrixVersion.Status.FINAL, typed, "am.manager",
                        LocalDate.of(2015, 9, 17), LocalDate.of(2015, 9, 17), LocalDate.of(2015, 9, 16)),
                r.totals(), r.positions(), r.themes(), r.recommendations(), r.entries(),
                List.of(new MidTermReport.Contribution("GOVERNMENT", "am.gov", typed, null, 3L, 5L,
                        LocalDate.of(2017, 3, 1))),
                r.meetings(), new MidTermReport.Timeline(List.of(), List.of(
                        new MidTermReport.Step("CallActivity_PreSession", "PRE_SESSION", "beforePlatform", null, null,
                                LocalDate.of(2014, 12, 15), LocalDate.of(2014, 12, 15), true),
                        new MidTermReport.Step("CallActivity_CoordinationMeeting", "Coordination meeting", "callActivity",
                                typed, typed, LocalDate.of(2015, 7, 13), LocalDate.of(2015, 7, 14), false),
                        new MidTermReport.Step("Task_AgreeMatrixCso", "Agree matrix (CSO)", "userTask",
                                typed, null, null, null, false))),
                null, LocalDate.of(2015, 6, 25), LocalDate.of(2017, 7, 21));

        try (PDDocument document = Loader.loadPDF(pdf.render(late, Locale.ENGLISH))) {
            String text = oneLine(new PDFTextStripper().getText(document));
            assertThat(text).contains("PUBLISHED on July 21, 2017 by pm.armenia",
                    "outcome of the review adopted on June 25, 2015", "version 2, final since September 17, 2015",
                    "recorded between January 21, 2015 and July 21, 2017", "Contributed on March 1, 2017 by am.gov.",
                    "December 15, 2014 Pre-session (before the platform)",
                    "July 13, 2015 → July 14, 2015 Coordination meeting",
                    // nobody stated a day for it: the day the platform recorded it
                    "February 10, 2020 → running Agree the implementation matrix (CSOs)");
            assertThat(text.split("2020", -1)).as("2020 only where no day was stated").hasSize(2);
        }
        try (PDDocument document = Loader.loadPDF(pdf.render(late, Locale.FRENCH))) {
            assertThat(oneLine(new PDFTextStripper().getText(document))).contains("PUBLIÉ le 21 juillet 2017 par pm.armenia",
                    "résultat de l'examen adopté le 25 juin 2015", "15 décembre 2014 Pré-session (avant la plateforme)",
                    "13 juillet 2015 → 14 juillet 2015 Réunion de coordination",
                    "10 février 2020 → en cours Approuver la matrice de mise en œuvre (OSC)");
        }
    }

    @Test
    void headingsStartAtTheLeftMargin() throws IOException {
        Map<String, Float> starts = new HashMap<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) throws IOException {
                if (!positions.isEmpty()) {
                    starts.putIfAbsent(text.strip(), positions.get(0).getXDirAdj());
                }
                super.writeString(text, positions);
            }
        };
        try (PDDocument document = Loader.loadPDF(pdf.render(report(MidTermReport.State.DRAFT, "x", 3), Locale.ENGLISH))) {
            stripper.getText(document);
        }
        // the page's left margin is 16 mm (45 pt); a print style once aligned the whole body right
        assertThat(starts).containsKeys("Meetings and attendance", "Calendar of the cycle", "Planned dates");
        for (String heading : List.of("Meetings and attendance", "Calendar of the cycle", "Planned dates")) {
            assertThat(starts.get(heading)).as(heading).isLessThan(60f);
        }
    }

    @Test
    void eachSideShowsItsLatestNoteInFullAndItsEarlierOnesByDateAndStatus() throws IOException {
        MidTermReport one = report(MidTermReport.State.DRAFT, "x", 2);
        MidTermReport.Entry entry = one.entries().get(0);
        List<MidTermReport.Note> reports = List.of(
                new MidTermReport.Note("GOVERNMENT", "am.gov", COMPILED.minusMonths(12), ImplementationStatus.NOT_STARTED,
                        "A plan was drafted"),
                new MidTermReport.Note("GOVERNMENT", "am.gov", COMPILED.minusMonths(6), ImplementationStatus.IN_PROCESS,
                        "Training began"),
                new MidTermReport.Note("GOVERNMENT", "am.gov", COMPILED.minusMonths(1), ImplementationStatus.FULLY_IMPLEMENTED,
                        "Every police station has a gender desk"));
        MidTermReport.Entry longer = new MidTermReport.Entry(entry.key(), entry.themeCluster(), entry.goal(), entry.actions(),
                entry.indicators(), entry.responsibleInstitution(), entry.timeline(), entry.status(),
                entry.recommendations(), reports, entry.assessments(), entry.citations());
        MidTermReport withHistory = new MidTermReport(one.countryCode(), one.countryName(), one.cycleNumber(),
                one.businessKey(), one.wgSession(), one.reviewDate(), one.state(), one.compiledAt(), null, null, false,
                one.matrix(), one.totals(), one.positions(), one.themes(), one.recommendations(), List.of(longer),
                one.contributions(), one.meetings(), one.timeline(), null, one.outcomeAdoptedOn(), one.publishedOn());

        try (PDDocument document = Loader.loadPDF(pdf.render(withHistory, Locale.ENGLISH))) {
            String text = oneLine(new PDFTextStripper().getText(document));
            assertThat(text).contains("June 3, 2017 · am.gov · Fully implemented Every police station has a gender desk",
                    "Earlier (2): January 3, 2017: In process · July 3, 2016: Not started",
                    "Disagreement: the assessment of the CSOs says Little or no action, the government reports Fully implemented.")
                    .doesNotContain("Training began", "A plan was drafted");
        }
    }

    private static void walk(List<Object> kids, Map<String, Integer> types, List<String> alternates) {
        for (Object kid : kids) {
            if (kid instanceof PDStructureElement element) {
                types.merge(element.getStructureType(), 1, Integer::sum);
                if (element.getAlternateDescription() != null) {
                    alternates.add(element.getAlternateDescription());
                }
                walk(element.getKids(), types, alternates);
            }
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static long darkPixels(BufferedImage image) {
        long dark = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 300) {
                    dark++;
                }
            }
        }
        return dark;
    }

    @Test
    void theUnsParagraphNumbersCiteTheRecommendationsInThePdfAndTheMatrixCsv() throws IOException {
        MidTermReport report = report(MidTermReport.State.DRAFT, "Ratify the Optional Protocol", 3);

        try (PDDocument document = Loader.loadPDF(pdf.render(report, Locale.ENGLISH))) {
            String text = new PDFTextStripper().getText(document);
            // the annex cites each recommendation by its paragraph, the cluster's table its rows' paragraphs
            assertThat(oneLine(text)).contains("140.1 Ratify the Optional Protocol (Chile)",
                    "140.3 Ratify the Optional Protocol (Chile)", "140.1, 140.2");
            assertThat(text).doesNotContainPattern("(?m)^[123] Ratify");
        }
        List<org.apache.commons.csv.CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().get()
                .parse(new java.io.StringReader(MatrixCsv.write(report))).getRecords();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("Recommendations")).isEqualTo("140.1;140.2");
    }

    static MidTermReport report(MidTermReport.State state, String recommendationText, int recommendations) {
        boolean published = state == MidTermReport.State.PUBLISHED;
        MidTermReport.Note report = new MidTermReport.Note("GOVERNMENT", "am.gov",
                OffsetDateTime.of(2017, 5, 2, 10, 0, 0, 0, ZoneOffset.UTC), ImplementationStatus.IN_PROCESS,
                "Gender desks opened in 40 police stations");
        MidTermReport.Note assessment = new MidTermReport.Note("CSO", "am.cso",
                OffsetDateTime.of(2017, 6, 1, 8, 0, 0, 0, ZoneOffset.UTC), ImplementationStatus.LITTLE_OR_NO_ACTION,
                "Desks exist but are not staffed");
        List<MidTermReport.RecommendationStatus> listed = java.util.stream.IntStream.rangeClosed(1, recommendations)
                .mapToObj(i -> new MidTermReport.RecommendationStatus(i, recommendationText, "Chile",
                        i <= 40 ? Position.SUPPORTED : Position.NOTED, List.of("Torture"),
                        ImplementationStatus.PARTIALLY_IMPLEMENTED, List.of("Torture"), "140." + i))
                .toList();
        return new MidTermReport("AM", "Armenia", 2, "AM-2", 22, LocalDate.of(2015, 1, 21), state, COMPILED,
                published ? OffsetDateTime.of(2017, 7, 21, 12, 0, 0, 0, ZoneOffset.UTC) : null,
                published ? "pm.armenia" : null, false,
                new MidTermReport.MatrixSource(2, MatrixVersion.Status.FINAL, COMPILED.minusMonths(20), "am.manager",
                        LocalDate.of(2015, 9, 17), LocalDate.of(2015, 9, 17), LocalDate.of(2015, 9, 16)),
                new MidTermReport.StatusCounts(0, recommendations, 0, 0, 0, 0),
                new MidTermReport.PositionCounts(Math.min(40, recommendations), Math.max(0, recommendations - 40), 0),
                List.of(new MidTermReport.ThemeStatus("Torture", new MidTermReport.StatusCounts(0, recommendations, 0,
                        0, 0, 0))),
                listed,
                List.of(new MidTermReport.Entry(UUID.randomUUID(), "Torture", "Fewer cases of torture",
                        "Train police officers", "Number of officers trained", "Ministry of Justice", "2016-2018",
                        ImplementationStatus.PARTIALLY_IMPLEMENTED, List.of(1, 2), List.of(report), List.of(assessment),
                        List.of("140.1", "140.2"))),
                List.of(new MidTermReport.Contribution("GOVERNMENT", "am.gov", COMPILED.minusDays(20),
                        "https://example.org/am/government", 3L, 5L, LocalDate.of(2017, 3, 1)),
                        new MidTermReport.Contribution("CSO", null, null, null, null, null, null)),
                List.of(),
                new MidTermReport.Timeline(List.of(new MidTermReport.PlannedDate("stakeholderReportDue",
                        "2014-06-21T17:00:00")), List.of(new MidTermReport.Step("CallActivity_PreSession", "PRE_SESSION",
                        "beforePlatform", null, null, LocalDate.of(2014, 12, 15), LocalDate.of(2014, 12, 15), true),
                        new MidTermReport.Step("CallActivity_CoordinationMeeting", "Coordination meeting", "callActivity",
                        COMPILED.minusMonths(24), COMPILED.minusMonths(23), LocalDate.of(2015, 7, 13),
                        LocalDate.of(2015, 7, 14), false))),
                null, LocalDate.of(2015, 6, 25), published ? LocalDate.of(2017, 7, 21) : null);
    }

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true); // as application.yml sets it
        return messages;
    }
}
