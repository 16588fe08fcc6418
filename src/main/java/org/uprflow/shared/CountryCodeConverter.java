package org.uprflow.shared;

import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * String to type at the edge: a controller takes {@code @PathVariable CountryCode code} (or a parameter
 * {@code ?country=KE}) instead of converting by hand. Spring Boot adds every {@link Converter} bean to MVC's
 * conversion service. A value that is no ISO code fails the conversion with {@link UnknownCountryCodeException},
 * which web.ApiProblemHandler answers as a 400 naming the parameter; an empty parameter is no country (as with
 * Spring's own converters, an empty string converts to null).
 * <p>
 * It lives in the shared kernel beside {@link CountryCode} rather than in {@code web}: {@code web} is what every feature's refusals build on
 * ({@code ProblemException}), so it knows no feature.
 */
@Component
class CountryCodeConverter implements Converter<String, CountryCode> {

    static {
        // the API's description says what a caller sends: a two-letter code, not the record's fields
        SpringDocUtils.getConfig().replaceWithSchema(CountryCode.class,
                new StringSchema().pattern("[A-Za-z]{2}").example("KE"));
    }

    @Override
    public CountryCode convert(String value) {
        return value.isBlank() ? null : CountryCode.of(value);
    }
}
