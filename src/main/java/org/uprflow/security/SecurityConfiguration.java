package org.uprflow.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.uprflow.engine.EngineAuthentication;

/**
 * Two filter chains. Path-pattern matchers throughout: an MVC matcher never matches what the
 * Jersey servlet serves under {@code /engine-rest}, which would leave the engine's API open.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * No observation of every security filter, authentication and authorization: with the actuator's registry
     * Spring Security wrapped each of the chain's filters in an observation of its own and timed them, a cost paid
     * by every request (docs/benchmarks.md, REST completion). Requests stay measured as a whole
     * ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The Camunda webapps (Tasklist, Cockpit, Admin) authenticate and protect against CSRF on
     * their own, with a session login; their API answers 401 to anybody not logged in.
     */
    @Bean
    @Order(1)
    SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
        RequestMatcher webapps = new OrRequestMatcher(withDefaults().matcher("/camunda/**"),
                withDefaults().matcher("/"), withDefaults().matcher("/error"));
        return http.securityMatcher(webapps)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * The platform's own pages are static HTML, CSS and JavaScript (web.PagesConfiguration lists them) and
     * hold no data: anybody may load them, and everything they show comes from {@code /api}, which checks
     * the caller. Their texts ({@code GET /api/messages}) are needed before the login page can speak.
     */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        RequestMatcher pages = new OrRequestMatcher(
                withDefaults().matcher(HttpMethod.GET, "/login/**"), withDefaults().matcher(HttpMethod.GET, "/password/**"),
                withDefaults().matcher(HttpMethod.GET, "/register/**"),
                withDefaults().matcher(HttpMethod.GET, "/dashboard/**"), withDefaults().matcher(HttpMethod.GET, "/report/**"),
                withDefaults().matcher(HttpMethod.GET, "/ui/**"), withDefaults().matcher(HttpMethod.GET, "/webjars/**"),
                withDefaults().matcher(HttpMethod.GET, "/api/messages"), withDefaults().matcher(HttpMethod.GET, "/notifications/**"),
                withDefaults().matcher(HttpMethod.GET, "/home/**"),
                // Every browser asks for it on every page, logged in or not: an icon, never a login prompt.
                withDefaults().matcher(HttpMethod.GET, "/favicon.ico"),
                // A published report made public: no login, its random token is the key (report.PublicReportController).
                withDefaults().matcher(HttpMethod.GET, "/api/public/reports/**"),
                // The one-click unsubscribe link of a notice: no login, its random token is the key (GET, or POST per RFC 8058).
                withDefaults().matcher("/api/notifications/unsubscribe"));
        return http.securityMatcher(pages)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * Everything else, the engine's REST API and the platform's own {@code /api} first:
     * HTTP Basic against the engine's users, stateless, with the caller handed to the engine.
     * {@code /api} also accepts the session of the Camunda webapps' login, for the platform's pages.
     */
    @Bean
    @Order(3)
    SecurityFilterChain apis(HttpSecurity http, EngineIdentityAuthenticationProvider provider,
            EngineAuthentication engineAuthentication, ObjectMapper objectMapper, MessageSource messages,
            PasswordChanges passwordChanges, @Value("${camunda.bpm.process-engine-name:default}") String engineName) throws Exception {
        ProblemResponses problems = new ProblemResponses(objectMapper, messages);
        AuthenticationManager authenticationManager = new ProviderManager(provider);
        WebappSessionAuthenticationFilter webappSession = new WebappSessionAuthenticationFilter(
                withDefaults().matcher("/api/**"), engineName, provider, problems);
        return http
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(requests -> requests
                        // Deployments and identity changes are for admins, whatever the engine's
                        // authorizations say; reading stays with the engine's own checks.
                        .requestMatchers(withDefaults().matcher(HttpMethod.POST, "/engine-rest/deployment/**"))
                        .hasAuthority(EngineIdentityAuthenticationProvider.ROLE_ADMIN)
                        .requestMatchers(withDefaults().matcher(HttpMethod.DELETE, "/engine-rest/deployment/**"))
                        .hasAuthority(EngineIdentityAuthenticationProvider.ROLE_ADMIN)
                        .requestMatchers(new IdentityChangeMatcher())
                        .hasAuthority(EngineIdentityAuthenticationProvider.ROLE_ADMIN)
                        // Every task is a process's; deleting one is refused anyway, and refused before the tenant check
                        // it told another country's task (500) from a missing one (204). Admins only, one answer for all.
                        .requestMatchers(withDefaults().matcher(HttpMethod.DELETE, "/engine-rest/task/**"))
                        .hasAuthority(EngineIdentityAuthenticationProvider.ROLE_ADMIN)
                        // Suspending or activating jobs is operations' work; for anybody else the engine checked nothing
                        // when the id named no job and still wrote to its operation log (EngineIsolationMatrixIT).
                        .requestMatchers(new SuspensionMatcher())
                        .hasAuthority(EngineIdentityAuthenticationProvider.ROLE_ADMIN)
                        // Platform-wide totals (issue 16): admins only.
                        .requestMatchers(withDefaults().matcher("/engine-rest/metrics/**"))
                        .hasAuthority(EngineIdentityAuthenticationProvider.ROLE_ADMIN)
                        // The engine's operation log keeps operations outside any tenant (users, filters, their
                        // names): admins only; a programme manager reads a country's audit trail on /api.
                        .requestMatchers(withDefaults().matcher("/engine-rest/history/user-operation/**"))
                        .hasAuthority(EngineIdentityAuthenticationProvider.ROLE_ADMIN)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // No session of its own; a page's session is the webapps' login, which renews the session id
                // when it logs the user in. Renewing it again on every /api call would break the page's cookie.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                // Basic authentication carries no cookie, so nothing for a cross-site request to ride on; a
                // write with the session cookie must carry the session's token (WebappSessionAuthenticationFilter).
                .csrf(csrf -> csrf.disable())
                .addFilterAfter(webappSession, BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineIdentityFilter(engineAuthentication), WebappSessionAuthenticationFilter.class)
                // A user who must set their own password first gets nothing else (PasswordChanges).
                .addFilterBefore(PasswordChangeGate.forApis(passwordChanges, problems), EngineIdentityFilter.class)
                .build();
    }

    /** Suspending or activating jobs or job definitions, one or many, on /engine-rest and in the webapps' engine API. */
    static final class SuspensionMatcher implements RequestMatcher {
        private static final Pattern SUSPENSION = Pattern.compile(
                "/(job|job-definition)/([^/]+/)?suspended$");

        @Override
        public boolean matches(jakarta.servlet.http.HttpServletRequest request) {
            return "PUT".equals(request.getMethod()) && SUSPENSION.matcher(request.getRequestURI()).find();
        }
    }

    /** Any write to the engine's users, groups, tenants or authorizations. */
    private static final class IdentityChangeMatcher implements RequestMatcher {
        private final RequestMatcher identityPaths = new OrRequestMatcher(
                withDefaults().matcher("/engine-rest/user/**"), withDefaults().matcher("/engine-rest/group/**"),
                withDefaults().matcher("/engine-rest/tenant/**"), withDefaults().matcher("/engine-rest/authorization/**"));

        @Override
        public boolean matches(jakarta.servlet.http.HttpServletRequest request) {
            String method = request.getMethod();
            boolean write = !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
            return write && identityPaths.matches(request);
        }
    }
}
