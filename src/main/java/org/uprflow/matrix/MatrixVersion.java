package org.uprflow.matrix;

import java.time.OffsetDateTime;

/**
 * A numbered version of a cycle's matrix: DRAFT while edited, FINAL (frozen) once the CSOs and the
 * government both agreed to it (or a programme manager finalised it). Who agreed to the draft as
 * it stands, and when, is kept; an edit clears it.
 */
public record MatrixVersion(int number, Status status, OffsetDateTime createdAt, String createdBy,
        OffsetDateTime finalisedAt, String finalisedBy, OffsetDateTime csoAgreedAt, String csoAgreedBy,
        OffsetDateTime governmentAgreedAt, String governmentAgreedBy) {

    public enum Status {
        DRAFT,
        FINAL
    }
}
