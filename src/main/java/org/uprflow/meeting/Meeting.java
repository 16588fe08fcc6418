package org.uprflow.meeting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A meeting of a country's cycle as it was held, on the day its recorder stated. Attendance is
 * null where the meeting's form does not count that side. A meeting held before the platform was
 * recorded when the cycle was opened: it has no process instance or task.
 */
public record Meeting(
        @Schema(example = "KE") String countryCode,
        @Schema(example = "4") int cycleNumber,
        MeetingKind kind,
        @Schema(description = "The follow-up meeting's round; null for other meetings") Integer matrixRound,
        @Schema(description = "The day it was held, as stated by whoever recorded it", example = "2015-07-14")
        LocalDate heldOn,
        String place,
        @Schema(example = "UPR Info with the Kenya National Commission on Human Rights and the Kenya Human Rights "
                + "Commission, supported by OHCHR's Nairobi office") String organisers,
        Integer csoAttendance,
        Integer governmentAttendance,
        Integer nhriAttendance,
        @Schema(description = "What the meeting agreed", example = "To meet again in September to finalise the matrix")
        String agreed,
        @Schema(description = "Links to the meeting's documents") List<String> documents,
        String processInstanceId,
        String taskId,
        OffsetDateTime recordedAt,
        String recordedBy) {
}
