package org.uprflow.country;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

/** Request to onboard a country. */
record OnboardCountry(
        @NotBlank @Schema(description = "ISO 3166-1 alpha-2 code, either case", example = "KE") String code,
        @Schema(description = "The country's working language (GET /api/profile/language lists them); English if absent",
                example = "fr") String language) {
}
