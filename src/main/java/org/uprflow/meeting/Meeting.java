package org.uprflow.meeting;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.media.Schema;

/** A meeting of a country's cycle as it was held. Attendance is null where the form does not count that side. */
public record Meeting(
        @Schema(example = "KE") String countryCode,
        @Schema(example = "4") int cycleNumber,
        MeetingKind kind,
        @Schema(description = "The follow-up meeting's round; null for other meetings") Integer matrixRound,
        LocalDate heldOn,
        String place,
        Integer csoAttendance,
        Integer governmentAttendance,
        Integer nhriAttendance,
        String processInstanceId,
        String taskId,
        OffsetDateTime recordedAt,
        String recordedBy) {
}
