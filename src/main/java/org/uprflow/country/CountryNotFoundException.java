package org.uprflow.country;

import org.springframework.http.HttpStatus;
import org.uprflow.web.ProblemException;
import org.uprflow.shared.CountryCode;

/** The country is not onboarded, or the caller is not a member of it: both answer 404, so nobody learns which. */
public class CountryNotFoundException extends ProblemException {

    private final CountryCode code;

    public CountryNotFoundException(CountryCode code) {
        super("Country not found: " + code, HttpStatus.NOT_FOUND, "problem.country.not-found.title",
                "problem.country.not-found.detail", code.upperCase());
        this.code = code;
    }

    public CountryCode code() {
        return code;
    }
}
