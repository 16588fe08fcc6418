package org.uprflow.recommendation;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A recommendation in the register. {@code version} is what an edit must name (If-Match).
 * {@code reference} is the UN paragraph number ("136.1") when known; {@link #citation()} is how
 * the platform cites it everywhere: that number, else its number in the register.
 * {@code recommendingState} holds several States separated by "; " when several made it.
 */
public record Recommendation(UUID id, String countryCode, int cycleNumber, int ordinal, Integer session, String text,
        String recommendingState, Position position, List<String> themes, List<String> affectedGroups,
        List<String> sdgTargets, Integer actionCategory, String sourceReference, int version,
        OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy, String reference) {

    /** Without a paragraph number. */
    public Recommendation(UUID id, String countryCode, int cycleNumber, int ordinal, Integer session, String text,
            String recommendingState, Position position, List<String> themes, List<String> affectedGroups,
            List<String> sdgTargets, Integer actionCategory, String sourceReference, int version,
            OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy) {
        this(id, countryCode, cycleNumber, ordinal, session, text, recommendingState, position, themes, affectedGroups,
                sdgTargets, actionCategory, sourceReference, version, createdAt, createdBy, updatedAt, updatedBy, null);
    }

    /** The UN paragraph number, else the number in the register: "136.1" or "12". */
    @JsonProperty("citation")
    public String citation() {
        return reference != null ? reference : String.valueOf(ordinal);
    }

    /** The recommending States one by one. */
    @JsonProperty("recommendingStates")
    public List<String> recommendingStates() {
        return recommendingState == null ? List.of() : Arrays.stream(recommendingState.split(";")).map(String::strip)
                .filter(state -> !state.isEmpty()).toList();
    }
}
