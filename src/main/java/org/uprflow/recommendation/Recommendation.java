package org.uprflow.recommendation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A recommendation in the register. {@code version} is what an edit must name (If-Match). */
public record Recommendation(UUID id, String countryCode, int cycleNumber, int ordinal, Integer session, String text,
        String recommendingState, Position position, List<String> themes, List<String> affectedGroups,
        List<String> sdgTargets, Integer actionCategory, String sourceReference, int version,
        OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy) {
}
