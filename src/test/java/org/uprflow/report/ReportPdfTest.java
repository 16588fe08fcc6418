package org.uprflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.apache.commons.csv.CSVFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.uprflow.matrix.MatrixVersion;
import org.uprflow.recommendation.ImplementationStatus;
import org.uprflow.recommendation.Position;

/** The PDF of a report: its text read back with PDFBox, non-Latin scripts included, and its first page rendered. */
class ReportPdfTest {

    private static final OffsetDateTime COMPILED = OffsetDateTime.of(2017, 7, 3, 9, 30, 0, 0, ZoneOffset.UTC);

    private final ReportPdf pdf = new ReportPdf(messages());

    @Test
    void aDraftSaysSoOnEveryPageAndHoldsTheMatrixAndItsProgress() throws IOException {
        byte[] bytes = pdf.render(report(MidTermReport.State.DRAFT, "Prevent torture in police custody", 60),
                Locale.ENGLISH);

        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(document)).as("page %d", page).contains("AM-2 · DRAFT, compiled on 2017-07-03 09:30 UTC");
            }
            stripper.setStartPage(1);
            stripper.setEndPage(document.getNumberOfPages());
            String text = stripper.getText(document);
            assertThat(text).contains("Mid-term report: Armenia", "Implementation matrix version 2 (final)",
                    "Supported: 40 · Noted: 20 · No position: 0", "Torture — Partially implemented",
                    "Responsible institution: Ministry of Justice", "Gender desks opened in 40 police stations",
                    "Desks exist but are not staffed", "Government, am.gov, 2017-05-02 10:00 UTC: In process",
                    "Coordination meeting", "Stakeholder report");
            assertThat(text.replaceAll("\\s+", " ")).as("a line may wrap")
                    .contains("outcome of the review adopted on 2015-06-25");
            assertThat(text).as("the days as stated").contains("final on 2015-09-17", "contributed by am.gov on 2017-03-01",
                    "2015-07-13 → 2015-07-14  Coordination meeting",
                    "2014-12-15 → 2014-12-15  Pre-session (before the platform)");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Mid-term report AM-2");
        }
    }

    @Test
    void armenianCyrillicAndGreekAreDrawnAndWhatTheFontLacksIsSaid() throws IOException {
        byte[] bytes = pdf.render(report(MidTermReport.State.PUBLISHED,
                "Հայաստանի Հանրապետություն · Монгол Улс · Ελλάδα · 中华人民共和国", 1), Locale.ENGLISH);

        try (PDDocument document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Հայաստանի Հանրապետություն · Монгол Улс · Ελλάδα · ???????",
                    "PUBLISHED on 2017-07-21 by pm.armenia", "7 character(s) could not be drawn");
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 72);
            Path png = Path.of("target", "screenshots", "mid-term-report-pdf-page-1.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(page, "png", png.toFile());
            assertThat(page.getWidth()).isEqualTo(595);
            assertThat(darkPixels(page)).as("text is drawn on the page").isGreaterThan(2000);
        }
    }

    @Test
    void printsInTheReadersLanguage() throws IOException {
        byte[] bytes = pdf.render(report(MidTermReport.State.PUBLISHED, "Ratifier le Protocole facultatif", 1),
                Locale.FRENCH);

        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Rapport à mi-parcours: Armenia",
                    "PUBLIÉ le 2017-07-21 par pm.armenia", "Partiellement mise en œuvre",
                    "Rapports de progrès du gouvernement", "Rapport des parties prenantes");
        }
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
            assertThat(text).contains("140.1. Chile", "140.3. Chile").doesNotContain("\n1. Chile");
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
        return messages;
    }
}
