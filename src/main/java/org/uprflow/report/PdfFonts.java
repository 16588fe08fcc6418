package org.uprflow.report;

/** DejaVu Sans from the {@code jasperreports-fonts} jar: Latin (en, fr, es and more), Greek, Cyrillic, Armenian, Georgian. */
final class PdfFonts {

    static final String FAMILY = "DejaVu Sans";
    static final String REGULAR = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
    static final String BOLD = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";
    static final String ITALIC = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans-Oblique.ttf";

    private PdfFonts() {
    }

    /**
     * The font file with its glyph substitution table (GSUB) renamed out of the way. PDFBox applies that table's
     * Latin features (ligatures, composition) to every string it draws by compiling regular expressions per
     * string: half of a large report's allocation and a fifth of its CPU. openhtmltopdf measures the text without
     * them anyway, and the embedded subsets never carried the table; the glyphs drawn are the characters' own.
     */
    static byte[] withoutGlyphSubstitution(byte[] font) {
        byte[] copy = font.clone();
        int tables = ((copy[4] & 0xff) << 8) | (copy[5] & 0xff);
        for (int i = 0; i < tables; i++) {
            int record = 12 + 16 * i;
            if (copy[record] == 'G' && copy[record + 1] == 'S' && copy[record + 2] == 'U' && copy[record + 3] == 'B') {
                copy[record] = 'x';
                return copy;
            }
        }
        return copy;
    }
}
