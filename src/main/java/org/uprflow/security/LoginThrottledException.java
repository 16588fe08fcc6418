package org.uprflow.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A login refused unchecked because its source must still wait (LoginThrottle): 429 with Retry-After. */
class LoginThrottledException extends AuthenticationException {

    private final Duration wait;

    LoginThrottledException(Duration wait) {
        super("Too many failed logins from this source; retry in " + wait.toSeconds() + " s");
        this.wait = wait;
    }

    /** Whole seconds, rounded up, for the Retry-After header. */
    long retryAfterSeconds() {
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }
}
