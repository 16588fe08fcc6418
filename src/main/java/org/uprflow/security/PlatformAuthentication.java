package org.uprflow.security;

import java.util.Collection;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * An authenticated caller of {@code /api} or {@code /engine-rest}, read from the identity store for this request,
 * with whether the caller must first set their own password ({@link PasswordChanges}), read in the same transaction
 * so that {@link PasswordChangeGate} asks the database nothing more.
 */
final class PlatformAuthentication extends UsernamePasswordAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final boolean passwordChangeRequired;

    PlatformAuthentication(PlatformUser user, Collection<? extends GrantedAuthority> authorities,
            boolean passwordChangeRequired) {
        super(user, null, authorities);
        this.passwordChangeRequired = passwordChangeRequired;
    }

    boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PlatformAuthentication authentication && super.equals(other)
                && passwordChangeRequired == authentication.passwordChangeRequired;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Boolean.hashCode(passwordChangeRequired);
    }
}
