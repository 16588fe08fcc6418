package org.uprflow.benchmark;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletRegistration;

import java.util.EnumSet;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.context.ApplicationContext;
import org.springframework.web.context.WebApplicationContext;

/**
 * The peer a user would run instead of the platform (issue 15): Camunda's own REST API as its Spring Boot
 * starter configures it ({@link CamundaJerseyResourceConfig}, at {@code /engine-rest}), guarded by Camunda's
 * HTTP Basic filter ({@link ProcessEngineAuthenticationFilter} with {@link HttpBasicAuthenticationProvider},
 * the set-up of Camunda's documentation), in a Tomcat of its own with Spring Boot's defaults: no platform
 * filter, no Spring Security, no platform error mappers or translations on the way. It serves the platform's
 * engine (the default engine of this JVM), so it is the same process and the same database as the
 * platform's rows; the engine's own plugins (authorization, tenant checks, the form's validation) apply
 * to both alike.
 */
final class StockCamundaRest implements AutoCloseable {

    private final WebServer server;

    private StockCamundaRest(WebServer server) {
        this.server = server;
    }

    /**
     * Starts it on a free port. Jersey's Spring bridge (on the classpath through the platform) looks for a Spring
     * context in the servlet context, for its own injection, and logs an ERROR without one: it finds the
     * platform's, which none of Camunda's resources use.
     */
    static StockCamundaRest start(ApplicationContext platform) throws Exception {
        CamundaJerseyResourceConfig resources = new CamundaJerseyResourceConfig();
        resources.afterPropertiesSet();
        TomcatServletWebServerFactory tomcat = new TomcatServletWebServerFactory(0);
        WebServer server = tomcat.getWebServer(context -> {
            context.setAttribute(WebApplicationContext.ROOT_WEB_APPLICATION_CONTEXT_ATTRIBUTE, platform);
            FilterRegistration.Dynamic basic = context.addFilter("camunda-auth", ProcessEngineAuthenticationFilter.class);
            basic.setInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                    HttpBasicAuthenticationProvider.class.getName());
            basic.setInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest");
            basic.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/engine-rest/*");
            ServletRegistration.Dynamic jersey = context.addServlet("camunda-rest", new ServletContainer(resources));
            jersey.addMapping("/engine-rest/*");
            jersey.setLoadOnStartup(1);
        });
        server.start();
        return new StockCamundaRest(server);
    }

    String baseUrl() {
        return "http://localhost:" + server.getPort();
    }

    /** Stopped and destroyed: a stopped Tomcat keeps its utility threads, which kept a probe's JVM from ending. */
    @Override
    public void close() {
        server.stop();
        server.destroy();
    }
}
