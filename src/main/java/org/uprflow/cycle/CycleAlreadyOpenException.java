package org.uprflow.cycle;

import org.springframework.http.HttpStatus;
import org.uprflow.web.ProblemException;

/** The country's cycle with this number exists already: 409, nothing started. */
public class CycleAlreadyOpenException extends ProblemException {

    private final String businessKey;

    public CycleAlreadyOpenException(String businessKey) {
        super("Cycle " + businessKey + " is already open", HttpStatus.CONFLICT, "problem.cycle.duplicate.title",
                "problem.cycle.duplicate.detail", businessKey);
        this.businessKey = businessKey;
    }

    public String businessKey() {
        return businessKey;
    }
}
