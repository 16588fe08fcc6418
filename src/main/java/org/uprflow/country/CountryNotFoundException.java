package org.uprflow.country;

import org.uprflow.shared.CountryCode;

/** The country is not onboarded, or the caller is not a member of it: both answer 404, so nobody learns which. */
public class CountryNotFoundException extends RuntimeException {

    private final CountryCode code;

    public CountryNotFoundException(CountryCode code) {
        super("Country not found: " + code);
        this.code = code;
    }

    public CountryCode code() {
        return code;
    }
}
