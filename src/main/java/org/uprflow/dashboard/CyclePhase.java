package org.uprflow.dashboard;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.BiFunction;

import org.uprflow.cycle.CycleCalendar;
import org.uprflow.cycle.UprCycleProcess;

/**
 * The phases of a cycle as the dashboard shows them, in order: the activities of the
 * {@code upr-cycle} process that make each one (what the engine's history says was started and
 * ended) and the date it is planned to be done by (from the review date, as {@link CycleCalendar}
 * plans it).
 */
enum CyclePhase {

    PRE_SESSION(CycleCalendar::statementsDue, UprCycleProcess.PRE_SESSION),
    REVIEW_AND_POSITIONS(CycleCalendar::adoptionDue, UprCycleProcess.REVIEW_AND_POSITIONS),
    IMPLEMENTATION_PLAN(CycleCalendar::implementationPlanDue, UprCycleProcess.DRAFT_IMPLEMENTATION_PLAN),
    COORDINATION_MEETING(CycleCalendar::coordinationReportDue, UprCycleProcess.COORDINATION_MEETING),
    MATRIX_AGREEMENT((calendar, review) -> calendar.matrixDue(review, 1), UprCycleProcess.OPEN_MATRIX_ROUND,
            UprCycleProcess.RECORD_FOLLOW_UP_MEETING, UprCycleProcess.AGREE_MATRIX_CSO,
            UprCycleProcess.AGREE_MATRIX_GOVERNMENT),
    IMPLEMENTATION_MONITORING(CycleCalendar::monitoringEnds, UprCycleProcess.IMPLEMENTATION_MONITORING),
    MID_TERM_REPORT(CycleCalendar::midTermReportDue, UprCycleProcess.MID_TERM_REPORT);

    /** Reached when the cycle's instance has passed its end event. */
    static final String CLOSED_ACTIVITY = UprCycleProcess.CYCLE_CLOSED;
    static final String CLOSED = "CLOSED";

    private final BiFunction<CycleCalendar, LocalDate, LocalDateTime> due;
    private final List<String> activityIds;

    CyclePhase(BiFunction<CycleCalendar, LocalDate, LocalDateTime> due, String... activityIds) {
        this.due = due;
        this.activityIds = List.of(activityIds);
    }

    List<String> activityIds() {
        return activityIds;
    }

    /** The day the phase is planned to be done by. A date given at the cycle's opening is not seen here. */
    LocalDate plannedBy(CycleCalendar calendar, LocalDate review) {
        return due.apply(calendar, review).toLocalDate();
    }

    /** Every activity the dashboard reads from the history, the end event included. */
    static List<String> allActivityIds() {
        List<String> ids = new java.util.ArrayList<>();
        for (CyclePhase phase : values()) {
            ids.addAll(phase.activityIds);
        }
        ids.add(CLOSED_ACTIVITY);
        return ids;
    }
}
