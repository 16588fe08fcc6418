package org.uprflow.report;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.uprflow.country.CountryCode;
import org.uprflow.security.PlatformUser;

@RestController
@RequestMapping(path = "/api/countries/{code}/cycles/{cycle}")
@Tag(name = "Mid-term report", description = "A cycle's mid-term report: a draft compiled from the matrix, the "
        + "meetings and the cycle's history until a programme manager publishes it, frozen after")
class ReportApiController {

    private static final MediaType PDF = MediaType.APPLICATION_PDF;
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final MidTermReports reports;
    private final ReportPdf pdf;

    ReportApiController(MidTermReports reports, ReportPdf pdf) {
        this.reports = reports;
        this.pdf = pdf;
    }

    @GetMapping(path = "/report", produces = "application/json")
    @Operation(summary = "The report: the published one, else a draft compiled now",
            description = "Everybody of the country. state says DRAFT or PUBLISHED; publishable says whether the "
                    + "caller may publish it now (a programme manager while the publish task is open).")
    MidTermReport report(@PathVariable String code, @PathVariable int cycle,
            @AuthenticationPrincipal PlatformUser caller) {
        return reports.report(CountryCode.of(code), cycle, caller);
    }

    @GetMapping(path = "/report.pdf", produces = "application/pdf")
    @Operation(summary = "The report as PDF, in the language of Accept-Language (en, fr, es)")
    ResponseEntity<byte[]> reportPdf(@PathVariable String code, @PathVariable int cycle,
            @AuthenticationPrincipal PlatformUser caller) {
        MidTermReport report = reports.report(CountryCode.of(code), cycle, caller);
        String name = "mid-term-report-" + report.businessKey()
                + (report.state() == MidTermReport.State.DRAFT ? "-draft" : "") + ".pdf";
        return download(pdf.render(report, LocaleContextHolder.getLocale()), PDF, name);
    }

    @GetMapping(path = "/matrix.csv", produces = "text/csv")
    @Operation(summary = "The report's implementation matrix as CSV (UTF-8), with the latest progress per row",
            description = "Once the report is published, the matrix as published.")
    ResponseEntity<byte[]> matrixCsv(@PathVariable String code, @PathVariable int cycle,
            @AuthenticationPrincipal PlatformUser caller) {
        MidTermReport report = reports.report(CountryCode.of(code), cycle, caller);
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
                    + "the day it was published as stated, for a cycle entered late; after today, before the review "
                    + "or before the last contribution's day: 400 naming publishedOn.")
    ResponseEntity<MidTermReport> publish(@PathVariable String code, @PathVariable int cycle,
            @Valid @RequestBody(required = false) Publication publication, @AuthenticationPrincipal PlatformUser caller) {
        return ResponseEntity.status(201).body(reports.publish(CountryCode.of(code), cycle,
                publication == null ? null : publication.draftReason(),
                publication == null ? null : publication.publishedOn(), caller));
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .body(body);
    }
}
