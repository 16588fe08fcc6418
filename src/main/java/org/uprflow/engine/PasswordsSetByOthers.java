package org.uprflow.engine;

/**
 * Who set a user's password, as the engine saw it: the platform keeps a password that someone else chose (an admin's
 * reset in Admin or on {@code /engine-rest}) until the user has set one of their own (security.PasswordChanges).
 * Called inside the engine's transaction, so the hold is written with the password or not at all.
 */
public interface PasswordsSetByOthers {

    /** {@code setBy} (not the user) gave an existing user a new password. */
    void setByAnother(String userId, String setBy);

    /** The user set their own new password through the engine (Tasklist's profile, {@code /engine-rest}). */
    void setByThemselves(String userId);
}
