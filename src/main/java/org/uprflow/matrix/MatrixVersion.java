package org.uprflow.matrix;

import java.time.OffsetDateTime;

/** A numbered version of a cycle's matrix: DRAFT while edited, FINAL (frozen) once agreed. */
public record MatrixVersion(int number, Status status, OffsetDateTime createdAt, String createdBy,
        OffsetDateTime finalisedAt, String finalisedBy) {

    public enum Status {
        DRAFT,
        FINAL
    }
}
