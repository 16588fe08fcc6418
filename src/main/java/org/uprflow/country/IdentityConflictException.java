package org.uprflow.country;

import java.util.Arrays;

/**
 * What was asked clashes with what exists (a country onboarded twice, a group id already taken):
 * 409, and nothing of the request was written.
 */
public class IdentityConflictException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final Object[] arguments;

    /**
     * @param field the request's field at fault ({@code code}, {@code userId}), so that a form can show the
     *              sentence next to it; null when no one field is
     */
    public IdentityConflictException(String field, String messageKey, Object... arguments) {
        super(messageKey + " " + Arrays.toString(arguments));
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
}
