package org.uprflow.matrix;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uprflow.security.PlatformUser;
import org.uprflow.shared.CountryCode;
import org.uprflow.shared.Versions;

@RestController
@RequestMapping(path = "/api/countries/{code}/cycles/{cycle}/matrix", produces = "application/json")
@Tag(name = "Implementation matrix", description = "The cycle's implementation matrix in versions, with progress "
        + "reports and independent assessments")
class MatrixApiController {

    private final ImplementationMatrix matrix;

    MatrixApiController(ImplementationMatrix matrix) {
        this.matrix = matrix;
    }

    @GetMapping("/permissions")
    @Operation(summary = "What the caller may do in the cycle's register and matrix",
            description = "For a page to offer only what the caller may do; every write is checked anyway.")
    CyclePermissions permissions(@PathVariable CountryCode code, @PathVariable int cycle,
            @AuthenticationPrincipal PlatformUser caller) {
        return matrix.permissions(code, cycle, caller);
    }

    @GetMapping("/versions")
    @Operation(summary = "The matrix's versions, oldest first")
    List<MatrixVersion> versions(@PathVariable CountryCode code, @PathVariable int cycle,
            @AuthenticationPrincipal PlatformUser caller) {
        return matrix.versions(code, cycle, caller);
    }

    @GetMapping("/versions/{number}")
    @Operation(summary = "A version with its rows")
    MatrixVersionView version(@PathVariable CountryCode code, @PathVariable int cycle, @PathVariable int number,
            @AuthenticationPrincipal PlatformUser caller) {
        return matrix.version(code, cycle, number, caller);
    }

    @PostMapping("/versions")
    @Operation(summary = "Start the next draft: a copy of the last final version (or empty)",
            description = "The country's CSOs, programme managers and admins. 409 while a draft is open.")
    ResponseEntity<MatrixVersion> startDraft(@PathVariable CountryCode code, @PathVariable int cycle,
            @AuthenticationPrincipal PlatformUser caller) {
        return ResponseEntity.status(201).body(matrix.startDraft(code, cycle, caller));
    }

    /** The day the side agreed, as stated (default today). */
    record Agreement(LocalDate agreedOn) {
    }

    @PostMapping("/versions/{number}/agreement")
    @Operation(summary = "Agree to a draft as it stands, for the caller's side (CSO or government)",
            description = "The country's CSOs and government focal points, while their side's agreement task is open "
                    + "(409 otherwise). When both sides agreed, the version is final and frozen; an edit of the draft "
                    + "in between clears both agreements. 409 if it is final. Optional body {\"agreedOn\": "
                    + "\"yyyy-MM-dd\"}: the day the side agreed (default today); after today, before the review or "
                    + "before the round's follow-up meeting: 400 naming agreedOn.")
    MatrixVersion agree(@PathVariable CountryCode code, @PathVariable int cycle, @PathVariable int number,
            @RequestBody(required = false) Agreement agreement, @AuthenticationPrincipal PlatformUser caller) {
        return matrix.agree(code, cycle, number, agreement == null ? null : agreement.agreedOn(),
                caller);
    }

    /** The day the agreement was reached, as stated (default today). */
    record Finalisation(LocalDate finalisedOn) {
    }

    @PostMapping("/versions/{number}/finalise")
    @Operation(summary = "Finalise a draft: it is frozen from then on",
            description = "The country's programme managers and admins, when the agreement of government and "
                    + "CSOs was reached outside the platform. 409 if it is final already. Optional body "
                    + "{\"finalisedOn\": \"yyyy-MM-dd\"}: the day it was agreed (default today); after today or "
                    + "before the review: 400 naming finalisedOn.")
    MatrixVersion finalise(@PathVariable CountryCode code, @PathVariable int cycle, @PathVariable int number,
            @RequestBody(required = false) Finalisation finalisation, @AuthenticationPrincipal PlatformUser caller) {
        return matrix.finalise(code, cycle, number,
                finalisation == null ? null : finalisation.finalisedOn(), caller);
    }

    @GetMapping("/compare")
    @Operation(summary = "What changed between two versions, row by row")
    MatrixComparison compare(@PathVariable CountryCode code, @PathVariable int cycle, @RequestParam int from,
            @RequestParam int to, @AuthenticationPrincipal PlatformUser caller) {
        return matrix.compare(code, cycle, from, to, caller);
    }

    @PostMapping(path = "/entries", consumes = "application/json")
    @Operation(summary = "Add a row to the open draft (version 1 is started on the way)",
            description = "The country's CSOs, programme managers and admins. 409 when the latest version is final: "
                    + "start a new draft first.")
    ResponseEntity<MatrixEntry> addEntry(@PathVariable CountryCode code, @PathVariable int cycle,
            @Valid @RequestBody MatrixEntryFields fields, @AuthenticationPrincipal PlatformUser caller) {
        MatrixEntry entry = matrix.addEntry(code, cycle, fields, caller);
        return ResponseEntity.status(201).eTag(Versions.etag(entry.version())).body(entry);
    }

    @PutMapping(path = "/versions/{number}/entries/{key}", consumes = "application/json")
    @Operation(summary = "Edit a row of a draft",
            description = "The country's CSOs, programme managers and admins. If-Match must carry the row's version "
                    + "(its ETag or version field); 409 when someone saved in between or the version is final.")
    ResponseEntity<MatrixEntry> editEntry(@PathVariable CountryCode code, @PathVariable int cycle, @PathVariable int number,
            @PathVariable UUID key, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody MatrixEntryFields fields, @AuthenticationPrincipal PlatformUser caller) {
        MatrixEntry entry = matrix.editEntry(code, cycle, number, key, Versions.required(ifMatch),
                fields, caller);
        return ResponseEntity.ok().eTag(Versions.etag(entry.version())).body(entry);
    }

    @GetMapping("/entries/{key}/progress")
    @Operation(summary = "A row's progress reports and assessments, side by side")
    EntryProgress progress(@PathVariable CountryCode code, @PathVariable int cycle, @PathVariable UUID key,
            @AuthenticationPrincipal PlatformUser caller) {
        return matrix.progress(code, cycle, key, caller);
    }

    @PostMapping(path = "/entries/{key}/progress-reports", consumes = "application/json")
    @Operation(summary = "Report progress on a row", description = "The country's government focal points, "
            + "programme managers and admins.")
    ResponseEntity<ProgressNote> reportProgress(@PathVariable CountryCode code, @PathVariable int cycle,
            @PathVariable UUID key, @Valid @RequestBody ProgressFields fields,
            @AuthenticationPrincipal PlatformUser caller) {
        return ResponseEntity.status(201).body(matrix.reportProgress(code, cycle, key, fields, caller));
    }

    @PostMapping(path = "/entries/{key}/assessments", consumes = "application/json")
    @Operation(summary = "Assess progress on a row independently", description = "The country's CSOs, NHRI, "
            + "programme managers and admins.")
    ResponseEntity<ProgressNote> assess(@PathVariable CountryCode code, @PathVariable int cycle, @PathVariable UUID key,
            @Valid @RequestBody ProgressFields fields, @AuthenticationPrincipal PlatformUser caller) {
        return ResponseEntity.status(201).body(matrix.assess(code, cycle, key, fields, caller));
    }
}
