package org.uprflow.security;

import java.util.Map;

/** A password change refused field by field (already in the user's language): 400. */
public class InvalidPasswordException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    InvalidPasswordException(Map<String, String> fieldErrors) {
        super("Password change refused: " + fieldErrors.keySet());
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
