package org.uprflow.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A request refused field by field: 400 with the same body as Bean Validation's refusals (title, a detail that
 * joins the sentences, {@code errors} by field and {@code errorCount}), whichever feature found the fields wrong.
 */
public abstract class InvalidFieldsException extends ProblemException {

    protected InvalidFieldsException(String message) {
        super(message, HttpStatus.BAD_REQUEST, ProblemWords.FIELDS_TITLE, ProblemWords.FIELDS_DETAIL);
    }

    /** Field to its sentence in the caller's language, in the order the answer lists them. */
    protected abstract Map<String, String> errors(ProblemWords words);

    @Override
    protected final void addProperties(ProblemDetail problem, ProblemWords words) {
        words.describeFields(problem, errors(words));
    }
}
