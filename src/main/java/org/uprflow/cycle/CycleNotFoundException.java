package org.uprflow.cycle;

import org.springframework.http.HttpStatus;
import org.uprflow.web.ProblemException;
import org.uprflow.shared.CountryCode;

/** Something addressed to a cycle of the country that was never opened on the platform: 404, nothing done. */
public class CycleNotFoundException extends ProblemException {

    private final transient CountryCode country;
    private final int cycleNumber;

    CycleNotFoundException(CountryCode country, int cycleNumber) {
        super("No cycle " + cycleNumber + " of " + country, HttpStatus.NOT_FOUND, "problem.record.not-found.title",
                "problem.report.no-cycle.detail", country.upperCase(), cycleNumber);
        this.country = country;
        this.cycleNumber = cycleNumber;
    }

    public CountryCode country() {
        return country;
    }

    public int cycleNumber() {
        return cycleNumber;
    }
}
