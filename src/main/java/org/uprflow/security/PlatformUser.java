package org.uprflow.security;

import java.util.Set;

/**
 * Who is calling: a user of the platform with the groups and countries (tenants) the identity
 * store gives them. Built once per authenticated request.
 */
public record PlatformUser(String userId, Set<String> groupIds, Set<String> countryCodes) {

    /** Camunda's built-in administrators group: sees and may do everything. */
    public static final String ADMIN_GROUP = "camunda-admin";
    /** The one global group of programme managers; each is a member of the countries they manage. */
    public static final String PROGRAMME_MANAGERS_GROUP = "programme-managers";

    public PlatformUser {
        groupIds = Set.copyOf(groupIds);
        countryCodes = Set.copyOf(countryCodes);
    }

    /** The platform acting on its own behalf (start-up tasks such as the demo data). */
    public static PlatformUser system(String name) {
        return new PlatformUser(name, Set.of(ADMIN_GROUP), Set.of());
    }

    public boolean isAdmin() {
        return groupIds.contains(ADMIN_GROUP);
    }

    public boolean isProgrammeManager() {
        return groupIds.contains(PROGRAMME_MANAGERS_GROUP);
    }

    /** Admins see every country; everybody else the countries they are a member of. */
    public boolean belongsTo(String countryCode) {
        return isAdmin() || countryCodes.contains(countryCode);
    }

    /** Onboarding countries and giving people roles is for admins and programme managers. */
    public boolean managesCountries() {
        return isAdmin() || isProgrammeManager();
    }

    public boolean manages(String countryCode) {
        return isAdmin() || (isProgrammeManager() && countryCodes.contains(countryCode));
    }
}
