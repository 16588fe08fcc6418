package org.uprflow.engine;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization checks without their full scan of the grants. Before each checked
 * command the engine reads every group id that holds any authorization
 * ({@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}) only to drop the caller's groups
 * that hold none from the SQL. That table grows by one grant per candidate group per open task,
 * so the scan costs more than the query it serves at 100,000 tasks (docs/benchmarks.md).
 * Keeping such a group changes no answer: a group with no authorization rows matches none.
 */
final class AuthorizationWithoutGroupScan extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
        return authenticatedGroupIds == null ? List.of() : List.copyOf(authenticatedGroupIds);
    }

    /** Opens this manager wherever the engine asks for its {@link AuthorizationManager}. */
    static void register(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = new java.util.ArrayList<>();
        if (configuration.getCustomSessionFactories() != null) {
            factories.addAll(configuration.getCustomSessionFactories());
        }
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new AuthorizationWithoutGroupScan();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }
}
