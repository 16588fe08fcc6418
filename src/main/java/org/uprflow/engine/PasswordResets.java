package org.uprflow.engine;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Tells the platform ({@link PasswordsSetByOthers}) whenever the engine saves a new password for an existing user
 * and who asked: every channel that resets a password (Admin, {@code /engine-rest}'s credentials, the webapps'
 * profile) ends in the engine's identity provider, so this is the one place that sees them all. A user created with
 * a password (revision 0) is not a reset, and the platform's own writes run without an identity and pass unseen
 * (security.PasswordChanges records those itself).
 */
final class PasswordResets extends AbstractProcessEnginePlugin {

    private final ObjectProvider<PasswordsSetByOthers> platform;

    PasswordResets(ObjectProvider<PasswordsSetByOthers> platform) {
        this.platform = platform;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return Provider.class;
            }

            @Override
            public Session openSession() {
                return new Provider();
            }
        });
    }

    private final class Provider extends DbIdentityServiceProvider {
        @Override
        public IdentityOperationResult saveUser(User user) {
            boolean reset = user instanceof UserEntity entity && entity.getRevision() != 0 && entity.hasNewPassword();
            IdentityOperationResult result = super.saveUser(user);
            String by = Context.getCommandContext().getAuthenticatedUserId();
            PasswordsSetByOthers listener = reset && by != null ? platform.getIfAvailable() : null;
            if (listener != null && by.equals(user.getId())) {
                listener.setByThemselves(user.getId());
            } else if (listener != null) {
                listener.setByAnother(user.getId(), by);
            }
            return result;
        }
    }
}
