package org.uprflow.report;

import org.springframework.http.HttpStatus;
import org.uprflow.web.ProblemException;
import org.uprflow.shared.CountryCode;

/** The country (the caller's) has no such cycle on the platform: 404. */
class CycleNotOpenException extends ProblemException {

    private final transient CountryCode country;
    private final int cycleNumber;

    CycleNotOpenException(CountryCode country, int cycleNumber) {
        super("No cycle " + cycleNumber + " of " + country, HttpStatus.NOT_FOUND, "problem.record.not-found.title",
                "problem.report.no-cycle.detail", country.upperCase(), cycleNumber);
        this.country = country;
        this.cycleNumber = cycleNumber;
    }

    CountryCode country() {
        return country;
    }

    int cycleNumber() {
        return cycleNumber;
    }
}
