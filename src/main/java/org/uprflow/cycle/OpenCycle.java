package org.uprflow.cycle;

import java.time.LocalDate;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** What a programme manager gives to open a country's cycle. */
public record OpenCycle(
        @NotNull @Min(1) @Max(9) @Schema(description = "UPR cycle number", example = "2") Integer cycleNumber,
        @NotNull @Min(1) @Max(99) @Schema(description = "Working Group session", example = "21") Integer wgSession,
        @NotNull @Schema(description = "Date of the review in Geneva", example = "2015-01-21") LocalDate reviewDate,
        @Schema(description = "Dates already known, by due-date name (for example coordinationMeetingDue); "
                + "the others are computed from the review date", example = "{\"coordinationMeetingDue\": \"2015-07-13\"}")
        Map<String, LocalDate> knownDates) {

    public Map<String, LocalDate> knownDatesOrNone() {
        return knownDates == null ? Map.of() : knownDates;
    }
}
