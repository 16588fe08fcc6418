package org.uprflow.cycle;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.uprflow.cycle.InvalidCycleException.Problem;

/**
 * A rule on a request to open a cycle, contributed by the feature that keeps part of it (the
 * meetings held before the platform). Runs before anything is started, beside the cycle's own rules.
 */
public interface CycleOpeningCheck {

    int MAX_LINK_LENGTH = 500;

    /** The problems by field (as the request names it, e.g. {@code meetingsHeld[0].heldOn}); empty when none. */
    Map<String, Problem> problems(OpenCycle request, LocalDate today);

    /**
     * The day something happened: not after today, and on its side of the review (before it for
     * the pre-session, on or after it for everything that follows the review).
     */
    static Problem dateProblem(LocalDate day, boolean afterReview, LocalDate review, LocalDate today) {
        if (day.isAfter(today)) {
            return Problem.of("cycle.opening.date-ahead", day, today);
        }
        if (afterReview && day.isBefore(review)) {
            return Problem.of("cycle.opening.date-before-review", day, review);
        }
        if (!afterReview && day.isAfter(review)) {
            return Problem.of("cycle.opening.date-after-review", day, review);
        }
        return null;
    }

    /** Every link an absolute http(s) URL of reasonable length. */
    static void linkProblems(String field, List<String> links, Map<String, Problem> problems) {
        for (int i = 0; i < links.size(); i++) {
            String link = links.get(i);
            if (link == null || !isWebLink(link.trim())) {
                problems.put(field + "[" + i + "]", Problem.of("cycle.opening.link", MAX_LINK_LENGTH));
            }
        }
    }

    private static boolean isWebLink(String link) {
        if (link.length() > MAX_LINK_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(link);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException notALink) {
            return false;
        }
    }
}

