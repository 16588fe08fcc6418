package org.uprflow.shared;

import org.springframework.http.HttpStatus;
import org.uprflow.web.ProblemException;

/** A recommendation or matrix item that does not exist in that country's cycle: 404. */
public class RecordNotFoundException extends ProblemException {

    private final String kind;
    private final Object id;

    public RecordNotFoundException(String kind, Object id) {
        super(kind + " not found: " + id, HttpStatus.NOT_FOUND, "problem.record.not-found.title",
                "problem.record.not-found.detail", kind, id);
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public Object id() {
        return id;
    }
}
