package org.uprflow.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.uprflow.shared.CountryCode;

/**
 * Files as people have them (fixtures under {@code fixtures/import/}, written for these tests in
 * the shapes of the public sources) read for Kenya's cycles: what the register would store.
 */
class ImportFilesTest {

    private static final CountryCode KENYA = CountryCode.of("KE");
    private static final long MAX = 5 * 1024 * 1024;

    @Test
    void uprInfoOlderExportWithMacLineEndingsAndMacRomanImportsKenyasRowsOnly() throws IOException {
        ImportFile.Read read = read("upr-info-old-cr-macroman.csv", ImportOptions.DETECTED, 2);

        assertThat(read.table().encoding()).isEqualTo("x-MacRoman");
        assertThat(read.table().delimiter()).isEqualTo(',');
        ImportReading.Result result = read.result();
        assertThat(result.problems()).isEmpty();
        assertThat(result.skippedOtherStates()).isEqualTo(2);
        assertThat(result.mergedRows()).isEqualTo(1);
        List<RecommendationFields> fields = fields(result);
        assertThat(fields).hasSize(4);
        RecommendationFields opcat = fields.get(0);
        assertThat(opcat.recommendingState()).isEqualTo("Denmark; Côte d’Ivoire");
        assertThat(opcat.position()).isEqualTo(Position.SUPPORTED);
        assertThat(opcat.actionCategory()).isEqualTo(5);
        assertThat(opcat.session()).isEqualTo(21);
        RecommendationFields fgm = fields.get(1);
        assertThat(fgm.text()).isEqualTo("Strengthen Kenya’s measures against female genital mutilation");
        assertThat(fgm.themes()).containsExactly("Rights of the Child", "Women's rights");
        assertThat(fields.get(2).recommendingState()).isEqualTo("Brésil");
        assertThat(fields.get(2).position()).isEqualTo(Position.NOTED);
        assertThat(fields.get(3).themes()).containsExactly("Economic, social and cultural rights", "General");
        assertThat(result.recommendations().get(3).flags()).containsExactly("import.flag.pledge");
    }

    @Test
    void uprInfoCurrentExportInWindows1252WithSemicolonsReadsItsWordsAndSkipsOtherCycles() throws IOException {
        ImportFile.Read read = read("upr-info-current-windows-1252-semicolon.csv", ImportOptions.DETECTED, 3);

        assertThat(read.table().encoding()).isEqualTo("windows-1252");
        assertThat(read.table().delimiter()).isEqualTo(';');
        ImportReading.Result result = read.result();
        assertThat(result.problems()).isEmpty();
        assertThat(result.skippedOtherCycles()).isEqualTo(1);
        assertThat(result.skippedOtherStates()).isEqualTo(1);
        List<RecommendationFields> fields = fields(result);
        assertThat(fields).extracting(RecommendationFields::position)
                .containsExactly(Position.SUPPORTED, Position.NOTED, null, Position.SUPPORTED);
        assertThat(fields.get(0).text()).contains("Kenya’s counties");
        assertThat(fields.get(0).recommendingState()).isEqualTo("Côte d'Ivoire");
        assertThat(fields.get(0).themes()).containsExactly("Freedom of opinion and expression", "Civil society");
        assertThat(fields).extracting(RecommendationFields::actionCategory).containsExactly(4, 5, 2, 3);
        assertThat(fields).extracting(RecommendationFields::session).containsOnly(35);
        // "KEN" and "Kenia" are Kenya; "Iran (Islamic Republic of)" a recommending State as the UN writes it
        assertThat(fields.get(2).recommendingState()).isEqualTo("Panamá");
        assertThat(fields.get(3).recommendingState()).isEqualTo("Iran (Islamic Republic of)");
        assertThat(result.recommendations().get(2).flags()).containsExactly("import.flag.pending");
    }

    @Test
    void aResearchersUtf16SheetNeedsItsTextColumnMappedAndKeepsParagraphNumbers() throws IOException {
        ImportFile.Read detected = read("researcher-utf16-tab.txt", ImportOptions.DETECTED, 4);
        assertThat(detected.table().encoding()).isEqualTo("UTF-16LE");
        assertThat(detected.table().delimiter()).isEqualTo('\t');
        assertThat(detected.result().problems()).extracting(ImportProblem::messageKey)
                .containsExactly("import.mapping.no-text");

        ImportFile.Read mapped = read("researcher-utf16-tab.txt", new ImportOptions(null, null,
                Map.of("text", "Recommendation made", "recommendingStates", "By")), 4);
        assertThat(mapped.mapping().fieldOf(5)).isNull();
        List<RecommendationFields> fields = fields(mapped.result());
        assertThat(mapped.result().problems()).isEmpty();
        assertThat(fields).extracting(RecommendationFields::reference).containsExactly("136.1", "136.2", "136.3");
        assertThat(fields.get(0).recommendingState()).isEqualTo("Denmark; Ghana");
        assertThat(fields.get(1).position()).isEqualTo(Position.SUPPORTED_IN_PART);
        assertThat(fields.get(1).text()).isEqualTo("Garantir l’accès à la justice pour les femmes");
    }

    @Test
    void utf16WithoutAByteOrderMarkIsDetectedInEitherByteOrder() {
        String csv = "Paragraph;Recommendation;Recommending State;Response\r\n"
                + "136.1;Garantir l’accès à la justice;Côte d’Ivoire;Accepted\r\n"
                + "136.2;Abolir la peine de mort;Brésil;Noted\r\n";
        for (java.nio.charset.Charset charset : List.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
            ImportFile.Read read = ImportFile.read(csv.getBytes(charset), "export.csv", ImportOptions.DETECTED, MAX,
                    KENYA, 4);
            assertThat(read.table().encoding()).isEqualTo(charset.name());
            assertThat(read.result().problems()).isEmpty();
            List<RecommendationFields> fields = fields(read.result());
            assertThat(fields).extracting(RecommendationFields::reference).containsExactly("136.1", "136.2");
            assertThat(fields.get(0).text()).isEqualTo("Garantir l’accès à la justice");
            assertThat(fields.get(0).recommendingState()).isEqualTo("Côte d’Ivoire");
            assertThat(fields.get(1).position()).isEqualTo(Position.NOTED);
        }
    }

    @Test
    void anOhchrMatrixGivesParagraphNumbersAndRecommendingStatesFromTheText() throws IOException {
        ImportFile.Read read = read("ohchr-matrix.csv", ImportOptions.DETECTED, 4);

        assertThat(read.result().problems()).isEmpty();
        assertThat(read.mapping().fieldOf(2)).as("'Full list of themes' is no known column").isNull();
        List<RecommendationFields> fields = fields(read.result());
        assertThat(fields).extracting(RecommendationFields::reference).containsExactly("140.7", "140.8", "140.9");
        assertThat(fields.get(0).text()).isEqualTo(
                "Ratify the International Convention for the Protection of All Persons from Enforced Disappearance");
        assertThat(fields.get(0).recommendingState()).isEqualTo("Maldives; Portugal");
        assertThat(fields.get(1).recommendingState()).isEqualTo("Iran (Islamic Republic of); Uruguay");
        assertThat(fields.get(2).position()).isEqualTo(Position.SUPPORTED_IN_PART);
    }

    @Test
    void aUhriWorkbookImportsTheUprRowsOfTheStateUnderReview() {
        byte[] workbook = UhriWorkbook.write(List.of(
                new UhriWorkbook.Row("Ratify the Optional Protocol to the Convention against Torture", "- Kenya", "UPR",
                        "- Torture\n- International instruments", "- Persons deprived of their liberty", "16.3",
                        "- Denmark\n- Ghana", "Supported", "35"),
                new UhriWorkbook.Row("Adopt a law on domestic violence", "- Kenya", "CEDAW", "- Women's rights",
                        "- Women", "5.2", "", "", ""),
                new UhriWorkbook.Row("Protect defenders", "- Malawi", "UPR", "- Human rights defenders", "", "",
                        "- Norway", "Supported/Noted", "36")));

        ImportFile.Read read = ImportFile.read(workbook, "uhri.xlsx", ImportOptions.DETECTED, MAX, KENYA, 4);

        assertThat(read.table().format()).isEqualTo("XLSX");
        assertThat(read.result().problems()).isEmpty();
        assertThat(read.result().skippedOtherBodies()).isEqualTo(1);
        assertThat(read.result().skippedOtherStates()).isEqualTo(1);
        RecommendationFields opcat = fields(read.result()).get(0);
        assertThat(opcat.recommendingState()).isEqualTo("Denmark; Ghana");
        assertThat(opcat.themes()).containsExactly("Torture", "International instruments");
        assertThat(opcat.session()).isEqualTo(35);
        assertThat(opcat.sdgTargets()).containsExactly("16.3");
    }

    @Test
    void everyUndecodableRowIsReportedAtItsRecordNumberWhateverTheLineEndings() {
        StringBuilder csv = new StringBuilder("Recommendation,Recommending State\r");
        for (int i = 1; i <= 600; i++) {
            csv.append("Recommendation ").append(i).append(" for the café,Chile\r");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        // damage rows 3, 100 and 525 (records: header = 1) with a lone Latin-1 byte
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        for (int record : new int[] {3, 100, 525}) {
            int at = text.indexOf("Recommendation " + (record - 1) + " for");
            bytes[at] = (byte) 0xE9;
        }

        ImportFile.Read read = ImportFile.read(bytes, "damaged.csv", ImportOptions.DETECTED, MAX, KENYA, 4);

        assertThat(read.table().encoding()).isEqualTo("UTF-8");
        assertThat(read.result().problems()).extracting(ImportProblem::row).containsExactly(3, 100, 525);
        assertThat(read.result().problems()).extracting(ImportProblem::messageKey)
                .containsOnly("import.row.undecodable");
    }

    @Test
    void aChosenEncodingReadsTheFileAndAnUnknownOneIsRefused() throws IOException {
        byte[] bytes = fixture("upr-info-current-windows-1252-semicolon.csv");
        ImportFile.Read asLatin = ImportFile.read(bytes, "f.csv", new ImportOptions("ISO-8859-1", null, null), MAX, KENYA, 3);
        assertThat(asLatin.table().encoding()).isEqualTo("ISO-8859-1");

        assertThatThrownBy(() -> ImportFile.read(bytes, "f.csv", new ImportOptions("klingon-8", "#", null), MAX, KENYA, 3))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems())
                        .extracting(ImportProblem::messageKey)
                        .containsExactly("import.encoding.unknown", "import.delimiter.unknown"));
    }

    @Test
    void binaryFilesZipBombsMacrosAndOversizedFilesAreRefusedWithoutReadingFurther() throws IOException {
        assertThat(refusal(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1}, "x.csv"))
                .containsExactly("import.encoding.none");
        assertThat(refusal("not a workbook".getBytes(StandardCharsets.UTF_8), "x.xlsx"))
                .containsExactly("import.xlsx.not-a-spreadsheet");
        assertThat(refusal(zip(Map.of("hello.txt", new byte[10])), "x.xlsx")).containsExactly("import.xlsx.not-a-spreadsheet");
        assertThat(refusal(zip(Map.of("xl/workbook.xml", new byte[10], "xl/sheets/big.xml", new byte[50_000_000])),
                "x.xlsx")).containsExactly("import.xlsx.zip-bomb");
        assertThat(refusal(zip(Map.of("xl/workbook.xml", new byte[10], "xl/vbaProject.bin", new byte[10])), "x.xlsx"))
                .containsExactly("import.xlsx.macros");
        assertThatThrownBy(() -> ImportFile.read(new byte[101], "x.csv", ImportOptions.DETECTED, 100, KENYA, 4))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems())
                        .extracting(ImportProblem::messageKey).containsExactly("import.too-large"));
    }

    @Test
    void aMappingNamingAColumnTheFileLacksOrAnUnknownFieldIsRefused() throws IOException {
        byte[] bytes = fixture("ohchr-matrix.csv");
        assertThatThrownBy(() -> ImportFile.read(bytes, "m.csv", new ImportOptions(null, null,
                Map.of("themes", "Issues", "colour", "Position")), MAX, KENYA, 4))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems())
                        .extracting(ImportProblem::messageKey)
                        .containsExactlyInAnyOrder("import.mapping.column-missing", "import.mapping.unknown-field"));
        ImportFile.Read noText = ImportFile.read(bytes, "m.csv", new ImportOptions(null, null, Map.of("text", "")), MAX,
                KENYA, 4);
        assertThat(noText.result().problems()).extracting(ImportProblem::messageKey).containsExactly("import.mapping.no-text");
    }

    @Test
    void stateNamesResolveInTheSourcesSpellings() {
        StateNames iran = new StateNames(CountryCode.of("IR"));
        assertThat(iran.matches("Iran (Islamic Republic of)")).isTrue();
        assertThat(iran.matches("IRN")).isTrue();
        assertThat(iran.matches("Irán")).isTrue();
        StateNames kenya = new StateNames(KENYA);
        assertThat(List.of("Kenya", "KEN", "ke", "Kenia", "KENYA")).allMatch(kenya::matches);
        assertThat(kenya.matches("Malawi")).isFalse();
        StateNames congo = new StateNames(CountryCode.of("CG"));
        assertThat(congo.matches("Congo")).isTrue();
        assertThat(congo.matches("Congo (Democratic Republic of the)")).isFalse();
        assertThat(new StateNames(CountryCode.of("CI")).matches("Cote d’Ivoire")).isTrue();
    }

    @Test
    void theSourcesWordsAreTheRegistersValues() {
        assertThat(UprVocabulary.position("Accepted").orElseThrow().position()).isEqualTo(Position.SUPPORTED);
        assertThat(UprVocabulary.position("Not Supported").orElseThrow().position()).isEqualTo(Position.NOTED);
        assertThat(UprVocabulary.position("Rejected").orElseThrow().position()).isEqualTo(Position.NOTED);
        assertThat(UprVocabulary.position("Supported / Noted").orElseThrow().position())
                .isEqualTo(Position.SUPPORTED_IN_PART);
        assertThat(UprVocabulary.position("Under consideration").orElseThrow().flag()).isEqualTo("import.flag.pending");
        assertThat(UprVocabulary.position("Maybe")).isEmpty();
        assertThat(UprVocabulary.actionCategory("4 - General action")).isEqualTo(4);
        assertThat(UprVocabulary.actionCategory("6")).isNull();
        assertThat(UprVocabulary.session("44 - November 2023")).isEqualTo(44);
        assertThat(UprVocabulary.session("21")).isEqualTo(21);
        assertThat(UprVocabulary.values("- Women\n- Children\n- Persons with disabilities"))
                .containsExactly("Women", "Children", "Persons with disabilities");
        assertThat(UprVocabulary.sdgTargets("5.2\n16.a, 5 - Gender equality")).containsExactly("5.2", "16.a");
        assertThat(Folding.fold("Côte d’Ivoire  KENYA’S")).isEqualTo("cote d'ivoire kenya's");
    }

    private static List<String> refusal(byte[] bytes, String name) {
        try {
            ImportFile.read(bytes, name, ImportOptions.DETECTED, Long.MAX_VALUE, KENYA, 4);
        } catch (ImportRejectedException e) {
            return e.problems().stream().map(ImportProblem::messageKey).toList();
        }
        throw new AssertionError("not refused");
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static ImportFile.Read read(String fixture, ImportOptions options, int cycle) throws IOException {
        return ImportFile.read(fixture(fixture), fixture, options, MAX, KENYA, cycle);
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = ImportFilesTest.class.getResourceAsStream("/fixtures/import/" + name)) {
            return in.readAllBytes();
        }
    }

    private static List<RecommendationFields> fields(ImportReading.Result result) {
        return result.recommendations().stream().map(ImportReading.Read::fields).toList();
    }
}
