package org.uprflow.country;

import java.util.Arrays;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.uprflow.web.ProblemException;
import org.uprflow.web.ProblemWords;

/**
 * What was asked clashes with what exists (a country onboarded twice, a group id already taken):
 * 409, and nothing of the request was written.
 */
public class IdentityConflictException extends ProblemException {

    private final String field;
    private final String messageKey;
    private final Object[] arguments;

    /**
     * @param field the request's field at fault ({@code code}, {@code userId}), so that a form can show the
     *              sentence next to it; null when no one field is
     */
    public IdentityConflictException(String field, String messageKey, Object... arguments) {
        super(messageKey + " " + Arrays.toString(arguments), HttpStatus.CONFLICT, "problem.identity.conflict.title",
                messageKey, arguments);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    @Override
    protected void addProperties(ProblemDetail problem, ProblemWords words) {
        if (field != null) {
            // the form shows it next to the field at fault
            problem.setProperty("errors", Map.of(field, words.text(messageKey, arguments)));
        }
    }
}
