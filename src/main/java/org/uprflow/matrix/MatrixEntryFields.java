package org.uprflow.matrix;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.uprflow.recommendation.ImplementationStatus;

/** What the CSOs write in a row of the matrix. */
public record MatrixEntryFields(
        @Schema(description = "The thematic cluster, e.g. Women's rights") @NotBlank @Size(max = 200) String themeCluster,
        @Size(max = 2000) String goal,
        @Size(max = 4000) String actions,
        @Size(max = 4000) String indicators,
        @Schema(description = "The ministry or agency in charge") @Size(max = 300) String responsibleInstitution,
        @Schema(description = "e.g. 2025-2027") @Size(max = 200) String timeline,
        @Schema(description = "NOT_STARTED when left out") ImplementationStatus status,
        @Schema(description = "Recommendations of the same cycle this row implements")
        @Size(max = MAX_RECOMMENDATIONS) List<@NotNull UUID> recommendationIds,
        @Schema(description = "The same by their numbers in the register (added to recommendationIds)")
        @Size(max = MAX_RECOMMENDATIONS) List<@NotNull @Positive Integer> recommendationNumbers) {

    /** More than a review yields (Kenya: 319 in 2020), so one row can hold them all. */
    public static final int MAX_RECOMMENDATIONS = 1000;

    public MatrixEntryFields {
        status = status == null ? ImplementationStatus.NOT_STARTED : status;
        recommendationIds = recommendationIds == null ? List.of() : recommendationIds.stream().distinct().toList();
        recommendationNumbers = recommendationNumbers == null ? List.of()
                : recommendationNumbers.stream().distinct().toList();
    }

    /** The same row linked to exactly {@code ids}. */
    MatrixEntryFields withRecommendations(List<UUID> ids) {
        return new MatrixEntryFields(themeCluster, goal, actions, indicators, responsibleInstitution, timeline, status,
                ids, List.of());
    }
}
