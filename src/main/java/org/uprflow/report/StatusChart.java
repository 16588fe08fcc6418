package org.uprflow.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The summary's chart: how many recommendations stand at each implementation status, as
 * horizontal bars drawn by JFreeChart. The same chart is written as SVG for the pages and drawn
 * as vector graphics into the PDF (openhtmltopdf hands it a PDFBox Graphics2D); its labels are in
 * DejaVu Sans, registered from the fonts jar so that a machine without fonts draws them too.
 */
final class StatusChart {

    static final String FONT = "DejaVu Sans";
    static final float WIDTH = 480;
    static final float HEIGHT = 190;

    /** The colours of the statuses, the same as the page's swatches (report-document.css). */
    private static final Map<String, Color> COLOURS = Map.of("FULLY_IMPLEMENTED", new Color(0x1e6b34),
            "PARTIALLY_IMPLEMENTED", new Color(0x6aa84f), "IN_PROCESS", new Color(0xd4a20f),
            "LITTLE_OR_NO_ACTION", new Color(0xc0504d), "NOT_STARTED", new Color(0x7f7f7f), "none",
            new Color(0xbdbdbd));

    static {
        register(PdfFonts.REGULAR);
        register(PdfFonts.BOLD);
    }

    private final JFreeChart chart;

    StatusChart(List<ReportView.Figure> figures, String axisLabel) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ReportView.Figure figure : figures) {
            data.addValue(figure.count(), "count", figure.label());
        }
        List<Color> colours = figures.stream().map(f -> COLOURS.getOrDefault(f.key(), Color.GRAY)).toList();
        BarRenderer bars = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return colours.get(column);
            }
        };
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultItemLabelFont(new Font(FONT, Font.BOLD, 10));
        bars.setMaximumBarWidth(0.12);
        CategoryAxis statuses = new CategoryAxis();
        statuses.setTickLabelFont(new Font(FONT, Font.PLAIN, 10));
        statuses.setMaximumCategoryLabelWidthRatio(0.45f);
        NumberAxis counts = new NumberAxis(axisLabel);
        counts.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        counts.setTickLabelFont(new Font(FONT, Font.PLAIN, 9));
        counts.setLabelFont(new Font(FONT, Font.PLAIN, 10));
        counts.setUpperMargin(0.15);
        CategoryPlot plot = new CategoryPlot(data, statuses, counts, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        chart = new JFreeChart(null, new Font(FONT, Font.BOLD, 12), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
    }

    /** The chart as an SVG element for a page, scaling with its box (viewBox). */
    String svg(String description) {
        SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
        draw(svg, WIDTH, HEIGHT);
        return svg.getSVGElement(null, false, new ViewBox(0, 0, (int) WIDTH, (int) HEIGHT),
                PreserveAspectRatio.XMIN_YMIN, MeetOrSlice.MEET)
                .replaceFirst("<svg ", "<svg class=\"status-chart\" role=\"img\" aria-label=\"" + escape(description) + "\" ");
    }

    void draw(Graphics2D graphics, float width, float height) {
        chart.draw(graphics, new Rectangle2D.Float(0, 0, width, height));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void register(String resource) {
        try (InputStream in = StatusChart.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font missing from the class path: " + resource);
            }
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(Font.createFont(Font.TRUETYPE_FONT, in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
