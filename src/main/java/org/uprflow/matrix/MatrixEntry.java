package org.uprflow.matrix;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.uprflow.recommendation.ImplementationStatus;

/**
 * A row of the matrix in one version. {@code key} names the same row in every version (progress
 * notes and comparisons use it); {@code version} is what an edit names in If-Match.
 * {@code recommendationNumbers} are the register's numbers (ordinals) of {@code recommendationIds},
 * in order, as people name them.
 */
public record MatrixEntry(UUID key, int matrixVersion, String themeCluster, String goal, String actions,
        String indicators, String responsibleInstitution, String timeline, ImplementationStatus status,
        List<UUID> recommendationIds, List<Integer> recommendationNumbers, int version, OffsetDateTime updatedAt,
        String updatedBy) {
}
