package org.uprflow.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;

/** The bundles' texts in one caller's language, for a problem's properties ({@link ProblemException}). */
public final class ProblemWords {

    /** At most this many fields are named in one answer. */
    static final int MAX_LISTED = 20;
    static final String FIELDS_TITLE = "problem.validation.title";
    static final String FIELDS_DETAIL = "problem.validation.detail";

    private final MessageSource messages;
    private final Locale locale;

    ProblemWords(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** The bundle's text of {@code key} with its arguments. */
    public String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** The sentence of {@code key} naming the field ({0}, "the cycle number"), then the other arguments. */
    public String sentence(String field, String key, Object... arguments) {
        return new FieldSentences(messages).sentence(field, key, locale, arguments);
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
