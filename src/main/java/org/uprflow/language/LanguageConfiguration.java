package org.uprflow.language;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
}
