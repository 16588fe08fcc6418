package org.uprflow.cycle;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A country's UPR cycle on the platform. {@code openedAtPhase}: where the cycle stood when it was
 * opened (PRE_SESSION: from the start); {@code calendarFrom}: the date its due dates count from
 * (the review date, moved for a cycle entered late); {@code stepsDone}: the phases done before the
 * platform, with the days the programme manager stated.
 */
public record Cycle(String businessKey, String countryCode, int cycleNumber, int wgSession, LocalDate reviewDate,
        String processInstanceId, OffsetDateTime openedAt, String openedBy,
        @Schema(example = "MATRIX_AGREEMENT") OpeningPhase openedAtPhase, LocalDate calendarFrom,
        List<CycleStep> stepsDone) {
}
