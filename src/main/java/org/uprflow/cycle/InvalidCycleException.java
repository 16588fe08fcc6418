package org.uprflow.cycle;

import java.util.Map;

/** Field by field, what is wrong with a request to open a cycle: 400. */
public class InvalidCycleException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidCycleException(Map<String, String> fieldErrors) {
        super("Invalid cycle: " + fieldErrors);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
