package org.uprflow.shared;

/** A recommendation or matrix item that does not exist in that country's cycle: 404. */
public class RecordNotFoundException extends RuntimeException {

    private final String kind;
    private final Object id;

    public RecordNotFoundException(String kind, Object id) {
        super(kind + " not found: " + id);
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
