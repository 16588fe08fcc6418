package org.uprflow.language;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

    private static final int AFTER_REQUEST_CONTEXT_FILTER = 0;

    /** The name Spring MVC looks the locale resolver up by. */
    @Bean(name = "localeResolver")
    RequestLanguage localeResolver(Languages languages, UserLanguages userLanguages,
            @Value("${camunda.bpm.process-engine-name:default}") String engineName) {
        return new RequestLanguage(languages, userLanguages, engineName);
    }

    /**
     * Behind the security chains, which say who calls, and behind Spring's RequestContextFilter, which
     * sets the browser's locale (Jersey's auto-configuration registers it at order -1); ahead of every servlet.
     */
    @Bean
    FilterRegistrationBean<RequestLanguage> requestLanguageFilter(RequestLanguage requestLanguage) {
        FilterRegistrationBean<RequestLanguage> registration = new FilterRegistrationBean<>(requestLanguage);
        registration.setOrder(AFTER_REQUEST_CONTEXT_FILTER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * Tasklist's page names the version of the configuration written for its user
     * ({@link TasklistTexts#CONFIG_VERSION_HEADER}): the platform's service worker answers Tasklist's
     * import of {@code config.js}, a new address on every visit, with that version's own address,
     * which the browser keeps (docs/network.md). Behind {@link RequestLanguage}, which says whose page it is.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> tasklistConfigVersion(TasklistTexts tasklist,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !"GET".equals(request.getMethod()) || !request.getRequestURI().endsWith("/");
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                response.setHeader(TasklistTexts.CONFIG_VERSION_HEADER, tasklist.configVersion(request));
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(AFTER_REQUEST_CONTEXT_FILTER + 1);
        registration.addUrlPatterns(webappPath + "/app/tasklist/*");
        return registration;
    }
}
