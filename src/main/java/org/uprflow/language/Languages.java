package org.uprflow.language;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The languages the platform speaks: one configured list ({@code uprflow.languages.offered}), the
 * first of which is the fallback. Adding a language is a line of configuration and its bundles
 * ({@code messages_xx}, {@code i18n/*_xx}); {@code LanguageBundlesTest} fails until every text exists.
 */
@Component
public class Languages {

    private final List<String> offered;
    private final MessageSource messages;

    Languages(@Value("${uprflow.languages.offered:en,fr,es}") List<String> offered, MessageSource messages) {
        this.offered = offered.stream().map(language -> language.trim().toLowerCase(Locale.ROOT)).toList();
        this.messages = messages;
        if (this.offered.isEmpty()) {
            throw new IllegalStateException("uprflow.languages.offered names no language");
        }
    }

    public List<String> offered() {
        return offered;
    }

    /** The language every text exists in, used when another has none. */
    public String fallback() {
        return offered.get(0);
    }

    /** The language as stored (lower case), or 400 naming the field when the platform does not speak it. */
    public String require(String field, String value) {
        String language = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (!offered.contains(language)) {
            throw new UnknownLanguageException(field, value, offered, messages);
        }
        return language;
    }

    /** The first of the browser's languages (best first) that the platform speaks, if any. */
    Optional<String> firstOffered(Collection<Locale> browser) {
        return browser.stream().map(Locale::getLanguage).filter(offered::contains).findFirst();
    }

    /** 400: a language the platform does not offer, the field named, the sentence in the caller's language. */
    static final class UnknownLanguageException extends ErrorResponseException {

        UnknownLanguageException(String field, String value, List<String> offered, MessageSource messages) {
            super(HttpStatus.BAD_REQUEST, problem(field, value, offered, messages), null);
        }

        private static ProblemDetail problem(String field, String value, List<String> offered, MessageSource messages) {
            Locale locale = LocaleContextHolder.getLocale();
            String detail = messages.getMessage("problem.language.unknown.detail",
                    new Object[] {String.valueOf(value), String.join(", ", offered)}, locale);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
            problem.setTitle(messages.getMessage("problem.language.unknown.title", null, locale));
            problem.setProperty("errors", Map.of(field, detail));
            return problem;
        }
    }
}
