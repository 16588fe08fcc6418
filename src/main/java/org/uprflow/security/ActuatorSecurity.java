package org.uprflow.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The actuator: liveness and readiness answer anybody (a load balancer or an orchestrator has no
 * login), and write nothing: no session, no cookie, so a probe every few seconds leaves no row in
 * {@code spring_session}. Their body says UP or DOWN only; the components' details and every other
 * endpoint (metrics, Prometheus, info, the health of each part) are for admins, over HTTP Basic,
 * since the metrics count each country's work.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain actuator(HttpSecurity http, EngineIdentityAuthenticationProvider provider,
            ObjectMapper objectMapper, MessageSource messages) throws Exception {
        ProblemResponses problems = new ProblemResponses(objectMapper, messages);
        return http.securityMatcher(withDefaults().matcher("/actuator/**"))
                .authenticationManager(new ProviderManager(provider))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(new OrRequestMatcher(
                                withDefaults().matcher(HttpMethod.GET, "/actuator/health"),
                                withDefaults().matcher(HttpMethod.GET, "/actuator/health/liveness"),
                                withDefaults().matcher(HttpMethod.GET, "/actuator/health/readiness")))
                        .permitAll()
                        .anyRequest().hasAuthority(EngineIdentityAuthenticationProvider.ROLE_ADMIN))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true))
                .csrf(csrf -> csrf.disable())
                .anonymous(anonymous -> { })
                .build();
    }
}
