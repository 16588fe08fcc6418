package org.uprflow.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The report as HTML from its one template ({@code report/mid-term-report.html}, Thymeleaf): the
 * whole document for the PDF and the public page, or only its article for the report page, which
 * places it under its own controls. Labels come from the message bundles in the reader's language.
 * The template writes well-formed XHTML, which the PDF renderer parses.
 */
@Component
class ReportDocument {

    /** Where the document is read: the PDF draws the chart itself, the pages embed it as SVG. */
    enum Medium {
        PDF,
        PAGE
    }

    private static final String TEMPLATE = "mid-term-report";

    private final TemplateEngine engine = new TemplateEngine();
    private final MessageSource messages;
    private final String css;

    ReportDocument(MessageSource messages) {
        this.messages = messages;
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
        templates.setPrefix("report/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        templates.setCharacterEncoding("UTF-8");
        templates.setCacheable(true);
        engine.setTemplateResolver(templates);
        engine.setMessageResolver(new Bundles(messages));
        css = resource("/static/report/report-document.css");
    }

    ReportView view(MidTermReport report, Locale locale) {
        return new ReportView(report, locale, messages);
    }

    /** The whole document, its style sheet inline: for the PDF and for the public page. */
    String document(MidTermReport report, Locale locale, Medium medium, int missingGlyphs) {
        Context context = context(report, locale, medium);
        context.setVariable("missingGlyphs", missingGlyphs);
        return engine.process(TEMPLATE, context);
    }

    /** The whole document as the public page: with links to read it in each language. */
    String publicDocument(MidTermReport report, Locale locale) {
        Context context = context(report, locale, Medium.PAGE);
        context.setVariable("languages", java.util.List.of("en", "fr", "es"));
        return engine.process(TEMPLATE, context);
    }

    /** Only the report's article, for the report page (which loads the style sheet itself). */
    String article(MidTermReport report, Locale locale) {
        return engine.process(TEMPLATE, Set.of("article"), context(report, locale, Medium.PAGE));
    }

    private Context context(MidTermReport report, Locale locale, Medium medium) {
        ReportView view = view(report, locale);
        Context context = new Context(locale);
        context.setVariable("v", view);
        context.setVariable("pdf", medium == Medium.PDF);
        context.setVariable("css", css);
        context.setVariable("chartType", ReportPdf.CHART_TYPE);
        context.setVariable("missingGlyphs", 0);
        context.setVariable("languages", java.util.List.of());
        if (medium == Medium.PAGE) {
            context.setVariable("chart", new StatusChart(view.totals(), view.t("page.report.doc.chart.axis"))
                    .svg(view.chartDescription()));
        }
        return context;
    }

    private static String resource(String path) {
        try (InputStream in = ReportDocument.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing from the class path: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code #{key(args)}} in the template reads the platform's message bundles. */
    private static final class Bundles extends AbstractMessageResolver {

        private final MessageSource messages;

        Bundles(MessageSource messages) {
            this.messages = messages;
        }

        @Override
        public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] arguments) {
            return messages.getMessage(key, arguments, null, context.getLocale());
        }

        @Override
        public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                Object[] arguments) {
            return "??" + key + "??";
        }
    }
}
