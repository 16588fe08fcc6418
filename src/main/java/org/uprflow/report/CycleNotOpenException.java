package org.uprflow.report;

import org.uprflow.shared.CountryCode;

/** The country (the caller's) has no such cycle on the platform: 404. */
class CycleNotOpenException extends RuntimeException {

    private final transient CountryCode country;
    private final int cycleNumber;

    CycleNotOpenException(CountryCode country, int cycleNumber) {
        super("No cycle " + cycleNumber + " of " + country);
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
