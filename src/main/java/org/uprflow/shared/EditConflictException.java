package org.uprflow.shared;

import java.util.List;

/**
 * A write that would lose somebody's work: a stale version (someone else saved first) or a
 * finalised, frozen matrix version. 409 with the message of {@code messageKey}.
 */
public class EditConflictException extends RuntimeException {

    private static final String STALE = "problem.edit.stale.detail";

    private final String messageKey;
    private final transient List<Object> arguments;

    public EditConflictException(String messageKey, Object... arguments) {
        super(messageKey + " " + List.of(arguments));
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public static EditConflictException staleVersion(Object id, int expected, int current) {
        return new EditConflictException(STALE, id, expected, current);
    }

    /** Someone saved in between (reloading and editing again helps), rather than a state that refuses the write. */
    public boolean staleVersion() {
        return STALE.equals(messageKey);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
