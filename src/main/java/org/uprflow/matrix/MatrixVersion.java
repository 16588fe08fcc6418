package org.uprflow.matrix;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A numbered version of a cycle's matrix: DRAFT while edited, FINAL (frozen) once the CSOs and the
 * government both agreed to it (or a programme manager finalised it). Who agreed to the draft as
 * it stands, and when, is kept; an edit clears it. {@code …At}: when it was recorded;
 * {@code csoAgreedOn}, {@code governmentAgreedOn}: the day each side states it agreed (a cycle
 * entered late agrees in the past); {@code finalisedOn}: the day it became final as stated, the
 * later of the two sides' days (a programme manager's finalisation: the day she finalised it).
 */
public record MatrixVersion(int number, Status status, OffsetDateTime createdAt, String createdBy,
        OffsetDateTime finalisedAt, String finalisedBy, OffsetDateTime csoAgreedAt, String csoAgreedBy,
        OffsetDateTime governmentAgreedAt, String governmentAgreedBy, LocalDate csoAgreedOn,
        LocalDate governmentAgreedOn, LocalDate finalisedOn) {

    public enum Status {
        DRAFT,
        FINAL
    }
}
