package org.uprflow.recommendation;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
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
@RequestMapping(path = "/api/countries/{code}/cycles/{cycle}/recommendations", produces = "application/json")
@Tag(name = "Recommendations", description = "The recommendations a country received in a cycle and the State's positions")
class RecommendationApiController {

    private final RecommendationRegister register;

    RecommendationApiController(RecommendationRegister register) {
        this.register = register;
    }

    /** The body of a position change: SUPPORTED, NOTED, or null for none yet. */
    record PositionChange(Position position) {
    }

    record MissingPositions(int missing) {
    }

    @GetMapping
    @Operation(summary = "A page of the register, filtered",
            description = "Everybody of the country. Ordered as the report lists them; size at most "
                    + RecommendationRegister.MAX_PAGE_SIZE + ".")
    ResultPage<Recommendation> list(@PathVariable CountryCode code, @PathVariable int cycle,
            @Parameter(description = "a theme, e.g. Women's rights (case, accents and apostrophe style ignored)") @RequestParam(required = false) String theme,
            @Parameter(description = "SUPPORTED, NOTED or NONE (no position yet)")
            @RequestParam(required = false) RecommendationFilter.PositionFilter position,
            @Parameter(description = "status of its row in the latest matrix version")
            @RequestParam(required = false) ImplementationStatus status,
            @Parameter(description = "responsible institution of its row in the latest matrix version")
            @RequestParam(required = false) String institution,
            @Parameter(description = "words in the text, the recommending States or the paragraph number (case, "
                    + "accents and apostrophe style ignored)") @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + RecommendationRegister.DEFAULT_PAGE_SIZE) int size,
            @AuthenticationPrincipal PlatformUser caller) {
        RecommendationFilter filter = new RecommendationFilter(blankToNull(theme), position,
                status == null ? null : status.name(), blankToNull(institution), blankToNull(q));
        return register.list(code, cycle, filter, page, size, caller);
    }

    @GetMapping("/themes")
    @Operation(summary = "The themes of the cycle's register with how many recommendations carry each")
    List<ThemeCount> themes(@PathVariable CountryCode code, @PathVariable int cycle,
            @AuthenticationPrincipal PlatformUser caller) {
        return register.themes(code, cycle, caller);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One recommendation; its ETag is the version an edit names in If-Match")
    ResponseEntity<Recommendation> get(@PathVariable CountryCode code, @PathVariable int cycle, @PathVariable UUID id,
            @AuthenticationPrincipal PlatformUser caller) {
        Recommendation recommendation = register.get(code, cycle, id, caller);
        return withVersion(200, recommendation).body(recommendation);
    }

    @GetMapping("/missing-positions")
    @Operation(summary = "How many recommendations still have no position (the positions task waits for 0)")
    MissingPositions missingPositions(@PathVariable CountryCode code, @PathVariable int cycle,
            @AuthenticationPrincipal PlatformUser caller) {
        return new MissingPositions(register.missingPositions(code, cycle, caller));
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Add a recommendation by hand", description = "The country's programme managers and admins.")
    ResponseEntity<Recommendation> create(@PathVariable CountryCode code, @PathVariable int cycle,
            @Valid @RequestBody RecommendationFields fields, @AuthenticationPrincipal PlatformUser caller) {
        Recommendation created = register.create(code, cycle, fields, caller);
        return withVersion(201, created).location(URI.create("/api/countries/" + created.countryCode() + "/cycles/" + cycle
                + "/recommendations/" + created.id())).body(created);
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    @Operation(summary = "Edit a recommendation",
            description = "The country's programme managers and admins. If-Match must carry the version that was "
                    + "read (its ETag); 409 when someone saved in between.")
    ResponseEntity<Recommendation> edit(@PathVariable CountryCode code, @PathVariable int cycle, @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody RecommendationFields fields, @AuthenticationPrincipal PlatformUser caller) {
        Recommendation edited = register.edit(code, cycle, id, Versions.required(ifMatch), fields,
                caller);
        return withVersion(200, edited).body(edited);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a recommendation entered by mistake",
            description = "The country's programme managers and admins. If-Match must carry the version that was "
                    + "read; 409 when someone saved in between, or when a row of the implementation matrix implements "
                    + "it (a final version is frozen; unlink it from a draft's row first).")
    ResponseEntity<Void> delete(@PathVariable CountryCode code, @PathVariable int cycle, @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal PlatformUser caller) {
        register.delete(code, cycle, id, Versions.required(ifMatch), caller);
        return ResponseEntity.noContent().build();
    }

    @PutMapping(path = "/{id}/position", consumes = "application/json")
    @Operation(summary = "Record the State's position (SUPPORTED, NOTED, or null for none yet)",
            description = "The country's government focal points, programme managers and admins. With If-Match, "
                    + "409 when someone saved in between.")
    ResponseEntity<Recommendation> setPosition(@PathVariable CountryCode code, @PathVariable int cycle, @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody PositionChange change, @AuthenticationPrincipal PlatformUser caller) {
        Recommendation changed = register.setPosition(code, cycle, id, change.position(),
                Versions.parse(ifMatch), caller);
        return withVersion(200, changed).body(changed);
    }

    private static ResponseEntity.BodyBuilder withVersion(int status, Recommendation recommendation) {
        return ResponseEntity.status(status).eTag(Versions.etag(recommendation.version()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
