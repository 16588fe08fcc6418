package org.uprflow.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Turns the engine's password policy on with the platform's rule ({@link PlatformPasswordPolicy}). The engine then
 * checks it on every save of a user with a new password, whichever channel asked: {@code /engine-rest}, the webapps'
 * Admin and profile pages, the platform's {@code /api}.
 *
 * <p>The embedded default documents {@code admin}/{@code demo} (README), which is no password under the policy. With
 * the demo on and that admin still to be made, the policy waits while the Camunda starter creates it (this plugin
 * runs before the starter's, see EngineConfiguration) and is on before the node serves its first request
 * ({@link #afterSingletonsInstantiated}, before the web server starts). Without the demo (the postgres profile) the
 * configured admin meets the policy or the node does not start.
 */
final class PasswordPolicyPlugin extends AbstractProcessEnginePlugin implements SmartInitializingSingleton {

    private final AdminUserProperty demoAdmin;
    private ProcessEngineConfigurationImpl configuration;

    /** @param demoAdmin the configured admin of the embedded default's demo, or null */
    PasswordPolicyPlugin(AdminUserProperty demoAdmin) {
        this.demoAdmin = demoAdmin;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        configuration.setEnablePasswordPolicy(true);
        configuration.setPasswordPolicy(new PlatformPasswordPolicy());
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        if (demoAdmin != null && demoAdmin.getId() != null
                && engine.getIdentityService().createUserQuery().userId(demoAdmin.getId()).count() == 0) {
            configuration.setEnablePasswordPolicy(false);
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (configuration != null) {
            configuration.setEnablePasswordPolicy(true);
        }
    }
}
