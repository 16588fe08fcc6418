package org.uprflow.engine;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The platform's side of the engine's password policy ({@link PlatformPasswordPolicy}): which rules a
 * candidate breaks, as message keys, so that {@code /api} can name them in the user's language before the
 * engine refuses the save; and a user's own password change. Runs as the platform.
 */
@Component
public class Passwords {

    private final IdentityService identity;
    private final ProcessEngine engine;
    private final EngineAuthentication engineAuthentication;

    Passwords(IdentityService identity, ProcessEngine engine, EngineAuthentication engineAuthentication) {
        this.identity = identity;
        this.engine = engine;
        this.engineAuthentication = engineAuthentication;
    }

    /** The message keys of the rules a new user's password breaks (empty: it may be used). */
    public List<String> refusals(String password, String userId, String firstName, String lastName, String email) {
        User user = identity.newUser(userId);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(email);
        return refusals(password, user);
    }

    /** The message keys of the rules an existing user's new password breaks. */
    public List<String> refusals(String password, String userId) {
        return refusals(password, engineAuthentication.asPlatform(
                () -> identity.createUserQuery().userId(userId).singleResult()));
    }

    private List<String> refusals(String password, User user) {
        if (password == null) {
            return List.of();
        }
        return identity.checkPasswordAgainstPolicy(password, user).getViolatedRules().stream()
                .map(PasswordPolicyRule::getPlaceholder).map(PlatformPasswordPolicy.MESSAGE_KEYS::get).toList();
    }

    public boolean matches(String userId, String password) {
        return engineAuthentication.asPlatform(() -> identity.checkPassword(userId, password));
    }

    /** Sets the user's password; the engine checks the policy again and refuses a password that breaks it. */
    public void change(String userId, String newPassword) {
        engineAuthentication.asPlatform(() -> {
            User user = identity.createUserQuery().userId(userId).singleResult();
            user.setPassword(newPassword);
            identity.saveUser(user);
        });
    }

    /** For the embedded default's documented demo logins only (password {@code demo}): no policy. */
    public void saveDemoUser(String userId, String firstName, String lastName, String email, String password) {
        engineAuthentication.asPlatform(() -> {
            User user = identity.newUser(userId);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(email);
            user.setPassword(password);
            PlatformPasswordPolicy.saveDemoUser(engine, user);
        });
    }
}
