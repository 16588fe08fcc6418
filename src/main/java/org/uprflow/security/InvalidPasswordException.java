package org.uprflow.security;

import java.util.Map;

import org.uprflow.web.InvalidFieldsException;
import org.uprflow.web.ProblemWords;

/** A password change refused field by field (already in the user's language): 400. */
public class InvalidPasswordException extends InvalidFieldsException {

    private final Map<String, String> fieldErrors;

    InvalidPasswordException(Map<String, String> fieldErrors) {
        super("Password change refused: " + fieldErrors.keySet());
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    @Override
    protected Map<String, String> errors(ProblemWords words) {
        return fieldErrors;
    }
}
