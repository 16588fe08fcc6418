package org.uprflow.recommendation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.uprflow.security.PlatformUser;
import org.uprflow.shared.CountryCode;

@RestController
@RequestMapping(path = "/api/countries/{code}/cycles/{cycle}/recommendations/import", produces = "application/json")
@Tag(name = "Recommendations import",
        description = "Files of recommendations as people have them: UPR Info's database exports (older and current), "
                + "OHCHR's Universal Human Rights Index (.xlsx), OHCHR's country matrices and researchers' own "
                + "spreadsheets, in any delimiter, line ending and encoding. Upload for a preview, adjust the "
                + "mapping, confirm; or import in one request. The country's programme managers and admins; only "
                + "into a cycle opened on the platform (404 otherwise).")
class RecommendationImportApiController {

    private static final String FILE = "The file: CSV or other delimited text (UTF-8, UTF-16 or a single-byte "
            + "Windows or Mac encoding, detected), or .xlsx (first sheet). At most uprflow.register.import-max-bytes.";
    private static final String MAPPING = "Repeated field=Header, e.g. text=Recommendation, recommendingStates=From; "
            + "an empty header maps the field to no column. Fields: text, reference, recommendingStates, "
            + "stateUnderReview, position, themes, affectedPersons, sdgTargets, cycle, session, actionCategory, "
            + "sourceReference, recommendingBody. Recognised headers map themselves; other columns are ignored.";

    private final RecommendationImports imports;

    RecommendationImportApiController(RecommendationImports imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = "multipart/form-data")
    @Operation(summary = "Import a file of recommendations in one request, all or nothing",
            description = "Rows of other States under review, other cycles and treaty bodies are skipped; rows of one "
                    + "recommendation (same UN paragraph number, or the same text) become one recommendation with "
                    + "every recommending State. A recommendation already in the register (same paragraph number, "
                    + "else same text and recommending States) is updated, never added twice; an empty position keeps "
                    + "a recorded one. Any problem: 400 listing every problem by row and column (the first "
                    + ImportProblems.LISTED + ", with 'total'), and nothing imported.")
    ResponseEntity<ImportSummary> importFile(@PathVariable CountryCode code, @PathVariable int cycle,
            @Parameter(description = FILE) @RequestPart("file") MultipartFile file,
            @Parameter(description = "Encoding of a CSV file (detected when absent)") @RequestParam(required = false) String encoding,
            @Parameter(description = "Delimiter of a CSV file: , ; | or tab (detected when absent)")
            @RequestParam(required = false) String delimiter,
            @Parameter(description = MAPPING) @RequestParam(name = "mapping", required = false) String[] ignored,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
            @AuthenticationPrincipal PlatformUser caller) throws IOException {
        List<String> mapping = parameters.get("mapping");
        try (InputStream in = file.getInputStream()) {
            return ResponseEntity.status(201).body(imports.importFile(code, cycle,
                    file.getOriginalFilename(), in, options(encoding, delimiter, mapping), caller));
        }
    }

    @PostMapping(path = "/previews", consumes = "multipart/form-data")
    @Operation(summary = "Upload a file for a preview of what it will import",
            description = "201 with the detected encoding, delimiter and mapping, the first recommendations as they "
                    + "will be stored, the counts (rows skipped, merged, flagged) and every problem with its row. The "
                    + "preview is kept in the database for uprflow.register.import-preview-minutes. A file that cannot "
                    + "be read (no known encoding, no spreadsheet, zip bomb, macros, too large) or options naming what "
                    + "the file does not have: 400, nothing kept.")
    ResponseEntity<ImportPreview> preview(@PathVariable CountryCode code, @PathVariable int cycle,
            @Parameter(description = FILE) @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String encoding, @RequestParam(required = false) String delimiter,
            @Parameter(description = MAPPING) @RequestParam(name = "mapping", required = false) String[] ignored,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
            @AuthenticationPrincipal PlatformUser caller) throws IOException {
        // read from the map, not the array: Spring splits a single value at its commas, and headers hold commas
        List<String> mapping = parameters.get("mapping");
        try (InputStream in = file.getInputStream()) {
            ImportPreview preview = imports.preview(code, cycle, file.getOriginalFilename(), in,
                    options(encoding, delimiter, mapping), caller);
            return ResponseEntity.created(URI.create("/api/countries/" + code.upperCase() + "/cycles/"
                    + cycle + "/recommendations/import/previews/" + preview.id())).body(preview);
        }
    }

    @GetMapping("/previews/{id}")
    @Operation(summary = "A preview again (404 once imported, discarded or expired)")
    ImportPreview get(@PathVariable CountryCode code, @PathVariable int cycle, @PathVariable UUID id,
            @AuthenticationPrincipal PlatformUser caller) {
        return imports.preview(code, cycle, id, caller);
    }

    @PutMapping(path = "/previews/{id}", consumes = "application/json")
    @Operation(summary = "Read the previewed file again with other options",
            description = "Encoding, delimiter and mapping (field key to header, empty for none) change what they "
                    + "name; the rest stays. 400 when they name what the file does not have.")
    ImportPreview change(@PathVariable CountryCode code, @PathVariable int cycle, @PathVariable UUID id,
            @RequestBody ImportOptions options, @AuthenticationPrincipal PlatformUser caller) {
        return imports.change(code, cycle, id, options, caller);
    }

    @PostMapping(path = "/previews/{id}/confirmation")
    @Operation(summary = "Import the previewed file, all or nothing",
            description = "Optionally with last changes of the options as the body. 201 with the counts; the preview "
                    + "is deleted. Any problem: 400 with every problem, nothing imported, the preview kept until it "
                    + "expires.")
    ResponseEntity<ImportSummary> confirm(@PathVariable CountryCode code, @PathVariable int cycle, @PathVariable UUID id,
            @RequestBody(required = false) ImportOptions options, @AuthenticationPrincipal PlatformUser caller) {
        return ResponseEntity.status(201).body(imports.confirm(code, cycle, id, options, caller));
    }

    @DeleteMapping("/previews/{id}")
    @Operation(summary = "Discard a preview: its file is deleted from the server")
    ResponseEntity<Void> discard(@PathVariable CountryCode code, @PathVariable int cycle, @PathVariable UUID id,
            @AuthenticationPrincipal PlatformUser caller) {
        imports.discard(code, cycle, id, caller);
        return ResponseEntity.noContent().build();
    }

    private static ImportOptions options(String encoding, String delimiter, List<String> mapping) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<ImportProblem> problems = new java.util.ArrayList<>();
        for (String pair : mapping == null ? List.<String>of() : mapping) {
            int equals = pair.indexOf('=');
            if (equals < 1) {
                problems.add(ImportProblem.of(null, "mapping", "import.mapping.malformed", pair));
            } else {
                fields.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        return new ImportOptions(encoding, delimiter, fields);
    }
}
