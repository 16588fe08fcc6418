package org.uprflow.security;

import java.util.Set;

/**
 * Who is calling: a user of the platform with the groups and countries (tenants) the identity
 * store gives them, and the countries they manage. Built once per authenticated request by
 * {@link #fromIdentityStore}, the one rule that turns memberships into rights.
 */
public record PlatformUser(String userId, Set<String> groupIds, Set<String> countryCodes, Set<String> managedCountryCodes) {

    /** Camunda's built-in administrators group: sees and may do everything. */
    public static final String ADMIN_GROUP = "camunda-admin";
    /**
     * The one global group of programme managers: the candidate group of the managers' tasks and the
     * holder of their engine-wide authorizations. Which countries a member manages is their own tenant
     * membership (see {@link #fromIdentityStore}), never the group.
     */
    public static final String PROGRAMME_MANAGERS_GROUP = "programme-managers";

    public PlatformUser {
        groupIds = Set.copyOf(groupIds);
        countryCodes = Set.copyOf(countryCodes);
        managedCountryCodes = Set.copyOf(managedCountryCodes);
        if (!countryCodes.containsAll(managedCountryCodes)) {
            throw new IllegalArgumentException("A manager belongs to the countries she manages");
        }
    }

    /**
     * The rule for every channel ({@code /api}, {@code /engine-rest}, the pages): a programme manager
     * manages the countries she is a member of <em>in her own name</em> (the membership the manager role
     * gives); a role in a country through one of its groups (CSO, government, NHRI) never makes her its
     * manager. Since the managers' group holds engine-wide authorizations that only the tenant check
     * bounds, a manager works only in the countries she manages: a stray country role elsewhere is
     * ignored (granting one is refused, see country.RoleGrant).
     *
     * @param tenantsOfAnyRoute the user's tenants, her own and those of her groups
     * @param ownTenants        the tenants the user is a member of in her own name
     */
    public static PlatformUser fromIdentityStore(String userId, Set<String> groupIds, Set<String> tenantsOfAnyRoute,
            Set<String> ownTenants) {
        if (!groupIds.contains(PROGRAMME_MANAGERS_GROUP)) {
            return new PlatformUser(userId, groupIds, tenantsOfAnyRoute, Set.of());
        }
        return new PlatformUser(userId, groupIds, ownTenants, ownTenants);
    }

    /** The platform acting on its own behalf (start-up tasks such as the demo data). */
    public static PlatformUser system(String name) {
        return new PlatformUser(name, Set.of(ADMIN_GROUP), Set.of(), Set.of());
    }

    public boolean isAdmin() {
        return groupIds.contains(ADMIN_GROUP);
    }

    /** A manager of at least one country. */
    public boolean isProgrammeManager() {
        return groupIds.contains(PROGRAMME_MANAGERS_GROUP) && !managedCountryCodes.isEmpty();
    }

    /** Admins see every country; everybody else the countries they are a member of. */
    public boolean belongsTo(String countryCode) {
        return isAdmin() || countryCodes.contains(countryCode);
    }

    /** Onboarding new countries is for admins and programme managers. */
    public boolean managesCountries() {
        return isAdmin() || isProgrammeManager();
    }

    /** Admins manage every country, a programme manager the countries she was made manager of. */
    public boolean manages(String countryCode) {
        return isAdmin() || managedCountryCodes.contains(countryCode);
    }
}
