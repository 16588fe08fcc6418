package org.uprflow.matrix;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.uprflow.recommendation.ImplementationStatus;

/**
 * A row of the matrix in one version. {@code key} names the same row in every version (progress
 * notes and comparisons use it); {@code version} is what an edit names in If-Match.
 * {@code recommendationNumbers} are the register's numbers (ordinals) of {@code recommendationIds},
 * in order, as people name them; {@code recommendationCitations} the same as the platform cites
 * them: the UN paragraph number ("136.1") where the register has it, else the number.
 */
public record MatrixEntry(UUID key, int matrixVersion, String themeCluster, String goal, String actions,
        String indicators, String responsibleInstitution, String timeline, ImplementationStatus status,
        List<UUID> recommendationIds, List<Integer> recommendationNumbers, int version, OffsetDateTime updatedAt,
        String updatedBy, List<String> recommendationCitations) {

    /** Cited by their numbers in the register (a row being written, before its recommendations are read). */
    public MatrixEntry(UUID key, int matrixVersion, String themeCluster, String goal, String actions,
            String indicators, String responsibleInstitution, String timeline, ImplementationStatus status,
            List<UUID> recommendationIds, List<Integer> recommendationNumbers, int version, OffsetDateTime updatedAt,
            String updatedBy) {
        this(key, matrixVersion, themeCluster, goal, actions, indicators, responsibleInstitution, timeline, status,
                recommendationIds, recommendationNumbers, version, updatedAt, updatedBy,
                recommendationNumbers.stream().map(String::valueOf).toList());
    }
}
