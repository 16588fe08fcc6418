package org.uprflow.cycle;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A phase of a cycle done before the platform, on the day the programme manager stated at the opening. */
public record CycleStep(OpeningPhase phase, LocalDate doneOn, String note, List<String> documents,
        OffsetDateTime recordedAt, String recordedBy) {
}
