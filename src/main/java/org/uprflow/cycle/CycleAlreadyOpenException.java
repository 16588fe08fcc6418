package org.uprflow.cycle;

/** The country's cycle with this number exists already: 409, nothing started. */
public class CycleAlreadyOpenException extends RuntimeException {

    private final String businessKey;

    public CycleAlreadyOpenException(String businessKey) {
        super("Cycle " + businessKey + " is already open");
        this.businessKey = businessKey;
    }

    public String businessKey() {
        return businessKey;
    }
}
