package org.uprflow.country;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.media.Schema;

/** A country onboarded on the platform. */
public record Country(
        @Schema(description = "ISO 3166-1 alpha-2 code, upper case", example = "KE") String code,
        @Schema(description = "Name in English", example = "Kenya") String name,
        @Schema(description = "Tenant id in the engine (lower-case code)", example = "ke") String tenantId,
        OffsetDateTime onboardedAt,
        String onboardedBy,
        @Schema(description = "Working language: its participants' language unless they choose their own", example = "fr")
        String language) {
}
