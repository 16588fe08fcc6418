package org.uprflow.country;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.uprflow.security.PlatformUser;
import org.uprflow.shared.CountryCode;

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

    /** Whether the caller plays this role in the country; admins play every role, managers manage. */
    public boolean heldBy(PlatformUser caller, CountryCode country) {
        if (caller.isAdmin()) {
            return true;
        }
        return isCountryGroup() ? caller.groupIds().contains(groupId(country)) : caller.manages(country.value());
    }

    /**
     * Refuses (403) a caller who plays none of the roles in the country. Check membership first:
     * a country the caller does not belong to must answer 404, not this.
     */
    public static void requireAny(PlatformUser caller, CountryCode country, ParticipantRole... roles) {
        if (Arrays.stream(roles).noneMatch(role -> role.heldBy(caller, country))) {
            throw new AccessDeniedException(caller.userId() + " plays none of " + Arrays.toString(roles)
                    + " in " + country);
        }
    }

    /** The first of the roles the caller plays in the country, for the record of who wrote something. */
    public static Optional<ParticipantRole> firstHeld(PlatformUser caller, CountryCode country, ParticipantRole... roles) {
        return Arrays.stream(roles).filter(role -> role.heldBy(caller, country)).findFirst();
    }

    public static ParticipantRole parse(String raw) {
        return valueOf(raw.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
