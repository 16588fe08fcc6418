package org.uprflow.shared;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * String to type at the edge: a controller takes {@code @PathVariable CountryCode code} (or a parameter
 * {@code ?country=KE}) instead of converting by hand. Spring Boot adds every {@link Converter} bean to MVC's
 * conversion service. A value that is no ISO code fails the conversion with {@link UnknownCountryCodeException},
 * which web.ApiProblemHandler answers as a 400 naming the parameter; an empty parameter is no country (as with
 * Spring's own converters, an empty string converts to null). The API's description shows such a parameter as the
 * string a caller sends, not as the record: springdoc describes a parameter by the source type of the converter to
 * its type (CountryApiIT pins it).
 * <p>
 * It lives in the shared kernel beside {@link CountryCode} rather than in {@code web}: {@code web} is what every feature's refusals build on
 * ({@code ProblemException}), so it knows no feature.
 */
@Component
class CountryCodeConverter implements Converter<String, CountryCode> {

    @Override
    public CountryCode convert(String value) {
        return value.isBlank() ? null : CountryCode.of(value);
    }
}
