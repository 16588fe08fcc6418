package org.uprflow.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
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
 * the shared database, so a role given on one node counts on every other at once. The three
 * lookups share one transaction (one connection, one commit) instead of one each
 * (docs/benchmarks.md).
 */
@Component
class EngineIdentityAuthenticationProvider implements AuthenticationProvider, TenantScope {

    static final String ROLE_ADMIN = "ROLE_ADMIN";
    static final String ROLE_PROGRAMME_MANAGER = "ROLE_PROGRAMME_MANAGER";

    private final IdentityService identityService;
    private final EngineAuthentication engineAuthentication;
    private final TransactionTemplate transaction;
    private final LoginThrottle throttle;

    EngineIdentityAuthenticationProvider(IdentityService identityService, EngineAuthentication engineAuthentication,
            PlatformTransactionManager transactions, LoginThrottle throttle) {
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
        LoginThrottle.Standing standing = throttle.standing(userId, address);
        if (!standing.waitFor().isZero()) {
            throw new LoginThrottledException(standing.waitFor());
        }
        PlatformUser user = engineAuthentication.asPlatform(() -> transaction.execute(
                status -> identityService.checkPassword(userId, password) ? load(userId) : null));
        if (user == null) {
            throttle.failed(userId, address);
            throw new BadCredentialsException("Wrong user name or password");
        }
        if (standing.userFailedBefore()) {
            throttle.succeeded(userId, address);
        }
        return authenticated(user);
    }

    /** A user whom the webapps' session login has already checked, with groups and countries read afresh. */
    Authentication authenticatedWithoutPassword(String userId) {
        return authenticated(engineAuthentication.asPlatform(() -> load(userId)));
    }

    private static Authentication authenticated(PlatformUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities(user));
    }

    private PlatformUser load(String userId) {
        Set<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).collect(Collectors.toSet());
        Set<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
                .list().stream().map(Tenant::getId).collect(Collectors.toSet());
        return PlatformUser.fromIdentityStore(userId, groups, tenants, ownTenants(userId, groups));
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
