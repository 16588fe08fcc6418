package org.uprflow.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import com.openhtmltopdf.render.PageBox;
import com.openhtmltopdf.util.XRLog;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;

/**
 * The report as a PDF: the report's one template (the page's too) laid out by openhtmltopdf on
 * PDFBox, tagged for PDF/UA (headings, tables, lists and the chart as a figure with its text),
 * with DejaVu Sans embedded as subsets and the status chart drawn as vector graphics by
 * JFreeChart. Characters DejaVu Sans lacks (CJK, Indic...) cannot be drawn; the PDF says how many.
 */
@Component
class ReportPdf {

    /** The {@code type} of the template's chart object, which the PDF draws itself. */
    static final String CHART_TYPE = "image/x-uprflow-status-chart";

    private static final Font COVERAGE = font(PdfFonts.REGULAR);

    static {
        // openhtmltopdf logs every render at INFO; the style sheet's screen-only rules (overflow-x, @media screen
        // and (max-width...)) are skipped on purpose and would warn at every render too.
        XRLog.listRegisteredLoggers().forEach(log -> XRLog.setLevel(log, Level.WARNING));
        XRLog.setLevel(XRLog.CSS_PARSE, Level.SEVERE);
    }

    private final ReportDocument document;

    ReportPdf(ReportDocument document) {
        this.document = document;
    }

    byte[] render(MidTermReport report, Locale locale) {
        ReportView view = document.view(report, locale);
        String html = document.document(report, locale, ReportDocument.Medium.PDF, 0);
        int missing = missingGlyphs(html);
        if (missing > 0) {
            html = document.document(report, locale, ReportDocument.Medium.PDF, missing);
        }
        StatusChart chart = new StatusChart(view.totals(), view.t("page.report.doc.chart.axis"));
        DefaultObjectDrawerFactory objects = new DefaultObjectDrawerFactory();
        objects.registerDrawer(CHART_TYPE, (element, x, y, width, height, device, context, dotsPerPixel) -> {
            // The renderer offers the object to every page it may reach; draw it on the page that holds it only
            // (elsewhere it would be clipped away, yet still be content a reader or a text extractor meets twice).
            PageBox page = context.getPage();
            if (page != null && (y >= page.getBottom() || y + height <= page.getTop())) {
                return null;
            }
            float w = (float) width / dotsPerPixel;
            float h = (float) height / dotsPerPixel;
            device.drawWithGraphics((float) x, (float) y, w, h, graphics -> chart.draw(graphics, w, h));
            return null;
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessibility(true);
        builder.useObjectDrawerFactory(objects);
        font(builder, PdfFonts.REGULAR, 400, BaseRendererBuilder.FontStyle.NORMAL);
        font(builder, PdfFonts.BOLD, 700, BaseRendererBuilder.FontStyle.NORMAL);
        font(builder, PdfFonts.ITALIC, 400, BaseRendererBuilder.FontStyle.ITALIC);
        builder.withHtmlContent(html, null);
        builder.usePageSupplier(PdfArtifacts.pages());
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer(); PDDocument pdf = renderer.createPDFKeepOpen()) {
            PdfArtifacts.removeEmpty(pdf);
            pdf.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The UN paragraph numbers where the register has them; a report published before them has the numbers. */
    static List<String> cited(MidTermReport.Entry entry) {
        return entry.citations() != null ? entry.citations()
                : entry.recommendations().stream().map(String::valueOf).toList();
    }

    /** How many characters of the document the embedded font cannot draw. */
    static int missingGlyphs(String html) {
        return (int) html.codePoints().filter(c -> c > 0x7f && !Character.isWhitespace(c) && !COVERAGE.canDisplay(c))
                .count();
    }

    /** The font files read from the jar once; each PDF embeds its own subset of them. */
    private static final Map<String, byte[]> FONT_FILES = new ConcurrentHashMap<>();

    private static void font(PdfRendererBuilder builder, String resource, int weight,
            BaseRendererBuilder.FontStyle style) {
        byte[] file = FONT_FILES.computeIfAbsent(resource, r -> PdfFonts.withoutGlyphSubstitution(read(r)));
        builder.useFont(() -> new ByteArrayInputStream(file), PdfFonts.FAMILY, weight, style, true);
    }

    private static byte[] read(String resource) {
        try (InputStream in = ReportPdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font missing from the class path: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Font font(String resource) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(read(resource)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
