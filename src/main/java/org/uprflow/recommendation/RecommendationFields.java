package org.uprflow.recommendation;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** What a person or an import says about one recommendation; the same for a new one and an edit. */
record RecommendationFields(
        @Schema(description = "Working Group session, e.g. 35") @Positive Integer session,
        @NotBlank @Size(max = MAX_TEXT) String text,
        @Schema(description = "The State that made the recommendation") @NotBlank @Size(max = MAX_STATE) String recommendingState,
        @Schema(description = "Empty while the State has not answered") Position position,
        @Size(max = MAX_TAGS) List<@NotBlank @Size(max = MAX_TAG) String> themes,
        @Size(max = MAX_TAGS) List<@NotBlank @Size(max = MAX_TAG) String> affectedGroups,
        @Schema(description = "SDG targets such as 5.2 or 16.a")
        @Size(max = MAX_TAGS) List<@Pattern(regexp = SDG_TARGET, message = "must be an SDG target such as 5.2 or 16.a") String> sdgTargets,
        @Schema(description = "1 (minimal action) to 5 (specific action)") @Min(1) @Max(5) Integer actionCategory,
        @Schema(description = "Where it comes from, e.g. A/HRC/29/10") @Size(max = MAX_SOURCE) String sourceReference,
        @Schema(description = "The UN paragraph number, e.g. 136.1: shown wherever the recommendation is cited, "
                + "and what a re-import matches first") @Size(max = MAX_REFERENCE) String reference) {

    public static final int MAX_TEXT = 8000;
    public static final int MAX_REFERENCE = 20;
    /** The recommending State as a person types it; an import checks each State it joins against it. */
    public static final int MAX_STATE = 200;
    public static final int MAX_SOURCE = 500;
    /** One theme or affected group. */
    public static final int MAX_TAG = 200;
    /** Several recommending States of one recommendation, in one string. */
    public static final String STATE_SEPARATOR = "; ";
    /** Themes, affected groups or SDG targets of one recommendation: UPR Info's database has fewer than 20. */
    public static final int MAX_TAGS = 50;
    public static final String SDG_TARGET = "(1[0-7]|[1-9])\\.([1-9][0-9]?|[a-z])";

    public RecommendationFields {
        themes = distinct(themes);
        affectedGroups = distinct(affectedGroups);
        sdgTargets = distinct(sdgTargets);
        reference = reference == null || reference.isBlank() ? null : reference.strip();
    }

    /** Without a paragraph number (entered by hand, or an older caller). */
    public RecommendationFields(Integer session, String text, String recommendingState, Position position,
            List<String> themes, List<String> affectedGroups, List<String> sdgTargets, Integer actionCategory,
            String sourceReference) {
        this(session, text, recommendingState, position, themes, affectedGroups, sdgTargets, actionCategory,
                sourceReference, null);
    }

    RecommendationFields withPosition(Position other) {
        return new RecommendationFields(session, text, recommendingState, other, themes, affectedGroups, sdgTargets,
                actionCategory, sourceReference, reference);
    }

    RecommendationFields withReference(String other) {
        return new RecommendationFields(session, text, recommendingState, position, themes, affectedGroups, sdgTargets,
                actionCategory, sourceReference, other);
    }

    /** The same fields with the lists in a fixed order, for comparing what a file says with what is stored. */
    RecommendationFields sorted() {
        return new RecommendationFields(session, text, recommendingState, position, themes.stream().sorted().toList(),
                affectedGroups.stream().sorted().toList(), sdgTargets.stream().sorted().toList(), actionCategory,
                sourceReference, reference);
    }

    /**
     * What makes two recommendations of a cycle the same one when neither has a paragraph number:
     * the text and the recommending States (in any order), folded (case, accents, apostrophe
     * styles and runs of white space, the no-break spaces of UN documents included). A re-import
     * matches on it after the paragraph number.
     */
    static String identity(String text, String recommendingState) {
        String states = recommendingState == null ? "" : java.util.Arrays.stream(recommendingState.split(";"))
                .map(Folding::fold).filter(state -> !state.isEmpty()).sorted().distinct()
                .collect(java.util.stream.Collectors.joining(";"));
        return (text == null ? "" : Folding.fold(text)) + "\n" + states;
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of()
                : values.stream().map(v -> v == null ? null : v.trim()).distinct().toList();
    }
}
