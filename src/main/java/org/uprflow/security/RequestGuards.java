package org.uprflow.security;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests refused before anything reads them. Spring Security's firewall refuses an unnormalised path
 * too, but only after its path filter has failed on one with a 500 ({@code /login/../engine-rest/user}
 * reached the engine's servlet that way); this guard runs first, on every path, the webapps' included.
 */
@Configuration(proxyBeanMethods = false)
class RequestGuards {

    /** Segments and encodings that make a path mean something other than it says, and NUL. */
    private static final List<String> REFUSED_IN_PATH = List.of("/./", "/../", "//", ";", "\\", "%2e", "%2f",
            "%5c", "%25", "%00", "\0");

    /** A task of the webapps' engine API ({@code .../task/{id}}). */
    private static final Pattern TASK = Pattern.compile("/task/[^/]+$");
    /** The platform's own pages (web.PagesConfiguration). */
    private static final List<String> PAGES = List.of("/login/", "/register/", "/dashboard/", "/report/", "/password/");
    private static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestPathGuard(ObjectMapper objectMapper, MessageSource messages) {
        ProblemResponses problems = new ProblemResponses(objectMapper, messages);
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String refusal = refusal(request);
                if (refusal != null) {
                    problems.handle(request, response, new RequestRejectedException(refusal));
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Failed logins to the webapps slow their source down as those over HTTP Basic do. */
    @Bean
    FilterRegistrationBean<WebappLoginThrottleFilter> webappLoginThrottle(LoginThrottle throttle, ObjectMapper objectMapper,
            MessageSource messages) {
        FilterRegistrationBean<WebappLoginThrottleFilter> registration = new FilterRegistrationBean<>(
                new WebappLoginThrottleFilter(throttle, new ProblemResponses(objectMapper, messages)));
        registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * The platform's pages hold no inline script (their scripts are files of this origin), so a
     * Content-Security-Policy without 'unsafe-inline' for scripts holds them to it; styles stay open to
     * inline values, which the charts library writes. Every answer says to send no referrer elsewhere.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> pageHeaders() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                response.setHeader("Referrer-Policy", "same-origin");
                String path = request.getRequestURI();
                if (PAGES.stream().anyMatch(path::startsWith)) {
                    response.setHeader("Content-Security-Policy", PAGE_POLICY);
                }
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * What {@code /engine-rest} keeps for admins (SecurityConfiguration), in the webapps' engine API too: the engine's
     * metrics (platform-wide totals), the operation log (operations outside any tenant), deleting a task, suspending
     * or activating jobs. The webapps' session says who is logged in. An external task worker's fetch and lock is
     * not served there at all (404): it waits for tasks asynchronously, which the webapps' servlet and filters do
     * not support (a 500 for anyone before), and workers use {@code /engine-rest}.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> webappAdminOnly(EngineIdentityAuthenticationProvider identities,
            ObjectMapper objectMapper, MessageSource messages,
            @Value("${camunda.bpm.process-engine-name:default}") String engineName) {
        ProblemResponses problems = new ProblemResponses(objectMapper, messages);
        SecurityConfiguration.SuspensionMatcher suspensions = new SecurityConfiguration.SuspensionMatcher();
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = request.getRequestURI();
                // Anonymous callers go on to the webapps' own refusal (401), as on every other path.
                if (path.endsWith("/external-task/fetchAndLock")
                        && WebappSessionAuthenticationFilter.loggedInUser(request.getSession(false), engineName) != null) {
                    problems.notHere(request, response);
                    return;
                }
                boolean deletesTask = "DELETE".equals(request.getMethod()) && TASK.matcher(path).find();
                if (path.contains("/metrics") || path.contains("/history/user-operation") || deletesTask
                        || suspensions.matches(request)) {
                    String userId = WebappSessionAuthenticationFilter.loggedInUser(request.getSession(false), engineName);
                    boolean admin = userId != null && identities.authenticatedWithoutPassword(userId).getAuthorities()
                            .stream().anyMatch(a -> EngineIdentityAuthenticationProvider.ROLE_ADMIN.equals(a.getAuthority()));
                    if (!admin) {
                        problems.handle(request, response, new AccessDeniedException("For admins only"));
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        });
        // After Spring Session's filter: before it the session is not yet the shared one and nobody is logged in.
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        registration.addUrlPatterns("/camunda/api/engine/*");
        return registration;
    }

    /** No NUL character in the text of a JSON body for the engine's APIs (NulInEngineBodies). */
    @Bean
    FilterRegistrationBean<NulInEngineBodies> nulInEngineBodies(ObjectMapper objectMapper, MessageSource messages) {
        FilterRegistrationBean<NulInEngineBodies> registration = new FilterRegistrationBean<>(
                new NulInEngineBodies(objectMapper, new ProblemResponses(objectMapper, messages)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        return registration;
    }

    /** Tasklist, Cockpit and Admin hold a user who must set their own password first (PasswordChanges). */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> webappPasswordChangeGate(PasswordChanges changes, ObjectMapper objectMapper,
            MessageSource messages, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
            @Value("${camunda.bpm.process-engine-name:default}") String engineName) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(PasswordChangeGate.forWebapps(
                webappPath, engineName, changes, new ProblemResponses(objectMapper, messages)));
        // After Spring Session's filter (SessionRepositoryFilter.DEFAULT_ORDER): before it the session is not yet the shared one.
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        registration.addUrlPatterns(webappPath + "/*");
        return registration;
    }

    /** The firewall's own refusals (after the guard) get the same 400 problem, not a 500. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper objectMapper, MessageSource messages) {
        return new ProblemResponses(objectMapper, messages);
    }

    /** Why the request is refused, or null. */
    static String refusal(HttpServletRequest request) {
        String path = request.getRequestURI().toLowerCase(Locale.ROOT);
        if (path.endsWith("/.") || path.endsWith("/..") || REFUSED_IN_PATH.stream().anyMatch(path::contains)) {
            return "path not normalised";
        }
        String query = request.getQueryString();
        if (query != null && (query.contains("%00") || query.indexOf('\0') >= 0)) {
            // PostgreSQL cannot hold a NUL in text: a search for one would fail with a 500.
            return "NUL character in the query";
        }
        for (int i = 0; i < path.length(); i++) {
            if (Character.isISOControl(path.charAt(i))) {
                return "control character in the path";
            }
        }
        return null;
    }
}
