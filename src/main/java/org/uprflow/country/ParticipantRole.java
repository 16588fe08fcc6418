package org.uprflow.country;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The part someone plays in a country's cycle. Country roles are groups of that country
 * ({@code ke-cso}); programme managers are one global group whose members belong to the countries
 * they manage.
 */
public enum ParticipantRole {
    CSO("cso"),
    GOVERNMENT("government"),
    NHRI("nhri"),
    PROGRAMME_MANAGER("programme-manager");

    private final String key;

    ParticipantRole(String key) {
        this.key = key;
    }

    /** The message-bundle key of the role's name on screen. */
    public String messageKey() {
        return "country.role." + key;
    }

    public boolean isCountryGroup() {
        return this != PROGRAMME_MANAGER;
    }

    /** {@code ke-cso}, {@code ke-government}, {@code ke-nhri}. */
    public String groupId(CountryCode country) {
        if (!isCountryGroup()) {
            throw new IllegalStateException(this + " is a global group");
        }
        return country.value() + "-" + key;
    }

    /** The country role a group id stands for, if it is one of this country's role groups. */
    public static Optional<ParticipantRole> ofGroup(CountryCode country, String groupId) {
        return Arrays.stream(values()).filter(ParticipantRole::isCountryGroup)
                .filter(role -> role.groupId(country).equals(groupId)).findFirst();
    }

    public static ParticipantRole parse(String raw) {
        return valueOf(raw.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
