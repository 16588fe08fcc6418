package org.uprflow.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A4 pages of wrapped text in DejaVu Sans, embedded (subset) from the fonts jar, so Latin,
 * Greek, Cyrillic, Armenian and Georgian text shows as written. A character the font has no
 * glyph for (Chinese, Devanagari...) is drawn as "?" and counted in {@link #replaced()}; the
 * report page shows the text as it is.
 */
final class PdfPages implements AutoCloseable {

    static final String REGULAR = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
    static final String BOLD = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";

    private static final float MARGIN = 50;
    private static final float LEADING = 1.35f;

    private static final Map<String, byte[]> FONTS = new ConcurrentHashMap<>();

    private final PDDocument document = new PDDocument();
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final String header;
    private final float[] headerColour;
    /** Per code point and font (lowest bit: bold), whether the font has a glyph for it. */
    private final Map<Integer, Boolean> drawable = new HashMap<>();
    private PDPageContentStream out;
    private float y;
    private int replaced;

    PdfPages(String header, float[] headerColour) {
        this.header = header;
        this.headerColour = headerColour;
        try {
            regular = load(REGULAR);
            bold = load(BOLD);
        } catch (IOException e) {
            throw new UncheckedIOException("The report's font could not be read", e);
        }
    }

    PDDocument document() {
        return document;
    }

    int replaced() {
        return replaced;
    }

    void title(String text) {
        paragraph(text, true, 18, 0);
        gap(4);
    }

    void heading(String text) {
        gap(10);
        if (y - 14 * LEADING * 3 < MARGIN) {
            newPage();
        }
        paragraph(text, true, 13, 0);
        gap(2);
    }

    void text(String text) {
        paragraph(text, false, 10, 0);
    }

    void text(String text, float indent) {
        paragraph(text, false, 10, indent);
    }

    void strong(String text, float indent) {
        paragraph(text, true, 10, indent);
    }

    void gap(float points) {
        y -= points;
    }

    /** Writes {@code text} wrapped to the page width, on new pages as needed; blank text writes nothing. */
    void paragraph(String text, boolean strong, float size, float indent) {
        if (text == null || text.isBlank()) {
            return;
        }
        PDType0Font font = strong ? bold : regular;
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN - indent;
        for (String line : text.strip().split("\\R")) {
            for (String wrapped : wrap(drawable(font, line), font, size, width)) {
                if (out == null || y - size * LEADING < MARGIN) {
                    newPage();
                }
                y -= size * LEADING;
                show(wrapped, font, size, MARGIN + indent, y);
            }
        }
    }

    byte[] bytes() {
        try {
            closePage();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            closePage();
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PDType0Font load(String resource) throws IOException {
        return PDType0Font.load(document, new ByteArrayInputStream(FONTS.computeIfAbsent(resource, PdfPages::read)));
    }

    /** The font files, read from the jar once: inflating 600 KB per PDF is time a reader waits for nothing. */
    private static byte[] read(String resource) {
        try (InputStream font = PdfPages.class.getResourceAsStream(resource)) {
            if (font == null) {
                throw new IOException("No font " + resource + " on the class path (jasperreports-fonts)");
            }
            return font.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void newPage() {
        try {
            closePage();
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            out = new PDPageContentStream(document, page);
            float top = PDRectangle.A4.getHeight() - MARGIN;
            out.setNonStrokingColor(headerColour[0], headerColour[1], headerColour[2]);
            show(drawable(bold, header + " · " + document.getNumberOfPages()), bold, 9, MARGIN, top + 20);
            out.setNonStrokingColor(0f, 0f, 0f);
            y = top;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closePage() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    private void show(String text, PDType0Font font, float size, float x, float atY) {
        try {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, atY);
            out.showText(text);
            out.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with every character the font cannot draw replaced by "?", and control characters by spaces. */
    private String drawable(PDType0Font font, String text) {
        StringBuilder result = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (Character.isISOControl(codePoint)) {
                result.append(' ');
            } else if (drawable.computeIfAbsent(codePoint << 1 | (font == bold ? 1 : 0),
                    key -> canDraw(font, codePoint))) {
                result.appendCodePoint(codePoint);
            } else {
                replaced++;
                result.append('?');
            }
        });
        return result.toString();
    }

    private static boolean canDraw(PDType0Font font, int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException noGlyph) {
            return false;
        }
    }

    private static List<String> wrap(String line, PDType0Font font, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : line.split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (width(candidate, font, size) <= width) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (!current.isEmpty()) {
                lines.add(current.toString());
                current.setLength(0);
            }
            // a word wider than the line (a long link) is cut where it must be
            while (width(word, font, size) > width) {
                int fits = word.length() - 1;
                while (fits > 1 && width(word.substring(0, fits), font, size) > width) {
                    fits--;
                }
                lines.add(word.substring(0, fits));
                word = word.substring(fits);
            }
            current.append(word);
        }
        if (!current.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    private static float width(String text, PDType0Font font, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
