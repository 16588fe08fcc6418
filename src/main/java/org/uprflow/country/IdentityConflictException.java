package org.uprflow.country;

import java.util.Arrays;

/**
 * What was asked clashes with what exists (a country onboarded twice, a group id already taken):
 * 409, and nothing of the request was written.
 */
public class IdentityConflictException extends RuntimeException {

    private final String messageKey;
    private final Object[] arguments;

    public IdentityConflictException(String messageKey, Object... arguments) {
        super(messageKey + " " + Arrays.toString(arguments));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
