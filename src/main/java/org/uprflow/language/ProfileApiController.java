package org.uprflow.language;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.uprflow.security.PlatformUser;

@RestController
@RequestMapping(path = "/api/profile/language", produces = "application/json")
@Tag(name = "Profile", description = "The caller's own settings")
class ProfileApiController {

    private final Languages languages;
    private final UserLanguages userLanguages;
    private final RequestLanguage requestLanguage;

    ProfileApiController(Languages languages, UserLanguages userLanguages, RequestLanguage requestLanguage) {
        this.languages = languages;
        this.userLanguages = userLanguages;
        this.requestLanguage = requestLanguage;
    }

    record LanguageChoice(
            @Schema(description = "The caller's own choice, or null: then the countries' working language, else the browser's",
                    example = "fr") String language) {
    }

    record LanguageSetting(String chosen, String countries, String effective, List<String> offered) {
    }

    @GetMapping
    @Operation(summary = "The caller's language: own choice, their countries' language and the one in effect")
    LanguageSetting language(@AuthenticationPrincipal PlatformUser caller, HttpServletRequest request) {
        return new LanguageSetting(userLanguages.chosen(caller.userId()).orElse(null),
                userLanguages.ofCountries(caller.countryCodes()).orElse(null), requestLanguage.language(request),
                languages.offered());
    }

    @PutMapping(consumes = "application/json")
    @Operation(summary = "Choose one's own language (Tasklist, forms, pages, e-mails, PDF)",
            description = "400 naming \"language\" for a language the platform does not offer; null forgets the choice.")
    LanguageSetting choose(@RequestBody LanguageChoice choice, @AuthenticationPrincipal PlatformUser caller,
            HttpServletRequest request) {
        if (choice.language() == null) {
            userLanguages.forget(caller.userId());
        } else {
            userLanguages.choose(caller.userId(), languages.require("language", choice.language()));
        }
        return language(caller, request);
    }

    @DeleteMapping
    @Operation(summary = "Forget one's own choice: the countries' language applies again")
    LanguageSetting forget(@AuthenticationPrincipal PlatformUser caller, HttpServletRequest request) {
        userLanguages.forget(caller.userId());
        return language(caller, request);
    }
}
