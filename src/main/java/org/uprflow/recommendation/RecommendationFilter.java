package org.uprflow.recommendation;

/**
 * Filters of the register; {@code null} means any. {@code position} NONE finds those still
 * without one; {@code status} and {@code responsibleInstitution} look at the cycle's latest matrix
 * version; {@code text} searches the paragraph number, the text and the recommending States, and
 * {@code theme} compares themes, ignoring case, accents and apostrophe styles ({@link Folding}).
 */
public record RecommendationFilter(String theme, PositionFilter position, String status,
        String responsibleInstitution, String text) {

    public static final RecommendationFilter ALL = new RecommendationFilter(null, null, null, null, null);

    public enum PositionFilter {
        SUPPORTED,
        NOTED,
        SUPPORTED_IN_PART,
        NONE
    }
}
