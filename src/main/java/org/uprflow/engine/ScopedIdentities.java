package org.uprflow.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Applies the platform's {@link TenantScope} to every identity the engine sees, before its first
 * command: the Camunda webapps set the identity of their logged-in user themselves (groups and every
 * tenant reached by any route), so without this Tasklist and Cockpit would follow a different rule
 * than {@code /api} and {@code /engine-rest}. An identity already scoped (by this class or by
 * {@link EngineAuthentication#set}) passes untouched, so the rule costs at most its own lookup once
 * per request.
 */
final class ScopedIdentities extends AbstractProcessEnginePlugin {

    private final ObjectProvider<TenantScope> scope;

    ScopedIdentities(ObjectProvider<TenantScope> scope) {
        this.scope = scope;
    }

    /** An identity whose tenants the platform's rule has given. */
    static final class Scoped extends Authentication {
        Scoped(String userId, List<String> groupIds, List<String> tenantIds) {
            super(userId, groupIds, tenantIds);
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        if (configuration.getCustomPreCommandInterceptorsTxRequiresNew() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequiresNew(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new Interceptor(configuration));
        configuration.getCustomPreCommandInterceptorsTxRequiresNew().add(new Interceptor(configuration));
    }

    private final class Interceptor extends CommandInterceptor {
        private final ProcessEngineConfigurationImpl configuration;

        Interceptor(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            IdentityService identity = configuration.getIdentityService();
            Authentication current = identity.getCurrentAuthentication();
            // Looked up only for a caller's identity: while the engine is being built nobody calls, and the
            // rule's bean needs the engine's services.
            TenantScope rule = current == null || current instanceof Scoped ? null : scope.getIfAvailable();
            if (rule != null) {
                List<String> groups = current.getGroupIds() == null ? List.of() : current.getGroupIds();
                List<String> tenants = current.getTenantIds() == null ? List.of() : current.getTenantIds();
                // The rule reads the identity store as the platform; nested commands pass since no identity is set.
                identity.clearAuthentication();
                List<String> scoped;
                try {
                    scoped = rule.tenantsOf(current.getUserId(), groups, tenants);
                } catch (RuntimeException e) {
                    identity.setAuthentication(current);
                    throw e;
                }
                identity.setAuthentication(new Scoped(current.getUserId(), groups, scoped));
            }
            return next.execute(command);
        }
    }
}
