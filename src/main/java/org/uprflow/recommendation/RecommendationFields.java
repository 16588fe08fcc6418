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
public record RecommendationFields(
        @Schema(description = "Working Group session, e.g. 35") @Positive Integer session,
        @NotBlank @Size(max = MAX_TEXT) String text,
        @Schema(description = "The State that made the recommendation") @NotBlank @Size(max = 200) String recommendingState,
        @Schema(description = "Empty while the State has not answered") Position position,
        @Size(max = MAX_TAGS) List<@NotBlank @Size(max = 200) String> themes,
        @Size(max = MAX_TAGS) List<@NotBlank @Size(max = 200) String> affectedGroups,
        @Schema(description = "SDG targets such as 5.2 or 16.a")
        @Size(max = MAX_TAGS) List<@Pattern(regexp = SDG_TARGET, message = "must be an SDG target such as 5.2 or 16.a") String> sdgTargets,
        @Schema(description = "1 (minimal action) to 5 (specific action)") @Min(1) @Max(5) Integer actionCategory,
        @Schema(description = "Where it comes from, e.g. A/HRC/29/10 para. 142.1") @Size(max = 500) String sourceReference) {

    public static final int MAX_TEXT = 8000;
    /** Themes, affected groups or SDG targets of one recommendation: UPR Info's database has fewer than 20. */
    public static final int MAX_TAGS = 50;
    public static final String SDG_TARGET = "(1[0-7]|[1-9])\\.([1-9][0-9]?|[a-z])";

    public RecommendationFields {
        themes = distinct(themes);
        affectedGroups = distinct(affectedGroups);
        sdgTargets = distinct(sdgTargets);
    }

    RecommendationFields withPosition(Position other) {
        return new RecommendationFields(session, text, recommendingState, other, themes, affectedGroups, sdgTargets,
                actionCategory, sourceReference);
    }

    /** The same fields with the lists in a fixed order, for comparing what a file says with what is stored. */
    RecommendationFields sorted() {
        return new RecommendationFields(session, text, recommendingState, position, themes.stream().sorted().toList(),
                affectedGroups.stream().sorted().toList(), sdgTargets.stream().sorted().toList(), actionCategory,
                sourceReference);
    }

    /**
     * What makes two recommendations of a cycle the same one: the text and the recommending State,
     * ignoring case and runs of white space. A re-import matches on it.
     */
    static String identity(String text, String recommendingState) {
        return normalised(text) + "\n" + normalised(recommendingState);
    }

    private static String normalised(String value) {
        // (?U): the no-break spaces of UN documents count as spaces too
        return value == null ? "" : value.strip().replaceAll("(?U)\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of()
                : values.stream().map(v -> v == null ? null : v.trim()).distinct().toList();
    }
}
