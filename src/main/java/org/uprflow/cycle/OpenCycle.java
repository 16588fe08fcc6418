package org.uprflow.cycle;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * What a programme manager gives to open a country's cycle. A cycle that began before the
 * platform is opened at the {@code phase} it has reached, with the earlier phases and meetings as
 * they happened, each with the date the manager states.
 */
public record OpenCycle(
        @NotNull @Min(1) @Max(9) @Schema(description = "UPR cycle number", example = "2") Integer cycleNumber,
        @NotNull @Min(1) @Max(99) @Schema(description = "Working Group session", example = "21") Integer wgSession,
        @NotNull @Schema(description = "Date of the review in Geneva", example = "2015-01-21") LocalDate reviewDate,
        @Schema(description = "Dates already known of steps still to do, by due-date name (for example "
                + "coordinationMeetingDue or monitoringEnds); none may lie before today. The others are computed "
                + "from the review date", example = "{\"coordinationMeetingDue\": \"2031-07-13\"}")
        Map<String, LocalDate> knownDates,
        @Schema(description = "The phase the cycle stands at; PRE_SESSION (the default) starts it from the "
                + "beginning. A later phase starts the cycle there, the earlier ones counting as done",
                example = "MATRIX_AGREEMENT")
        OpeningPhase phase,
        @Valid @Size(max = 7) @Schema(description = "Phases done before the platform, with the day each was done")
        List<StepDone> stepsDone,
        @Valid @Size(max = 50) @Schema(description = "Meetings held before the platform, as they were held")
        List<MeetingHeld> meetingsHeld) {

    /** Opened from the start, with no history: the form of the first releases. */
    public OpenCycle(Integer cycleNumber, Integer wgSession, LocalDate reviewDate, Map<String, LocalDate> knownDates) {
        this(cycleNumber, wgSession, reviewDate, knownDates, null, null, null);
    }

    public Map<String, LocalDate> knownDatesOrNone() {
        return knownDates == null ? Map.of() : knownDates;
    }

    public OpeningPhase phaseOrStart() {
        return phase == null ? OpeningPhase.PRE_SESSION : phase;
    }

    public List<StepDone> stepsDoneOrNone() {
        return stepsDone == null ? List.of() : stepsDone;
    }

    public List<MeetingHeld> meetingsHeldOrNone() {
        return meetingsHeld == null ? List.of() : meetingsHeld;
    }

    /** A phase done before the platform: the day it was done, what happened, links to its documents. */
    public record StepDone(
            @NotNull @Schema(example = "REVIEW_AND_POSITIONS") OpeningPhase phase,
            @NotNull @Schema(description = "The day the phase was done (for the review phase: the outcome's adoption)",
                    example = "2015-06-25") LocalDate doneOn,
            @Size(max = 2000) @Schema(example = "Outcome adopted at the Council's 29th session; 192 supported, 61 noted")
            String note,
            @Size(max = 10) @Schema(description = "Links (http or https) to the phase's documents")
            List<String> documents) {

        public List<String> documentsOrNone() {
            return documents == null ? List.of() : documents;
        }
    }

    /**
     * A meeting held before the platform. {@code kind} as the meeting log names it
     * (PRE_SESSION, IMPLEMENTATION_PLAN_WORKSHOP, COORDINATION_CSO_WORKSHOP, GOVERNMENT_TRAINING,
     * COORDINATION_DIALOGUE, FOLLOW_UP_MEETING); attendance per side, null where not counted.
     */
    public record MeetingHeld(
            @NotNull @Schema(example = "COORDINATION_DIALOGUE") String kind,
            @NotNull @Schema(example = "2015-07-14") LocalDate heldOn,
            @Size(max = MAX_PLACE) @Schema(example = "Nairobi") String place,
            @Size(max = MAX_ORGANISERS) @Schema(example = "UPR Info, KNCHR and the Kenya Human Rights Commission, "
                    + "supported by OHCHR's Nairobi office") String organisers,
            @PositiveOrZero Integer csoAttendance,
            @PositiveOrZero Integer governmentAttendance,
            @PositiveOrZero Integer nhriAttendance,
            @Size(max = MAX_AGREED) @Schema(example = "To meet again in September to finalise the matrix") String agreed,
            @Size(max = 10) @Schema(description = "Links (http or https) to the meeting's documents")
            List<String> documents) {

        /** The longest texts of a meeting, as the API takes them and the meeting log keeps them from a form. */
        public static final int MAX_PLACE = 200;
        public static final int MAX_ORGANISERS = 500;
        public static final int MAX_AGREED = 2000;

        public List<String> documentsOrNone() {
            return documents == null ? List.of() : documents;
        }
    }
}
