package org.uprflow.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.uprflow.engine.Passwords;
import org.uprflow.engine.PasswordsSetByOthers;
import org.uprflow.engine.PlatformPasswordPolicy;

/**
 * Who must set their own password before anything else (table {@code password_change_required}, V17): a user
 * whose account a programme manager created, with a first password the manager chose and so knows. Until the
 * user sets one of their own ({@code POST /api/session/password}, the page {@code /password/}), {@code /api},
 * {@code /engine-rest} and the webapps refuse them everything else. So is a user whose password an admin reset (in
 * Admin or on {@code /engine-rest}), as the engine reports it. Accounts an admin creates, and the embedded default's
 * demo logins, are not held (docs/adr/0016).
 */
@Component
public class PasswordChanges implements PasswordsSetByOthers {

    private final JdbcTemplate jdbc;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final MessageSource messages;
    private final Clock clock;

    private final TransactionTemplate transaction;

    PasswordChanges(JdbcTemplate jdbc, Passwords passwords, LoginThrottle throttle, MessageSource messages,
            PlatformTransactionManager transactions, Clock clock) {
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.throttle = throttle;
        this.messages = messages;
    }

    /**
     * The user's own new password, under the same policy as every other channel, and the end of the hold, in one
     * transaction. A wrong current password counts as a failed login of that user from that address (LoginThrottle).
     */
    public void changeOwn(String userId, String currentPassword, String newPassword, String address) {
        Locale locale = LocaleContextHolder.getLocale();
        if (!passwords.matches(userId, currentPassword)) {
            throttle.failed(userId, address);
            throw new InvalidPasswordException(Map.of("currentPassword",
                    messages.getMessage("password.current.wrong", null, locale)));
        }
        List<String> refusals = new ArrayList<>(passwords.refusals(newPassword, userId));
        if (newPassword.equals(currentPassword)) {
            refusals.add("password.policy.same");
        }
        if (!refusals.isEmpty()) {
            throw new InvalidPasswordException(Map.of("newPassword", String.join("; ", refusals.stream().map(key ->
                    messages.getMessage(key, new Object[] {PlatformPasswordPolicy.MIN_LENGTH}, locale)).toList())));
        }
        transaction.executeWithoutResult(status -> {
            passwords.change(userId, newPassword);
            done(userId);
        });
    }

    /** The user must change the password {@code setBy} chose; joins the caller's transaction. */
    public void require(String userId, String setBy) {
        jdbc.update("insert into password_change_required (user_id, required_since, set_by) values (?, ?, ?)",
                userId, Timestamp.from(Instant.now(clock)), setBy);
    }

    /** An admin's reset: held again, whether or not the user had been before; joins the engine's transaction. */
    @Override
    public void setByAnother(String userId, String setBy) {
        done(userId);
        require(userId, setBy);
    }

    @Override
    public void setByThemselves(String userId) {
        done(userId);
    }

    public boolean required(String userId) {
        Integer rows = jdbc.queryForObject("select count(*) from password_change_required where user_id = ?",
                Integer.class, userId);
        return rows != null && rows > 0;
    }

    void done(String userId) {
        jdbc.update("delete from password_change_required where user_id = ?", userId);
    }
}
