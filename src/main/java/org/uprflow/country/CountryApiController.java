package org.uprflow.country;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.uprflow.language.Languages;
import org.uprflow.security.PlatformUser;
import org.uprflow.shared.CountryCode;

@RestController
@RequestMapping(path = "/api/countries", produces = "application/json")
@Tag(name = "Countries", description = "Countries as tenants and the people who take part in each")
class CountryApiController {

    private final CountryDirectory directory;
    private final Languages languages;

    CountryApiController(CountryDirectory directory, Languages languages) {
        this.directory = directory;
        this.languages = languages;
    }

    @GetMapping
    @Operation(summary = "The countries the caller belongs to (all of them for an admin)")
    List<Country> list(@AuthenticationPrincipal PlatformUser caller) {
        return directory.visibleTo(caller);
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Onboard a country: tenant, role groups, authorizations and Tasklist filters",
            description = "Admins and programme managers. 400 for a code that is not ISO 3166-1 alpha-2, "
                    + "409 if the country is already onboarded.")
    ResponseEntity<Country> onboard(@Valid @RequestBody OnboardCountry request,
            @AuthenticationPrincipal PlatformUser caller) {
        CountryCode code = CountryCode.of(request.code());
        String language = request.language() == null ? languages.fallback() : languages.require("language", request.language());
        Country country = directory.onboard(code, language, caller);
        return ResponseEntity.created(URI.create("/api/countries/" + country.code())).body(country);
    }

    @GetMapping("/{code}")
    @Operation(summary = "One country; 404 if it is not onboarded or the caller does not belong to it")
    Country find(@PathVariable CountryCode code, @AuthenticationPrincipal PlatformUser caller) {
        return directory.find(code, caller);
    }

    @GetMapping("/{code}/participants")
    @Operation(summary = "The people with a role in the country")
    List<Participant> participants(@PathVariable CountryCode code, @AuthenticationPrincipal PlatformUser caller) {
        return directory.participants(code, caller);
    }

    @PostMapping(path = "/{code}/participants", consumes = "application/json")
    @Operation(summary = "Give a person a role in the country, creating the user if new",
            description = "The country's programme managers and admins. A new user needs firstName, lastName, "
                    + "email and password; an existing user is named by userId alone.")
    ResponseEntity<Participant> addParticipant(@PathVariable CountryCode code, @Valid @RequestBody NewParticipant request,
            @AuthenticationPrincipal PlatformUser caller) {
        Participant participant = directory.addParticipant(code, request, caller);
        return ResponseEntity.created(URI.create("/api/countries/" + code.upperCase() + "/participants"))
                .body(participant);
    }
}
