package org.uprflow.security;

import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
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
 * throttle, the memberships and the first-login hold ({@link PasswordChanges}) are one plain statement
 * ({@link #CALLER}) rather than two statements and two or three engine queries, and it and the password share one
 * transaction (one connection, one commit) instead of one each (docs/benchmarks.md): the same rows, read afresh on
 * every request.
 */
@Component
class EngineIdentityAuthenticationProvider implements AuthenticationProvider, TenantScope {

    static final String ROLE_ADMIN = "ROLE_ADMIN";
    static final String ROLE_PROGRAMME_MANAGER = "ROLE_PROGRAMME_MANAGER";

    /**
     * Everything a request needs to know about its caller before and after the password, in one round trip: the
     * login throttle's rows of the caller's two sources ({@link LoginThrottle#standing(String, List, OffsetDateTime)}),
     * whether she must change her password first ({@link PasswordChanges}), her groups, and the tenants she is a
     * member of in her own name ({@code own}) or through one of her groups. What the engine's
     * {@code createGroupQuery().groupMember(id)} and {@code createTenantQuery().userMember(id).includingGroupsOfUser(true)}
     * (and {@code userMember(id)} alone) read, without their joins to the group, user and tenant tables, which the
     * engine's foreign keys make redundant ({@code ACT_FK_MEMB_GROUP}, {@code ACT_FK_TENANT_MEMB}...): the engine's
     * queries were a command each, with MyBatis' dynamic SQL, and the throttle and the hold a statement each, on
     * every request (docs/benchmarks.md, issue 15). Read before the password is checked: a wrong password throws the
     * rest away.
     */
    static final String CALLER = """
            select 'throttle' as kind, source as id, blocked_until from login_throttle where source in (?, ?)
            union all
            select 'password change required', user_id, null from password_change_required where user_id = ?
            union all
            select 'group', group_id_, null from act_id_membership where user_id_ = ?
            union all
            select case when user_id_ = ? then 'own' else 'through a group' end, tenant_id_, null
              from act_id_tenant_member
             where user_id_ = ? or group_id_ in (select group_id_ from act_id_membership where user_id_ = ?)""";

    private final IdentityService identityService;
    private final EngineAuthentication engineAuthentication;
    private final TransactionTemplate transaction;
    private final LoginThrottle throttle;
    private final JdbcTemplate jdbc;

    EngineIdentityAuthenticationProvider(IdentityService identityService, EngineAuthentication engineAuthentication,
            PlatformTransactionManager transactions, LoginThrottle throttle, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.throttle = throttle;
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
        // The throttle, the memberships and the first-login hold in one statement, the password in the engine, both
        // in one transaction: one connection and one commit for everything a request needs to know about its caller.
        Login login = engineAuthentication.asPlatform(() -> transaction.execute(status -> {
            Caller caller = read(userId, address);
            if (!caller.standing().waitFor().isZero()) {
                throw new LoginThrottledException(caller.standing().waitFor());
            }
            return new Login(caller.standing(),
                    identityService.checkPassword(userId, password) ? caller.authentication() : null);
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
        return engineAuthentication.asPlatform(() -> transaction.execute(status -> read(userId, null).authentication()));
    }

    /** The caller as the throttle (at her address; none without), identity store and first-login hold have her now. */
    private record Caller(LoginThrottle.Standing standing, PlatformAuthentication authentication) {
    }

    /** {@link #CALLER}, inside the caller's transaction. */
    private Caller read(String userId, String address) {
        String ofUser = address == null ? null : LoginThrottle.ofUser(userId, address);
        String ofAddress = address == null ? null : LoginThrottle.ofAddress(address);
        List<LoginThrottle.Row> throttles = new ArrayList<>();
        Set<String> groups = new HashSet<>();
        Set<String> tenants = new HashSet<>();
        Set<String> ownTenants = new HashSet<>();
        boolean[] passwordChangeRequired = {false};
        jdbc.query(CALLER, row -> {
            String id = row.getString(2);
            switch (row.getString(1)) {
                case "throttle" -> throttles.add(new LoginThrottle.Row(id, row.getObject(3, OffsetDateTime.class)));
                case "password change required" -> passwordChangeRequired[0] = true;
                case "group" -> groups.add(id);
                case "own" -> {
                    tenants.add(id);
                    ownTenants.add(id);
                }
                default -> tenants.add(id);
            }
        }, source(ofUser), source(ofAddress), userId, userId, userId, userId, userId);
        PlatformUser user = PlatformUser.fromIdentityStore(userId, groups, tenants, ownTenants);
        return new Caller(LoginThrottle.standing(ofUser, throttles, throttle.now()),
                new PlatformAuthentication(user, authorities(user), passwordChangeRequired[0]));
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

    /** Typed, so that a null costs the driver no look-up of the parameter's type. */
    private static SqlParameterValue source(String source) {
        return new SqlParameterValue(Types.VARCHAR, source);
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
