package org.uprflow.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;

/**
 * The one password rule of every channel that sets a password (the platform's {@code /api}, {@code /engine-rest},
 * the webapps' Admin and profile): at least {@value #MIN_LENGTH} characters once the spaces around it are taken
 * away (so eight spaces are no password), not the user's id, name or e-mail, and not one of the passwords every
 * guesser tries first. The engine checks it whenever a user is saved with a new password.
 *
 * <p>Not Camunda's default policy: it asks for upper case, digits and special characters, which lengthens nothing
 * (NIST SP 800-63B advises length and a list of common passwords instead), and its user-data rule refuses any
 * password that <em>contains</em> a first name, so a one-letter name would refuse most passwords. Camunda's
 * placeholders are kept where the meaning is the same, so the Admin webapp words the rules itself.
 */
public final class PlatformPasswordPolicy implements PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    /** Message keys of the platform's bundles, one per rule, for the refusals' sentences. */
    public static final Map<String, String> MESSAGE_KEYS = Map.of(
            PasswordPolicyLengthRuleImpl.PLACEHOLDER, "password.policy.length",
            PasswordPolicyUserDataRuleImpl.PLACEHOLDER, "password.policy.user-data",
            CommonPasswordRule.PLACEHOLDER, "password.policy.common");

    private final List<PasswordPolicyRule> rules = List.of(new LengthRule(), new UserDataRule(),
            new CommonPasswordRule(commonPasswords()));

    @Override
    public List<PasswordPolicyRule> getRules() {
        return rules;
    }

    /**
     * Saves a user of the embedded default's documented demo logins (password {@code demo}) without the policy.
     * Nothing else may: every other password goes through the policy.
     */
    public static void saveDemoUser(ProcessEngine engine, User user) {
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(new SaveUserCmd(user, true));
    }

    private static Set<String> commonPasswords() {
        try (InputStream in = PlatformPasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A password without the digits and punctuation at its end, where people add them to a word. */
    static String stem(String candidate) {
        return candidate.replaceAll("[\\d\\p{Punct}\\s]+$", "");
    }

    /** Long enough once stripped: a password of spaces is blank, whatever its length. */
    static final class LengthRule implements PasswordPolicyRule {
        @Override
        public String getPlaceholder() {
            return PasswordPolicyLengthRuleImpl.PLACEHOLDER;
        }

        @Override
        public Map<String, String> getParameters() {
            return Map.of("minLength", String.valueOf(MIN_LENGTH));
        }

        @Override
        public boolean execute(String password) {
            return password != null && password.strip().codePointCount(0, password.strip().length()) >= MIN_LENGTH;
        }
    }

    /**
     * Not the user's id, first name, last name, full name or e-mail address, alone or followed by digits and
     * punctuation ("ke.cso2024!"), case ignored. Containing them is allowed: "it-admin-secret" is no guess of the
     * admin's.
     */
    static final class UserDataRule implements PasswordPolicyRule {
        @Override
        public String getPlaceholder() {
            return PasswordPolicyUserDataRuleImpl.PLACEHOLDER;
        }

        @Override
        public Map<String, String> getParameters() {
            return Map.of();
        }

        @Override
        public boolean execute(String password) {
            return true;
        }

        @Override
        public boolean execute(String password, User user) {
            if (password == null || user == null) {
                return true;
            }
            String candidate = password.strip().toLowerCase(Locale.ROOT);
            String email = lower(user.getEmail());
            String mailbox = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
            List<String> data = List.of(lower(user.getId()), lower(user.getFirstName()), lower(user.getLastName()),
                    email, mailbox, (lower(user.getFirstName()) + " " + lower(user.getLastName())).strip());
            return data.stream().noneMatch(value -> !value.isEmpty()
                    && (value.equals(candidate) || value.equals(stem(candidate))));
        }

        private static String lower(String value) {
            return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        }
    }

    /** One of the passwords guessers try first, alone or followed by digits and punctuation, case ignored. */
    static final class CommonPasswordRule implements PasswordPolicyRule {
        static final String PLACEHOLDER = "PASSWORD_POLICY_COMMON";
        private final Set<String> common;

        CommonPasswordRule(Set<String> common) {
            this.common = common;
        }

        @Override
        public String getPlaceholder() {
            return PLACEHOLDER;
        }

        @Override
        public Map<String, String> getParameters() {
            return Map.of();
        }

        @Override
        public boolean execute(String password) {
            if (password == null) {
                return true;
            }
            String candidate = password.strip().toLowerCase(Locale.ROOT);
            return !common.contains(candidate) && !common.contains(stem(candidate));
        }
    }
}
