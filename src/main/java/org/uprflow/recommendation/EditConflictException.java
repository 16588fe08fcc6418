package org.uprflow.recommendation;

import java.util.List;

/**
 * A write that would lose somebody's work: a stale version (someone else saved first) or a
 * finalised, frozen matrix version. 409 with the message of {@code messageKey}.
 */
public class EditConflictException extends RuntimeException {

    private final String messageKey;
    private final transient List<Object> arguments;

    public EditConflictException(String messageKey, Object... arguments) {
        super(messageKey + " " + List.of(arguments));
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public static EditConflictException staleVersion(Object id, int expected, int current) {
        return new EditConflictException("problem.edit.stale.detail", id, expected, current);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
