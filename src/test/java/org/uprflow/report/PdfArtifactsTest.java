package org.uprflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

/** Only empty artifact sequences leave a page's content; what draws or is text stays, byte for byte. */
class PdfArtifactsTest {

    @Test
    void takesOutEmptyArtifactsAndNamesTheirPropertyLists() {
        String content = "q\n/Artifact /Prop1 BDC\nEMC\n/Span <</MCID 0>> BDC\nBT\n(a) Tj\nET\nEMC\n"
                + "/Artifact /Prop2 BDC\n0 0 1 1 re\nf\nEMC\n/Artifact /Prop13 BDC\nEMC\nQ\n";
        Set<String> removed = new HashSet<>();

        String kept = new String(PdfArtifacts.withoutEmpty(content.getBytes(StandardCharsets.US_ASCII), removed),
                StandardCharsets.US_ASCII);

        assertThat(kept).isEqualTo("q\n/Span <</MCID 0>> BDC\nBT\n(a) Tj\nET\nEMC\n"
                + "/Artifact /Prop2 BDC\n0 0 1 1 re\nf\nEMC\nQ\n");
        assertThat(removed).containsExactlyInAnyOrder("Prop1", "Prop13");
    }

    @Test
    void leavesTextThatMerelyLooksLikeAnArtifactAndSequencesThatDoNotStartALine() {
        String content = "BT\n(/Artifact /Prop1 BDC) Tj\nET\n0 g /Artifact /Prop2 BDC\nEMC\n/Artifact /Prop3 BDC\nEMC";
        Set<String> removed = new HashSet<>();

        byte[] kept = PdfArtifacts.withoutEmpty(content.getBytes(StandardCharsets.US_ASCII), removed);

        assertThat(new String(kept, StandardCharsets.US_ASCII)).isEqualTo(content);
        assertThat(removed).isEmpty();
    }

    @Test
    void aReportsPagesNameOnlyPropertyListsTheyHaveAndKeepNoEmptyArtifact() throws IOException {
        byte[] bytes = new ReportPdf(new ReportDocument(ReportPdfTest.messages()))
                .render(ReportPdfTest.report(MidTermReport.State.DRAFT, "Ratify the Protocol", 30),
                        Locale.ENGLISH);

        try (PDDocument document = Loader.loadPDF(bytes)) {
            int sequences = 0;
            for (PDPage page : document.getPages()) {
                COSDictionary properties = page.getResources().getCOSObject().getCOSDictionary(COSName.PROPERTIES);
                List<Object> tokens = new PDFStreamParser(page).parse();
                for (int i = 1; i < tokens.size(); i++) {
                    if (tokens.get(i) instanceof Operator operator && operator.getName().equals("BDC")
                            && tokens.get(i - 1) instanceof COSName name) {
                        assertThat(properties.containsKey(name)).as("page names %s", name.getName()).isTrue();
                        sequences++;
                    }
                    if (tokens.get(i) instanceof Operator operator && operator.getName().equals("EMC") && i >= 3
                            && tokens.get(i - 1) instanceof Operator previous && previous.getName().equals("BDC")) {
                        assertThat(tokens.get(i - 3)).as("an empty sequence").isNotEqualTo(COSName.ARTIFACT);
                    }
                }
            }
            assertThat(sequences).as("the running header and the borders stay artifacts").isPositive();
        }
    }
}
