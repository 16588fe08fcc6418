package org.uprflow.cycle;

import org.uprflow.shared.CountryCode;

/** Something addressed to a cycle of the country that was never opened on the platform: 404, nothing done. */
public class CycleNotFoundException extends RuntimeException {

    private final transient CountryCode country;
    private final int cycleNumber;

    CycleNotFoundException(CountryCode country, int cycleNumber) {
        super("No cycle " + cycleNumber + " of " + country);
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
