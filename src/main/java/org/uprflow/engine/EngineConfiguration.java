package org.uprflow.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    /** The name the Camunda starter gives the webapps' engine API servlet ({@code /camunda/api/engine/*}). */
    private static final String WEBAPP_ENGINE_API = "Engine Api";

    /** Replaces the starter's Jersey configuration (it backs off when one exists). */
    @Bean
    CamundaJerseyResourceConfig engineRestConfig() {
        return EngineRestErrors.jerseyConfig();
    }

    /**
     * The same corrected error mappers for the webapps' engine API (Tasklist, Cockpit), whose Jersey
     * application is Camunda's own: another country's task there answered a 500 that differed from a
     * missing task's, with a stack trace logged each time. Set on the servlet before it starts.
     */
    @Bean
    ServletListenerRegistrationBean<ServletContextListener> webappEngineApiErrors() {
        return new ServletListenerRegistrationBean<>(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
                ServletRegistration engineApi = event.getServletContext().getServletRegistration(WEBAPP_ENGINE_API);
                if (engineApi != null) {
                    engineApi.setInitParameter("jersey.config.server.provider.classnames",
                            EngineRestErrors.ProcessEngineErrors.class.getName() + ","
                                    + EngineRestErrors.RestErrors.class.getName());
                }
            }
        });
    }

    /** The platform's indexes on the engine's tables, made once the engine has its schema. */
    @Bean
    ProcessEnginePlugin engineIndexes() {
        return new EngineIndexes();
    }

    /** Tasklist's task list and count planned for their values on PostgreSQL, so that the inbox index counts. */
    @Bean
    ProcessEnginePlugin customPlansForTaskQueries() {
        return new CustomPlansForTaskQueries();
    }

    /** Every identity the engine sees follows the platform's country rule, the webapps' logins too. */
    @Bean
    ProcessEnginePlugin scopedIdentities(ObjectProvider<TenantScope> scope) {
        return new ScopedIdentities(scope);
    }

    /** Picked up by the Camunda starter like every {@link ProcessEnginePlugin} bean. */
    @Bean
    ProcessEnginePlugin countryTenantPlugin() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setTenantIdProvider(new CountryTenantIdProvider());
                AuthorizationWithoutGroupScan.register(configuration);
            }
        };
    }
}
