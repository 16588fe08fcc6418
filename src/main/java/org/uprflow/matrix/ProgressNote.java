package org.uprflow.matrix;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.uprflow.recommendation.ImplementationStatus;

/** A government progress report (REPORT) or a CSO/NHRI assessment (ASSESSMENT) of a matrix row; never edited. */
public record ProgressNote(UUID id, UUID entryKey, Kind kind, String authorRole, ImplementationStatus status,
        String text, OffsetDateTime createdAt, String createdBy) {

    public enum Kind {
        REPORT,
        ASSESSMENT
    }
}
