package org.uprflow.shared;

import java.util.Locale;
import java.util.Set;

/**
 * An ISO 3166-1 alpha-2 country code, kept in lower case because it is also the country's tenant
 * id and the prefix of its group ids ({@code ke}, {@code ke-cso}).
 */
public record CountryCode(String value) {

    private static final Set<String> ISO_CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    public CountryCode {
        if (value == null || !value.matches("[a-z]{2}") || !ISO_CODES.contains(value.toUpperCase(Locale.ROOT))) {
            throw new UnknownCountryCodeException(value);
        }
    }

    /** Accepts {@code KE}, {@code ke} or {@code " Ke "}; anything that is no ISO code is refused. */
    public static CountryCode of(String raw) {
        if (raw == null) {
            throw new UnknownCountryCodeException(null);
        }
        String trimmed = raw.trim();
        if (!trimmed.matches("[A-Za-z]{2}")) {
            throw new UnknownCountryCodeException(raw);
        }
        return new CountryCode(trimmed.toLowerCase(Locale.ROOT));
    }

    public String upperCase() {
        return value.toUpperCase(Locale.ROOT);
    }

    /** The country's name in the given language, from the JDK's locale data: "Kenya", "Malawi". */
    public String displayName(Locale language) {
        return new Locale("", upperCase()).getDisplayCountry(language);
    }

    @Override
    public String toString() {
        return value;
    }
}
