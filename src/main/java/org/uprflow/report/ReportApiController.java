package org.uprflow.report;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.uprflow.security.PlatformUser;
import org.uprflow.shared.CountryCode;
import org.uprflow.shared.RecordNotFoundException;

@RestController
@RequestMapping(path = "/api/countries/{code}/cycles/{cycle}")
@Tag(name = "Mid-term report", description = "A cycle's mid-term report: a draft compiled from the matrix, the "
        + "meetings and the cycle's history until a programme manager publishes it, frozen after")
class ReportApiController {

    private static final MediaType PDF = MediaType.APPLICATION_PDF;
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final MidTermReports reports;
    private final ReportDocument document;

    ReportApiController(MidTermReports reports, ReportDocument document) {
        this.reports = reports;
        this.document = document;
    }

    @GetMapping(path = "/report", produces = "application/json")
    @Operation(summary = "The report: the published one, else a draft compiled now",
            description = "Everybody of the country. state says DRAFT or PUBLISHED; publishable says whether the "
                    + "caller may publish it now (a programme manager while the publish task is open).")
    MidTermReport report(@PathVariable CountryCode code, @PathVariable int cycle,
            @AuthenticationPrincipal PlatformUser caller) {
        return reports.report(code, cycle, caller);
    }

    @GetMapping(path = "/report.pdf", produces = "application/pdf")
    @Operation(summary = "The report as PDF, in the language of Accept-Language (en, fr, es)")
    ResponseEntity<byte[]> reportPdf(@PathVariable CountryCode code, @PathVariable int cycle,
            @AuthenticationPrincipal PlatformUser caller) {
        MidTermReport report = reports.report(code, cycle, caller);
        String name = "mid-term-report-" + report.businessKey()
                + (report.state() == MidTermReport.State.DRAFT ? "-draft" : "") + ".pdf";
        return download(reports.pdf(report, LocaleContextHolder.getLocale()), PDF, name);
    }

    @GetMapping(path = "/report.html", produces = "text/html")
    @Operation(summary = "The report's document as an HTML fragment (its article), in the language of Accept-Language",
            description = "The same template as the PDF; the report page shows it under its own controls and loads "
                    + "/report/report-document.css.")
    ResponseEntity<String> reportHtml(@PathVariable CountryCode code, @PathVariable int cycle,
            @AuthenticationPrincipal PlatformUser caller) {
        MidTermReport report = reports.report(code, cycle, caller);
        return ResponseEntity.ok().contentType(HTML)
                .body(document.article(report, LocaleContextHolder.getLocale()));
    }

    /** A published report's public link: the path anybody may open without a login, and who made it when. */
    record PublicLinkAnswer(String token, String path, String pdfPath, OffsetDateTime createdAt, String createdBy) {

        static PublicLinkAnswer of(PublishedReports.PublicLink link) {
            String path = PublicReportController.PATH + "/" + link.token();
            return new PublicLinkAnswer(link.token(), path, path + "/report.pdf", link.createdAt(), link.createdBy());
        }
    }

    @PostMapping(path = "/report/public-link", produces = "application/json")
    @Operation(summary = "Make the published report public: a read-only link that needs no login",
            description = "The country's programme managers, once the report is published (409 before). A report "
                    + "that is public already answers its live link. The token is random and unguessable.")
    ResponseEntity<PublicLinkAnswer> makePublic(@PathVariable CountryCode code, @PathVariable int cycle,
            @AuthenticationPrincipal PlatformUser caller) {
        return ResponseEntity.status(201).body(PublicLinkAnswer.of(reports.makePublic(code, cycle,
                caller)));
    }

    @GetMapping(path = "/report/public-link", produces = "application/json")
    @Operation(summary = "The report's live public link (programme managers); 404 when it is not public")
    PublicLinkAnswer publicLink(@PathVariable CountryCode code, @PathVariable int cycle,
            @AuthenticationPrincipal PlatformUser caller) {
        return reports.publicLink(code, cycle, caller).map(PublicLinkAnswer::of)
                .orElseThrow(() -> new RecordNotFoundException("public link", code.upperCase() + "-" + cycle));
    }

    @DeleteMapping(path = "/report/public-link")
    @Operation(summary = "Revoke the public link: it answers 404 from then on (programme managers)")
    ResponseEntity<Void> revokePublicLink(@PathVariable CountryCode code, @PathVariable int cycle,
            @AuthenticationPrincipal PlatformUser caller) {
        reports.revokePublicLink(code, cycle, caller);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/matrix.csv", produces = "text/csv")
    @Operation(summary = "The report's implementation matrix as CSV (UTF-8), with the latest progress per row",
            description = "Once the report is published, the matrix as published.")
    ResponseEntity<byte[]> matrixCsv(@PathVariable CountryCode code, @PathVariable int cycle,
            @AuthenticationPrincipal PlatformUser caller) {
        MidTermReport report = reports.report(code, cycle, caller);
        return download(MatrixCsv.write(report).getBytes(StandardCharsets.UTF_8), CSV,
                "implementation-matrix-" + report.businessKey() + ".csv");
    }

    /**
     * Why a report is published while the matrix it covers is still a draft (the report prints it),
     * and the day it was published as stated (default today).
     */
    record Publication(@Size(max = 2000) String draftReason, LocalDate publishedOn) {
    }

    @PostMapping(path = "/report/publication", produces = "application/json")
    @Operation(summary = "Publish the report as it stands: it is frozen from then on",
            description = "The country's programme managers and admins, while the cycle's mid-term report phase "
                    + "waits at its publish task. 409 when it is published already or the phase is not there. "
                    + "On a matrix that is not final the body must give {\"draftReason\": \"...\"} (400 naming "
                    + "draftReason otherwise), which the report prints. publishedOn (yyyy-MM-dd, default today) is "
                    + "the day it was published as stated, for a cycle entered late; after today, before the review, "
                    + "before the last contribution's day or before the day the matrix was final: 400 naming "
                    + "publishedOn.")
    ResponseEntity<MidTermReport> publish(@PathVariable CountryCode code, @PathVariable int cycle,
            @Valid @RequestBody(required = false) Publication publication, @AuthenticationPrincipal PlatformUser caller) {
        return ResponseEntity.status(201).body(reports.publish(code, cycle,
                publication == null ? null : publication.draftReason(),
                publication == null ? null : publication.publishedOn(), caller));
    }

    static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .body(body);
    }
}
