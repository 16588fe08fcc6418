package org.uprflow.shared;

/** A value that is not an ISO 3166-1 alpha-2 code: the request is wrong (400), not the country missing. */
public class UnknownCountryCodeException extends RuntimeException {

    private final String value;

    public UnknownCountryCodeException(String value) {
        super("Not an ISO 3166-1 alpha-2 country code: " + value);
        this.value = value;
    }

    public String value() {
        return value;
    }
}
