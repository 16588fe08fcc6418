package org.uprflow.shared;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.uprflow.web.ProblemException;
import org.uprflow.web.ProblemWords;

/**
 * A write that would lose somebody's work: a stale version (someone else saved first) or a
 * finalised, frozen matrix version. 409 with the message of {@code messageKey}.
 */
public class EditConflictException extends ProblemException {

    private static final String STALE = "problem.edit.stale.detail";

    private final String messageKey;
    private final transient List<Object> arguments;

    public EditConflictException(String messageKey, Object... arguments) {
        super(messageKey + " " + List.of(arguments), HttpStatus.CONFLICT, "problem.edit.conflict.title", messageKey,
                arguments);
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

    /** true: someone saved in between, so reloading and editing again helps; false: the state refuses it. */
    @Override
    protected void addProperties(ProblemDetail problem, ProblemWords words) {
        problem.setProperty("stale", staleVersion());
    }
}
