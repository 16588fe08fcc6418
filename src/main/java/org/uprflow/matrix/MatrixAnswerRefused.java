package org.uprflow.matrix;

import java.util.List;

import org.uprflow.shared.CountryCode;

/**
 * A side's answer in a round names a matrix version it cannot agree to: one the cycle's matrix
 * does not have ({@link #outdated} false: the input is wrong) or one that is no longer the latest
 * ({@link #outdated} true: the matrix moved on since the side looked). Carries a message key and
 * its arguments; the task listener says it in the user's language.
 */
class MatrixAnswerRefused extends RuntimeException {

    private final boolean outdated;
    private final String messageKey;
    private final transient List<Object> arguments;

    private MatrixAnswerRefused(boolean outdated, String messageKey, Object... arguments) {
        super(messageKey + " " + List.of(arguments));
        this.outdated = outdated;
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    static MatrixAnswerRefused unknown(CountryCode country, int cycle, int version) {
        return new MatrixAnswerRefused(false, "task.matrix.unknown-version", version, country.upperCase(), cycle);
    }

    static MatrixAnswerRefused notLatest(CountryCode country, int cycle, int version, int latest) {
        return new MatrixAnswerRefused(true, "task.matrix.not-latest", version, country.upperCase(), cycle, latest);
    }

    boolean outdated() {
        return outdated;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] arguments() {
        return arguments.toArray();
    }
}
