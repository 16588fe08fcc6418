package org.uprflow.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.uprflow.engine.WebappLogin;

/**
 * Lets the platform's pages call {@code /api} with the login the user already has in Tasklist: the
 * Camunda webapps keep it in the HTTP session (in the database, so every node sees it). Groups and
 * countries are read afresh for each request, as for HTTP Basic.
 *
 * <p>A session rides on a cookie that the browser sends on its own, so a write that relies on it must
 * also carry the session's token in {@value #CSRF_HEADER}, which only a page of this origin can read
 * (from {@code GET /api/session}).
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    static final String CSRF_HEADER = "X-XSRF-TOKEN";
    private static final String CSRF_SESSION_ATTRIBUTE = "UPRFLOW_CSRF_TOKEN";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RequestMatcher applicable;
    private final String engineName;
    private final EngineIdentityAuthenticationProvider identities;
    private final ProblemResponses problems;

    WebappSessionAuthenticationFilter(RequestMatcher applicable, String engineName,
            EngineIdentityAuthenticationProvider identities, ProblemResponses problems) {
        this.applicable = applicable;
        this.engineName = engineName;
        this.identities = identities;
        this.problems = problems;
    }

    /** The user id of the webapps' login in this session, or null. */
    static String loggedInUser(HttpSession session, String engineName) {
        return WebappLogin.in(session, engineName).map(WebappLogin::userId).orElse(null);
    }

    /** The session's token for writes, made on first use. */
    static String csrfToken(HttpSession session) {
        Object token = session.getAttribute(CSRF_SESSION_ATTRIBUTE);
        if (token instanceof String existing) {
            return existing;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String created = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.setAttribute(CSRF_SESSION_ATTRIBUTE, created);
        return created;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !applicable.matches(request) || SecurityContextHolder.getContext().getAuthentication() != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        String userId = loggedInUser(session, engineName);
        if (userId == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && !tokenMatches(session, request.getHeader(CSRF_HEADER))) {
            problems.handle(request, response, new AccessDeniedException("Missing or wrong " + CSRF_HEADER));
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(identities.authenticatedWithoutPassword(userId));
        chain.doFilter(request, response);
    }

    private static boolean tokenMatches(HttpSession session, String presented) {
        Object expected = session.getAttribute(CSRF_SESSION_ATTRIBUTE);
        return presented != null && expected instanceof String token
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
