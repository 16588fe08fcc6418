package org.uprflow.security;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a user who must set their own password ({@link PasswordChanges}) at the door of every channel: on
 * {@code /api} and {@code /engine-rest} everything but who-am-I, the change itself and logging out is a 403
 * problem saying so; in the webapps their API is the same 403 and their pages (Tasklist, Cockpit, Admin) send
 * the browser to the page where the password is set. The webapps' own login stays open, so that the user can
 * log in to change it.
 */
final class PasswordChangeGate {

    /** The page where a held user sets their password. */
    static final String PAGE = "/password/";
    static final String CHANGE = "/api/session/password";
    /** What a held user may still call on /api, by method and path. */
    private static final Set<String> OPEN_TO_HELD_USERS = Set.of("GET /api/session", "POST " + CHANGE,
            "POST /api/session/logout");

    private PasswordChangeGate() {
    }

    /** For the {@code /api} and {@code /engine-rest} chain, once the caller is known. */
    static OncePerRequestFilter forApis(PasswordChanges changes, ProblemResponses problems) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                if (authentication != null && authentication.getPrincipal() instanceof PlatformUser user
                        && !OPEN_TO_HELD_USERS.contains(request.getMethod() + " " + request.getRequestURI())
                        && mustChange(authentication, user, changes)) {
                    problems.passwordChangeRequired(request, response);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** Read with the caller's login (PlatformAuthentication); asked here only for a caller authenticated otherwise. */
    private static boolean mustChange(Authentication authentication, PlatformUser user, PasswordChanges changes) {
        return authentication instanceof PlatformAuthentication known ? known.passwordChangeRequired()
                : changes.required(user.userId());
    }

    /**
     * For the Camunda webapps ({@code <webapp path>/*}): their API answers 403 and their pages lead to
     * {@value #PAGE}. Their static files pass unasked: only an app's page and the API cost a look-up.
     */
    static OncePerRequestFilter forWebapps(String webappPath, String engineName, PasswordChanges changes,
            ProblemResponses problems) {
        String api = webappPath + "/api/";
        String login = webappPath + "/api/admin/auth/";
        String apps = webappPath + "/app/";
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = request.getRequestURI();
                boolean apiCall = path.startsWith(api) && !path.startsWith(login);
                boolean appPage = path.startsWith(apps) && path.endsWith("/");
                if (apiCall || appPage) {
                    String userId = WebappSessionAuthenticationFilter.loggedInUser(request.getSession(false), engineName);
                    if (userId != null && changes.required(userId)) {
                        if (apiCall) {
                            problems.passwordChangeRequired(request, response);
                        } else {
                            response.sendRedirect(PAGE + "?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
                        }
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }
}
