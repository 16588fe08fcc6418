package org.uprflow.recommendation;

import java.util.Map;

/** Field by field, what is wrong with a request to the register or the matrix: 400. */
public class InvalidRegisterInputException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidRegisterInputException(Map<String, String> fieldErrors) {
        super("Invalid input: " + fieldErrors);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public static InvalidRegisterInputException of(String field, String problem) {
        return new InvalidRegisterInputException(Map.of(field, problem));
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
