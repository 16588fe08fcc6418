package org.uprflow.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The bundles' texts in one caller's language, for one answer: a problem's title and detail, and the properties a
 * feature adds ({@link ProblemException}). Made once per answer, as the answer's language is; the field sentences'
 * rules ({@link FieldSentences}) are shared.
 */
public final class ProblemWords {

    /** At most this many fields are named in one answer. */
    static final int MAX_LISTED = 20;
    static final String FIELDS_TITLE = "problem.validation.title";
    static final String FIELDS_DETAIL = "problem.validation.detail";

    private final FieldSentences sentences;
    private final Locale locale;

    ProblemWords(FieldSentences sentences, Locale locale) {
        this.sentences = sentences;
        this.locale = locale;
    }

    /** The bundle's text of {@code key} with its arguments. */
    public String text(String key, Object... arguments) {
        return sentences.text(key, locale, arguments);
    }

    /** The bundle's text of {@code key}, or {@code otherwise} where the bundles have none. */
    String textOr(String key, String otherwise) {
        return sentences.textOr(key, otherwise, locale);
    }

    /** The sentence of {@code key} naming the field ({0}, "the cycle number"), then the other arguments. */
    public String sentence(String field, String key, Object... arguments) {
        return sentences.sentence(field, key, locale, arguments);
    }

    /** Bean Validation's verdict on {@code field} as a sentence naming it ({@link FieldSentences}). */
    String sentence(String field, MessageSourceResolvable error, Object rejected) {
        return sentences.sentence(field, error, rejected, locale);
    }

    /** A problem of {@code status} with the title and detail of these keys. */
    ProblemDetail problem(HttpStatus status, String titleKey, String detailKey) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(detailKey));
        problem.setTitle(text(titleKey));
        return problem;
    }

    /**
     * Names the first {@value #MAX_LISTED} fields and counts them all ({@code errorCount}): a list of
     * 100,000 invalid themes must not become an answer 100,000 lines long.
     */
    void describeFields(ProblemDetail problem, Map<String, String> errors) {
        Map<String, String> listed = errors.entrySet().stream().limit(MAX_LISTED)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        problem.setTitle(text(FIELDS_TITLE));
        problem.setDetail(text(FIELDS_DETAIL, errors.size(), String.join(" ", listed.values())));
        problem.setProperty("errors", listed);
        problem.setProperty("errorCount", errors.size());
    }
}
