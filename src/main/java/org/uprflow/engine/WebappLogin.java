package org.uprflow.engine;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Who is logged in to the Camunda webapps in this HTTP session (Tasklist's login, which the
 * platform's pages share, ADR 0005), with the tenants the login gave them. Read from the webapps'
 * own session attribute: to recheck at a Camunda upgrade.
 */
public record WebappLogin(String userId, List<String> tenantIds) {

    public static Optional<WebappLogin> in(HttpSession session, String engineName) {
        if (session == null) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        Authentication authentication = authentications == null ? null
                : authentications.getAuthenticationForProcessEngine(engineName);
        if (authentication == null) {
            return Optional.empty();
        }
        List<String> tenants = authentication instanceof UserAuthentication user && user.getTenantIds() != null
                ? List.copyOf(user.getTenantIds()) : List.of();
        return Optional.of(new WebappLogin(authentication.getName(), tenants));
    }
}
