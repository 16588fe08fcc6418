package org.uprflow.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    /** Replaces the starter's Jersey configuration (it backs off when one exists). */
    @Bean
    CamundaJerseyResourceConfig engineRestConfig() {
        return EngineRestErrors.jerseyConfig();
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
