package org.uprflow.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What a web slice's test checks of a refusal ({@link ApiSlice}): the problem+json body's parts. */
public final class ProblemBodies {

    private ProblemBodies() {
    }

    /** A problem+json answer of {@code status} titled {@code title}. */
    public static ResultMatcher problem(HttpStatus status, String title) {
        return ResultMatcher.matchAll(status().is(status.value()),
                content().contentType(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.title").value(title));
    }

    /** A problem+json answer of {@code status} with this title and detail. */
    public static ResultMatcher problem(HttpStatus status, String title, String detail) {
        return ResultMatcher.matchAll(problem(status, title), detail(detail));
    }

    /** The problem's detail. */
    public static ResultMatcher detail(String detail) {
        return jsonPath("$.detail").value(detail);
    }

    /** The sentence that {@code errors} gives the field (or parameter, or header) at fault. */
    public static ResultMatcher fieldError(String field, String sentence) {
        return jsonPath("$.errors['" + field + "']").value(sentence);
    }

    /** How many fields the refusal counts ({@code errorCount}), named or not. */
    public static ResultMatcher errorCount(int count) {
        return jsonPath("$.errorCount").value(count);
    }
}
