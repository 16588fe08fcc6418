package org.uprflow.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A feature's refusal that carries its own answer: the HTTP status, the bundle keys of the problem's title and
 * detail with the detail's arguments, and the properties a client reads beside them (the field at fault,
 * {@code stale}, an import's {@code problems}). Thrown by the feature, worded in the caller's language by the one
 * generic path every {@link ErrorResponseException} takes (ApiProblemHandler's base,
 * {@code ResponseEntityExceptionHandler}, with the platform's bundles): the central handler knows no feature.
 */
public abstract class ProblemException extends ErrorResponseException {

    private final String titleKey;
    private final String message;

    /**
     * @param message   what the log says (English, for developers), as {@link RuntimeException#getMessage()}
     * @param detailKey the bundle key of the detail, worded with {@code arguments}
     */
    protected ProblemException(String message, HttpStatus status, String titleKey, String detailKey,
            Object... arguments) {
        super(status, ProblemDetail.forStatus(status), null, detailKey, arguments.clone());
        this.titleKey = titleKey;
        this.message = message;
    }

    @Override
    public String getTitleMessageCode() {
        return titleKey;
    }

    @Override
    public String getMessage() {
        return message;
    }

    /** Adds the properties beside title and detail, worded in the caller's language; none unless overridden. */
    protected void addProperties(ProblemDetail problem, ProblemWords words) {
    }

    @Override
    public ProblemDetail updateAndGetBody(MessageSource messages, Locale locale) {
        ProblemDetail problem = super.updateAndGetBody(messages, locale);
        if (messages != null) {
            // Spring's contract hands over the bundles only: one set of words for the whole answer
            addProperties(problem, new ProblemWords(new FieldSentences(messages), locale));
        }
        return problem;
    }
}
