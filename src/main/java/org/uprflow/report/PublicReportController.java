package org.uprflow.report;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A published report made public by its programme manager: read-only, no login, in the language of
 * {@code ?lang=} or Accept-Language. The token is the only key; a revoked or unknown one is 404.
 * The page is the report's document itself (no script; its style sheet inline).
 */
@RestController
@RequestMapping(path = PublicReportController.PATH)
@Tag(name = "Public mid-term report", description = "A published report whose programme manager made it public")
class PublicReportController {

    static final String PATH = "/api/public/reports";

    /** The page holds no script and loads nothing: its style is inline, its chart inline SVG. */
    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final MidTermReports reports;
    private final ReportDocument document;

    PublicReportController(MidTermReports reports, ReportDocument document) {
        this.reports = reports;
        this.document = document;
    }

    @GetMapping(path = "/{token}", produces = "text/html")
    @Operation(summary = "The public report as a page")
    ResponseEntity<String> page(@PathVariable String token, @RequestParam(required = false) String lang) {
        MidTermReport report = reports.publicReport(token);
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .header("Content-Security-Policy", POLICY)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Robots-Tag", "noindex")
                .body(document.publicDocument(report, locale(lang)));
    }

    @GetMapping(path = "/{token}/report.pdf", produces = "application/pdf")
    @Operation(summary = "The public report as PDF")
    ResponseEntity<byte[]> pdf(@PathVariable String token, @RequestParam(required = false) String lang) {
        MidTermReport report = reports.publicReport(token);
        return ReportApiController.download(reports.pdf(report, locale(lang)), MediaType.APPLICATION_PDF,
                "mid-term-report-" + report.businessKey() + ".pdf");
    }

    private static Locale locale(String lang) {
        return lang == null ? LocaleContextHolder.getLocale() : Locale.forLanguageTag(MidTermReports.language(
                Locale.forLanguageTag(lang)));
    }
}
