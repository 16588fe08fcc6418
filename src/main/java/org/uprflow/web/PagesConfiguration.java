package org.uprflow.web;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The platform's own pages (static HTML and JavaScript under {@code static/}) and their language. */
@Configuration(proxyBeanMethods = false)
class PagesConfiguration implements WebMvcConfigurer {

    /** Each is a folder of {@code static/} with an {@code index.html}; the security chain lets them load. */
    static final List<String> PAGES = List.of("login", "home", "register", "dashboard", "report", "notifications",
            "password");

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        for (String page : PAGES) {
            registry.addViewController("/" + page + "/").setViewName("forward:/" + page + "/index.html");
            registry.addRedirectViewController("/" + page, "/" + page + "/");
        }
        // The root leads to one's work: the landing page sends managers and admins on to the dashboard.
        registry.addRedirectViewController("/", "/home/");
    }

    /** What every participant's first visit to Tasklist downloads: compressed ahead of the first visitor. */
    private static final List<String> TASKLIST_FILES = List.of("/camunda/lib/deps.js", "/camunda/lib/runtime.js",
            "/camunda/app/tasklist/camunda-tasklist-bootstrap.js", "/camunda/app/tasklist/camunda-tasklist-bootstrap.css");

    @Bean
    AssetDelivery assetDelivery(@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        return new AssetDelivery(webappPath, PagesConfiguration.class.getClassLoader());
    }

    /**
     * Caching and compression of the static files, ahead of the security chains: its answers for
     * versioned files are public and must not get their {@code no-store}.
     */
    @Bean
    FilterRegistrationBean<AssetDelivery> assetDeliveryRegistration(AssetDelivery assetDelivery) {
        FilterRegistrationBean<AssetDelivery> registration = new FilterRegistrationBean<>(assetDelivery);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Inside the caching filter, so that its headers stay those of the page. */
    @Bean
    FilterRegistrationBean<WebappPages> webappPagesRegistration(AssetDelivery assetDelivery, LocaleResolver localeResolver,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        FilterRegistrationBean<WebappPages> registration = new FilterRegistrationBean<>(new WebappPages(webappPath,
                assetDelivery, request -> localeResolver.resolveLocale(request).getLanguage()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        registration.addUrlPatterns(webappPath + "/app/*");
        return registration;
    }

    /** Once the node serves, off the start-up's path. */
    @EventListener(ApplicationReadyEvent.class)
    void compressTasklistFiles(ApplicationReadyEvent ready) {
        AssetDelivery assetDelivery = ready.getApplicationContext().getBean(AssetDelivery.class);
        Thread preparing = new Thread(() -> assetDelivery.prepare(TASKLIST_FILES), "compress-tasklist-files");
        preparing.setDaemon(true);
        preparing.setPriority(Thread.MIN_PRIORITY);
        preparing.start();
    }
}
