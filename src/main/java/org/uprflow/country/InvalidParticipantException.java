package org.uprflow.country;

import java.util.Map;

/**
 * Fields a new user needs and the request lacks: 400, field by field. Each field maps to the bundle key of its
 * sentence ({@code validation.required-new-user}), worded in the caller's language by the answer.
 */
public class InvalidParticipantException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidParticipantException(Map<String, String> fieldErrors) {
        super("Invalid participant: " + fieldErrors);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
