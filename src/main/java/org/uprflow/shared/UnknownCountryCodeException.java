package org.uprflow.shared;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.uprflow.web.ProblemException;
import org.uprflow.web.ProblemWords;

/** A value that is not an ISO 3166-1 alpha-2 code: the request is wrong (400), not the country missing. */
public class UnknownCountryCodeException extends ProblemException {

    private static final String DETAIL = "problem.country.unknown-code.detail";

    private final String value;

    public UnknownCountryCodeException(String value) {
        super("Not an ISO 3166-1 alpha-2 country code: " + value, HttpStatus.BAD_REQUEST,
                "problem.country.unknown-code.title", DETAIL, value);
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** The field of a request body; a path variable or parameter is named by ApiProblemHandler instead. */
    @Override
    protected void addProperties(ProblemDetail problem, ProblemWords words) {
        problem.setProperty("errors", Map.of("code", words.text(DETAIL, value)));
    }
}
