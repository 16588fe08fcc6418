package org.uprflow.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.uprflow.engine.EngineAuthentication;
import org.uprflow.engine.TenantScope;

/**
 * Checks a user name and password against Camunda's identity store (the same users as Tasklist)
 * and loads the user's groups and countries. Nothing is cached: a node serves each request from
 * the shared database, so a role given on one node counts on every other at once. The login
 * throttle, the three lookups and the first-login hold ({@link PasswordChanges}) share one
 * transaction (one connection, one commit) instead of one each (docs/benchmarks.md). The memberships are one
 * plain statement on the engine's identity tables ({@link #MEMBERSHIPS}) rather than two or three engine queries:
 * the same rows, read afresh on every request.
 */
@Component
class EngineIdentityAuthenticationProvider implements AuthenticationProvider, TenantScope {

    static final String ROLE_ADMIN = "ROLE_ADMIN";
    static final String ROLE_PROGRAMME_MANAGER = "ROLE_PROGRAMME_MANAGER";

    /**
     * A user's groups, and the tenants she is a member of in her own name ({@code own}) or through one of her groups,
     * in one round trip. What the engine's {@code createGroupQuery().groupMember(id)} and
     * {@code createTenantQuery().userMember(id).includingGroupsOfUser(true)} (and {@code userMember(id)} alone) read,
     * without their joins to the group, user and tenant tables, which the engine's foreign keys make redundant
     * ({@code ACT_FK_MEMB_GROUP}, {@code ACT_FK_TENANT_MEMB}...): the engine's queries were a command each, with
     * MyBatis' dynamic SQL, on every request (docs/benchmarks.md, issue 15).
     */
    static final String MEMBERSHIPS = """
            select 'group' as kind, group_id_ as id from act_id_membership where user_id_ = ?
            union all
            select case when user_id_ = ? then 'own' else 'through a group' end, tenant_id_ from act_id_tenant_member
             where user_id_ = ? or group_id_ in (select group_id_ from act_id_membership where user_id_ = ?)""";

    private final IdentityService identityService;
    private final EngineAuthentication engineAuthentication;
    private final TransactionTemplate transaction;
    private final LoginThrottle throttle;
    private final PasswordChanges passwordChanges;
    private final JdbcTemplate jdbc;

    EngineIdentityAuthenticationProvider(IdentityService identityService, EngineAuthentication engineAuthentication,
            PlatformTransactionManager transactions, LoginThrottle throttle, PasswordChanges passwordChanges,
            JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.throttle = throttle;
        this.passwordChanges = passwordChanges;
        this.identityService = identityService;
        this.engineAuthentication = engineAuthentication;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || !(credentials instanceof String password) || password.isEmpty()) {
            throw new BadCredentialsException("User name and password are required");
        }
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        // The throttle, the password, the memberships and the first-login hold in one transaction: one connection
        // and one commit for everything a request needs to know about its caller (docs/benchmarks.md).
        Login login = engineAuthentication.asPlatform(() -> transaction.execute(status -> {
            LoginThrottle.Standing standing = throttle.standing(userId, address);
            if (!standing.waitFor().isZero()) {
                throw new LoginThrottledException(standing.waitFor());
            }
            return new Login(standing, identityService.checkPassword(userId, password) ? load(userId) : null);
        }));
        if (login.caller() == null) {
            throttle.failed(userId, address);
            throw new BadCredentialsException("Wrong user name or password");
        }
        if (login.standing().userFailedBefore()) {
            throttle.succeeded(userId, address);
        }
        return login.caller();
    }

    /** Where the source stood before it tried, and the caller if the password was right. */
    private record Login(LoginThrottle.Standing standing, PlatformAuthentication caller) {
    }

    /** A user whom the webapps' session login has already checked, with groups and countries read afresh. */
    Authentication authenticatedWithoutPassword(String userId) {
        return engineAuthentication.asPlatform(() -> transaction.execute(status -> load(userId)));
    }

    /** The caller as the identity store and the first-login hold have them now; inside the caller's transaction. */
    private PlatformAuthentication load(String userId) {
        Set<String> groups = new HashSet<>();
        Set<String> tenants = new HashSet<>();
        Set<String> ownTenants = new HashSet<>();
        jdbc.query(MEMBERSHIPS, row -> {
            String id = row.getString(2);
            switch (row.getString(1)) {
                case "group" -> groups.add(id);
                case "own" -> {
                    tenants.add(id);
                    ownTenants.add(id);
                }
                default -> tenants.add(id);
            }
        }, userId, userId, userId, userId);
        PlatformUser user = PlatformUser.fromIdentityStore(userId, groups, tenants, ownTenants);
        return new PlatformAuthentication(user, authorities(user), passwordChanges.required(userId));
    }

    /** Only a manager's own memberships matter (PlatformUser.fromIdentityStore); nobody else pays the query. */
    private Set<String> ownTenants(String userId, Set<String> groups) {
        return !groups.contains(PlatformUser.PROGRAMME_MANAGERS_GROUP) ? Set.of()
                : identityService.createTenantQuery().userMember(userId).list().stream().map(Tenant::getId)
                        .collect(Collectors.toSet());
    }

    /** The same rule for the identities the Camunda webapps set for their logged-in users. */
    @Override
    public List<String> tenantsOf(String userId, List<String> groupIds, List<String> tenantIds) {
        Set<String> groups = Set.copyOf(groupIds);
        return List.copyOf(PlatformUser.fromIdentityStore(userId, groups, Set.copyOf(tenantIds),
                ownTenants(userId, groups)).countryCodes());
    }

    private static List<GrantedAuthority> authorities(PlatformUser user) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
        if (user.isAdmin()) {
            authorities.add(new SimpleGrantedAuthority(ROLE_ADMIN));
        }
        if (user.isProgrammeManager()) {
            authorities.add(new SimpleGrantedAuthority(ROLE_PROGRAMME_MANAGER));
        }
        return authorities;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
