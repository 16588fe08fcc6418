package org.uprflow.engine;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.beans.factory.annotation.Value;
import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;

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

    /** Users send only their task's form fields; the cycle's other variables are the platform's (docs/cycle.md). */
    @Bean
    ProcessEnginePlugin platformOwnedVariables(TaskInputPolicy policy) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                List<CommandInterceptor> interceptors = new ArrayList<>();
                if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
                    interceptors.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
                }
                interceptors.add(new PlatformOwnedVariables(policy));
                configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
            }
        };
    }

    /** Tasklist's engine API with the same corrected answers as {@code /engine-rest} (a refused form: 400, not 500). */
    @Bean
    ServletContextInitializer webappEngineApi(CamundaBpmProperties properties) {
        return WebappEngineApi.registration(properties.getWebapp().getApplicationPath());
    }

    /**
     * The password rule on every channel that sets one ({@link PlatformPasswordPolicy}). First of the plugins, so
     * that it runs before the starter creates its admin user (the embedded default's documented demo admin).
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    PasswordPolicyPlugin passwordPolicy(CamundaBpmProperties properties,
            @Value("${uprflow.demo.enabled:false}") boolean demo) {
        AdminUserProperty admin = properties.getAdminUser();
        return new PasswordPolicyPlugin(demo && admin != null ? admin : null);
    }

    /** Tasklist shows each task's cycle (KE-4) in its name. */
    @Bean
    ProcessEnginePlugin taskNamesShowTheirCycle() {
        return new TaskNamesShowTheirCycle();
    }

    /** Every identity the engine sees follows the platform's country rule, the webapps' logins too. */
    @Bean
    ProcessEnginePlugin scopedIdentities(ObjectProvider<TenantScope> scope) {
        return new ScopedIdentities(scope);
    }

    /** A password someone else set for a user (an admin's reset) is held until the user sets their own. */
    @Bean
    ProcessEnginePlugin passwordResets(ObjectProvider<PasswordsSetByOthers> platform) {
        return new PasswordResets(platform);
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

    /** Completed user tasks per country, counted after commit, for Prometheus. */
    @Bean
    ProcessEnginePlugin taskCompletionMetrics(MeterRegistry registry) {
        return new TaskCompletionMetrics(registry);
    }

    /** Readiness's "engine" component: the engine reads its own tables. */
    @Bean
    HealthIndicator engineHealthIndicator(ProcessEngine engine, EngineAuthentication engineAuthentication) {
        return new EngineHealth(engine, engineAuthentication);
    }

    @Bean
    MeterBinder jobMetrics(ManagementService management, EngineAuthentication engineAuthentication) {
        return new JobMetrics(management, engineAuthentication);
    }
}
