package org.uprflow.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** The platform's own pages (static HTML and JavaScript under {@code static/}) and their language. */
@Configuration(proxyBeanMethods = false)
class PagesConfiguration implements WebMvcConfigurer {

    /** Each is a folder of {@code static/} with an {@code index.html}; the security chain lets them load. */
    static final List<String> PAGES = List.of("login", "register", "dashboard", "report", "notifications");

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        for (String page : PAGES) {
            registry.addViewController("/" + page + "/").setViewName("forward:/" + page + "/index.html");
            registry.addRedirectViewController("/" + page, "/" + page + "/");
        }
    }

    /** The best of the languages the browser asks for that the bundles have; English otherwise. */
    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(Locale.ENGLISH, Locale.FRENCH, new Locale("es")));
        resolver.setDefaultLocale(Locale.ENGLISH);
        return resolver;
    }
}
