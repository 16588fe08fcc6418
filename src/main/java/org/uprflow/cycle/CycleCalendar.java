package org.uprflow.cycle;

import static org.uprflow.cycle.UprCycleProcess.Due;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Every date of a country's cycle, derived from the review date R and nowhere else.
 *
 * <p>Offsets follow the UPR calendar (domain.md) and the Kenya 2015 cycle: stakeholder report
 * R−7 months, pre-session R−1 month, adoption R+4 months, coordination meeting R+6 months
 * (Kenya: review 21 January, meeting 13–14 July), follow-up meeting R+8 months (September),
 * mid-term report R+2.5 years (2017). A date is due at close of business, 17:00 server time.
 */
@Component
public class CycleCalendar {

    static final LocalTime CLOSE_OF_BUSINESS = LocalTime.of(17, 0);
    static final int REPORTING_PERIOD_MONTHS = 6;
    /**
     * A cycle opened late gets this long for the first step still to do: a cycle entered today
     * should not have its first task overdue before anybody has seen it.
     */
    static final Period GRACE = Period.ofWeeks(2);

    public LocalDate parseReviewDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException("The review date is missing; give it as yyyy-MM-dd");
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The review date '" + text + "' is not a date of the form yyyy-MM-dd", e);
        }
    }

    /**
     * The date the calendar of a cycle opened on {@code openedOn} at {@code phase} counts from: the
     * review date, unless the phase's first due date would lie before the opening plus
     * {@link #GRACE}. Then the whole calendar still ahead moves by as many days, keeping its
     * spacing: a cycle entered late neither raises overdue follow-ups at once nor skips a phase
     * because a timer's date passed while it was being entered.
     */
    public LocalDate countingFrom(LocalDate review, OpeningPhase phase, LocalDate openedOn) {
        LocalDate earliest = openedOn.plus(GRACE);
        LocalDate firstDue = phase.firstDue(this, review).toLocalDate();
        return firstDue.isBefore(earliest) ? review.plusDays(ChronoUnit.DAYS.between(firstDue, earliest)) : review;
    }

    /** The date a running cycle's calendar counts from: {@code calendarFrom} when set, else the review date. */
    public LocalDate countingFrom(Object calendarFrom, Object reviewDate) {
        return parseReviewDate(calendarFrom == null ? reviewDate : calendarFrom);
    }

    public LocalDateTime stakeholderReportDue(LocalDate review) {
        return due(review.minusMonths(7));
    }

    public LocalDateTime preSessionDue(LocalDate review) {
        return due(review.minusMonths(1));
    }

    /** Statements are recorded in the week after the pre-session. */
    public LocalDateTime statementsDue(LocalDate review) {
        return due(review.minusMonths(1).plusWeeks(1));
    }

    /** The Working Group report is adopted a few days after the review. */
    public LocalDateTime recommendationsDue(LocalDate review) {
        return due(review.plusWeeks(2));
    }

    /** Positions are due before the plenary so that the addendum can be filed. */
    public LocalDateTime positionsDue(LocalDate review) {
        return due(review.plusMonths(3));
    }

    public LocalDateTime adoptionDue(LocalDate review) {
        return due(review.plusMonths(4));
    }

    public LocalDateTime implementationPlanDue(LocalDate review) {
        return due(review.plusMonths(5));
    }

    public LocalDateTime coordinationMeetingPlanDue(LocalDate review) {
        return due(review.plusMonths(5));
    }

    public LocalDateTime coordinationMeetingDue(LocalDate review) {
        return due(review.plusMonths(6));
    }

    public LocalDateTime coordinationReportDue(LocalDate review) {
        return due(review.plusMonths(6).plusWeeks(2));
    }

    /** Round 1 of the follow-up meeting at R+8 months; each further round one month later. */
    public LocalDateTime matrixDue(LocalDate review, int round) {
        return due(review.plusMonths(8 + Math.max(0, round - 1)));
    }

    /** Progress report of reporting period {@code round} (1, 2, ...): every six months after the matrix. */
    public LocalDateTime progressReportDue(LocalDate review, int round) {
        return due(review.plusMonths(8 + (long) REPORTING_PERIOD_MONTHS * round));
    }

    public LocalDateTime assessmentDue(LocalDate review, int round) {
        return progressReportDue(review, round).plusMonths(1);
    }

    /** Monitoring stops three months before the mid-term report, to leave time for the contributions. */
    public LocalDateTime monitoringEnds(LocalDate review) {
        return due(review.plusMonths(27));
    }

    public LocalDateTime midTermContributionsDue(LocalDate review) {
        return due(review.plusMonths(28));
    }

    public LocalDateTime midTermCompilationDue(LocalDate review) {
        return due(review.plusMonths(29));
    }

    public LocalDateTime midTermReportDue(LocalDate review) {
        return due(review.plusMonths(30));
    }

    /** The programme manager has a week to follow up a task that became overdue at {@code now}. */
    public LocalDateTime overdueFollowUpDue(LocalDateTime now) {
        return due(now.toLocalDate().plusWeeks(1));
    }

    /** The due dates fixed at the start of the cycle, by variable name, as ISO date-times. */
    public Map<String, String> schedule(LocalDate review) {
        Map<String, String> dates = new LinkedHashMap<>();
        dates.put(Due.STAKEHOLDER_REPORT, iso(stakeholderReportDue(review)));
        dates.put(Due.PRE_SESSION, iso(preSessionDue(review)));
        dates.put(Due.STATEMENTS, iso(statementsDue(review)));
        dates.put(Due.RECOMMENDATIONS, iso(recommendationsDue(review)));
        dates.put(Due.POSITIONS, iso(positionsDue(review)));
        dates.put(Due.ADOPTION, iso(adoptionDue(review)));
        dates.put(Due.IMPLEMENTATION_PLAN, iso(implementationPlanDue(review)));
        dates.put(Due.COORDINATION_MEETING_PLAN, iso(coordinationMeetingPlanDue(review)));
        dates.put(Due.COORDINATION_MEETING, iso(coordinationMeetingDue(review)));
        dates.put(Due.COORDINATION_REPORT, iso(coordinationReportDue(review)));
        dates.put(Due.MONITORING_ENDS, iso(monitoringEnds(review)));
        dates.put(Due.MID_TERM_CONTRIBUTIONS, iso(midTermContributionsDue(review)));
        dates.put(Due.MID_TERM_COMPILATION, iso(midTermCompilationDue(review)));
        dates.put(Due.MID_TERM_REPORT, iso(midTermReportDue(review)));
        return dates;
    }

    /** A date the programme manager already knows, as a due-date variable (close of business that day). */
    public String dueOn(LocalDate day) {
        return iso(due(day));
    }

    /** The form the engine reads in camunda:dueDate and timer timeDate: {@code 2014-06-21T17:00:00}. */
    public static String iso(LocalDateTime dateTime) {
        return dateTime.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    private static LocalDateTime due(LocalDate day) {
        return day.atTime(CLOSE_OF_BUSINESS);
    }
}
