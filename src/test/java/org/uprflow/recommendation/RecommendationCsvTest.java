package org.uprflow.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.uprflow.country.CountryCode;

/** The CSV reader alone: columns of public UPR data, every problem by row and column. */
class RecommendationCsvTest {

    private static final CountryCode KENYA = CountryCode.of("KE");
    private static final long LIMIT = 1_000_000;
    private static final String HEADER = "Recommendation,Recommending State,State under review,Response,Issues,"
            + "Cycle,Session,Action category\n";

    @Test
    void readsTheShippedSampleWhole() throws IOException {
        try (InputStream sample = new ClassPathResource("samples/kenya-cycle-4-recommendations.csv").getInputStream()) {
            RecommendationCsv.Parsed parsed = RecommendationCsv.read(sample, KENYA, 4, LIMIT);

            assertThat(parsed.problems()).isEmpty();
            assertThat(parsed.rows()).hasSize(36);
            assertThat(parsed.rows()).allMatch(row -> row.position() != null && row.session() == 48);
            assertThat(parsed.rows().get(0).recommendingState()).isEqualTo("Côte d'Ivoire");
            assertThat(parsed.rows().get(0).themes()).containsExactly("Women's rights", "Violence against women");
            assertThat(parsed.rows().get(4).sdgTargets()).containsExactly("16.1", "16.3");
        }
    }

    @Test
    void matchesHeadersInAnyCaseAndOrderAndKeepsEveryScript() {
        String csv = "state UNDER review;RESPONSE;recommending_state;recommendation;ISSUES\n"
                + "kenya;noted;Türkiye;Garantir l'accès à l'éducation — 保障受教育权 — ضمان الحق في التعليم;Right to education\n";

        RecommendationCsv.Parsed parsed = read(csv);

        assertThat(parsed.problems()).isEmpty();
        RecommendationFields row = parsed.rows().get(0);
        assertThat(row.text()).isEqualTo("Garantir l'accès à l'éducation — 保障受教育权 — ضمان الحق في التعليم");
        assertThat(row.recommendingState()).isEqualTo("Türkiye");
        assertThat(row.position()).isEqualTo(Position.NOTED);
        assertThat(row.actionCategory()).isNull();
    }

    @Test
    void aRecommendationTwiceInOneFileIsAProblemOfItsSecondRow() {
        String csv = HEADER
                + "Protect human rights defenders,Norway,Kenya,Supported,Defenders,4,48,4\n"
                + "Protect human rights defenders,Ireland,Kenya,Supported,Defenders,4,48,4\n"
                + " protect \u00a0HUMAN rights\u00a0defenders ,norway,Kenya,Noted,Defenders,4,48,4\n";

        RecommendationCsv.Parsed parsed = read(csv);

        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::messageKey)
                .containsExactly(tuple(4, "Recommendation", "import.row.duplicate"));
        assertThat(parsed.problems().get(0).arguments()).containsExactly(2);
    }

    @Test
    void listsEveryProblemOfTheRowsByRowAndColumn() {
        String csv = HEADER
                + "Ensure free primary education,Qatar,Kenya,Supported,Right to education,4,48,3\n"
                + ",France,Kenya,Noted,Death penalty,4,48,4\n"
                + "Abolish the death penalty,Portugal,Kenya,Maybe,Death penalty,4,48,4\n"
                + "Ratify OPCAT,Denmark,Kenya,Noted,Torture,4,48,9\n"
                + "Protect refugees,Uruguay,Malawi,Supported,Refugees,4,48,4\n"
                + "Protect refugees,Paraguay,Kenya,Supported,Refugees,3rd,48,4\n"
                + "Only three values,Chile,Kenya\n";

        RecommendationCsv.Parsed parsed = read(csv);

        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::messageKey)
                .containsExactly(
                        tuple(3, "Recommendation", "import.text.missing"),
                        tuple(4, "Response", "import.position.unknown"),
                        tuple(5, "Action category", "import.action-category.range"),
                        tuple(6, "State under review", "import.state-under-review.other"),
                        tuple(7, "Cycle", "import.cycle.other"),
                        tuple(8, null, "import.row.width"));
    }

    @Test
    void aWrongHeaderIsRefusedBeforeAnyRow() {
        RecommendationCsv.Parsed parsed = read("Recomendation,Recommending State,Colour\nA text,Chile\n");

        assertThat(parsed.problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::messageKey)
                .containsExactly(
                        tuple(1, "Recomendation", "import.header.unknown"),
                        tuple(1, "Colour", "import.header.unknown"),
                        tuple(1, "Recommendation", "import.header.missing"),
                        tuple(1, "State under review", "import.header.missing"));
    }

    @Test
    void bytesThatAreNotUtf8AreReportedByLine() {
        byte[] latin1 = (HEADER + "Ensure free primary education,Qatar,Kenya,Supported,Education,4,48,3\n"
                + "Améliorer l'accès,France,Kenya,Noted,Education,4,48,3\n").getBytes(StandardCharsets.ISO_8859_1);

        RecommendationCsv.Parsed parsed = RecommendationCsv.read(new ByteArrayInputStream(latin1), KENYA, 4, LIMIT);

        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.problems()).extracting(ImportProblem::row, ImportProblem::messageKey)
                .containsExactly(tuple(3, "import.not-utf8"));
        assertThat(parsed.problems().get(0).arguments()).first().isEqualTo("0xE9");
    }

    @Test
    void aFileOverTheLimitIsNotRead() {
        byte[] csv = (HEADER + "Ensure free primary education,Qatar,Kenya,Supported,Education,4,48,3\n")
                .getBytes(StandardCharsets.UTF_8);

        RecommendationCsv.Parsed parsed = RecommendationCsv.read(new ByteArrayInputStream(csv), KENYA, 4, csv.length - 1);

        assertThat(parsed.problems()).extracting(ImportProblem::row, ImportProblem::messageKey)
                .containsExactly(tuple(null, "import.too-large"));
    }

    @Test
    void aFileWithoutRowsOrWithABrokenQuoteIsRefused() {
        assertThat(read(HEADER).problems()).extracting(ImportProblem::messageKey).containsExactly("import.empty");
        assertThat(read(HEADER + "\"Unclosed quote,Chile,Kenya,Noted,Justice,4,48,3\n").problems())
                .extracting(ImportProblem::messageKey).containsExactly("import.malformed");
    }

    private static RecommendationCsv.Parsed read(String csv) {
        return RecommendationCsv.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), KENYA, 4, LIMIT);
    }
}
