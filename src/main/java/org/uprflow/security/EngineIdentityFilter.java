package org.uprflow.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.uprflow.engine.EngineAuthentication;

/**
 * Hands the authenticated caller to the engine for the length of the request, so that
 * {@code /engine-rest} and {@code /api} see only the caller's countries and tasks.
 */
class EngineIdentityFilter extends OncePerRequestFilter {

    private final EngineAuthentication engineAuthentication;

    EngineIdentityFilter(EngineAuthentication engineAuthentication) {
        this.engineAuthentication = engineAuthentication;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof PlatformUser user)) {
            chain.doFilter(request, response);
            return;
        }
        engineAuthentication.set(user.userId(), user.groupIds(), user.countryCodes());
        try {
            chain.doFilter(request, response);
        } finally {
            engineAuthentication.clear();
        }
    }
}
