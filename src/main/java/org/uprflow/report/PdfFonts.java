package org.uprflow.report;

/** DejaVu Sans from the {@code jasperreports-fonts} jar: Latin (en, fr, es and more), Greek, Cyrillic, Armenian, Georgian. */
final class PdfFonts {

    static final String FAMILY = "DejaVu Sans";
    static final String REGULAR = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
    static final String BOLD = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";
    static final String ITALIC = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans-Oblique.ttf";

    private PdfFonts() {
    }
}
