package org.uprflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;

class PlatformPasswordPolicyTest {

    private final PlatformPasswordPolicy policy = new PlatformPasswordPolicy();

    @Test
    void refusesBlankShortNamedAndCommonPasswords() {
        User amina = user("ke.cso", "Amina", "Wanjiru", "amina@example.org");
        for (String weak : new String[] {"", "          ", "  short   ", "a", "ke.cso2024!!", "KE.CSO.1234",
                "amina@example.org", "Amina Wanjiru", "Password2024!", "QWERTYUIOP", "1234567890", "camunda123"}) {
            assertThat(accepted(weak, amina)).as("'%s'", weak).isFalse();
        }
    }

    @Test
    void acceptsLongPasswordsThatAreNeitherTheUserNorCommon() {
        User amina = user("ke.cso", "Amina", "Wanjiru", "amina@example.org");
        for (String fine : new String[] {"it-password-1", "four words in a row", "Amina-likes-tea-42", "ten chars!", "it-admin-secret", "my-ke.cso-pass"}) {
            assertThat(accepted(fine, amina)).as("'%s'", fine).isTrue();
        }
        assertThat(accepted("a one-letter name is no rule", user("x.y", "A", "B", "a@b.org")))
                .as("a one-letter first name does not forbid the letter").isTrue();
    }

    private boolean accepted(String password, User user) {
        return policy.getRules().stream().allMatch(rule -> rule.execute(password, user));
    }

    private static User user(String id, String first, String last, String email) {
        UserEntity user = new UserEntity(id);
        user.setFirstName(first);
        user.setLastName(last);
        user.setEmail(email);
        return user;
    }
}
