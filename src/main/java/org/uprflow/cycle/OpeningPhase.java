package org.uprflow.cycle;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.BiFunction;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The phase a cycle stands at when a programme manager opens it, in the order of the cycle: a
 * cycle that began before the platform is opened at the phase it has reached, and its instance
 * starts before that phase's first activity. Each phase knows the first due date of its own work
 * (from the date the calendar counts from), which decides how far a late cycle's calendar moves.
 */
public enum OpeningPhase {

    PRE_SESSION(UprCycleProcess.START_CYCLE_OPENED, CycleCalendar::stakeholderReportDue, false),
    REVIEW_AND_POSITIONS(UprCycleProcess.REVIEW_AND_POSITIONS, CycleCalendar::recommendationsDue, true),
    IMPLEMENTATION_PLAN(UprCycleProcess.DRAFT_IMPLEMENTATION_PLAN, CycleCalendar::implementationPlanDue, true),
    COORDINATION_MEETING(UprCycleProcess.COORDINATION_MEETING, CycleCalendar::coordinationMeetingPlanDue, true),
    MATRIX_AGREEMENT(UprCycleProcess.OPEN_MATRIX_ROUND, (calendar, from) -> calendar.matrixDue(from, 1), true),
    IMPLEMENTATION_MONITORING(UprCycleProcess.IMPLEMENTATION_MONITORING,
            (calendar, from) -> calendar.progressReportDue(from, 1), true),
    MID_TERM_REPORT(UprCycleProcess.MID_TERM_REPORT, CycleCalendar::midTermContributionsDue, true);

    private final String startActivity;
    private final BiFunction<CycleCalendar, LocalDate, LocalDateTime> firstDue;
    private final boolean afterReview;

    OpeningPhase(String startActivity, BiFunction<CycleCalendar, LocalDate, LocalDateTime> firstDue,
            boolean afterReview) {
        this.startActivity = startActivity;
        this.firstDue = firstDue;
        this.afterReview = afterReview;
    }

    /** The activity of {@code upr-cycle} the instance starts before; the start event for the first phase. */
    public String startActivity() {
        return startActivity;
    }

    /** Whether the phase comes after the review in Geneva: a cycle cannot stand there before its review. */
    public boolean afterReview() {
        return afterReview;
    }

    /** The first due date of the phase's own work for a calendar counting from {@code from}. */
    LocalDateTime firstDue(CycleCalendar calendar, LocalDate from) {
        return firstDue.apply(calendar, from);
    }

    /** The phase's name in the caller's language, as an argument of a message. */
    public MessageSourceResolvable label() {
        return new DefaultMessageSourceResolvable(new String[] {"page.dashboard.phase." + name()}, name());
    }

    public boolean isBefore(OpeningPhase other) {
        return ordinal() < other.ordinal();
    }
}
