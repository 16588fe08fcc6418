package org.uprflow.cycle;

import org.uprflow.engine.CountryTenantIdProvider;

/**
 * The country cycle ({@code processes/upr-cycle.bpmn}).
 *
 * <p>Start variables: {@link #COUNTRY_CODE} (lower-case ISO 3166-1 alpha-2, also the tenant id),
 * {@link #CYCLE_NUMBER} (Integer), {@link #WG_SESSION} (Integer, Working Group session) and
 * {@link #REVIEW_DATE} as an ISO date String {@code yyyy-MM-dd} (a String rather than a Date so
 * that REST clients, Cockpit and the variable history show the same calendar day in every time
 * zone). Any due-date variable of {@link Due} may also be passed at start when the programme
 * manager already knows the date; the calendar then keeps it.
 *
 * <p>historyTimeToLive is P3650D (ten years) on every process of the cycle: a cycle lasts about
 * 4.5 years and its history is the evidence for the next cycle's review and the mid-term report
 * after it, so it must outlive two cycles.
 */
public final class UprCycleProcess {

    public static final String KEY = "upr-cycle";

    public static final String START_CYCLE_OPENED = "StartEvent_CycleOpened";
    public static final String PLAN_CYCLE_CALENDAR = "ServiceTask_PlanCycleCalendar";
    public static final String PRE_SESSION = "CallActivity_PreSession";
    public static final String REVIEW_AND_POSITIONS = "CallActivity_ReviewAndPositions";
    public static final String DRAFT_IMPLEMENTATION_PLAN = "Task_DraftImplementationPlan";
    public static final String COORDINATION_MEETING = "CallActivity_CoordinationMeeting";
    public static final String OPEN_MATRIX_ROUND = "ServiceTask_OpenMatrixRound";
    public static final String RECORD_FOLLOW_UP_MEETING = "Task_RecordFollowUpMeeting";
    public static final String AGREE_MATRIX_CSO = "Task_AgreeMatrixCso";
    public static final String AGREE_MATRIX_GOVERNMENT = "Task_AgreeMatrixGovernment";
    public static final String MATRIX_AGREED = "Gateway_MatrixAgreed";
    public static final String IMPLEMENTATION_MONITORING = "SubProcess_ImplementationMonitoring";
    public static final String REPORT_PROGRESS = "Task_ReportProgress";
    public static final String ASSESS_PROGRESS = "Task_AssessProgress";
    public static final String NEXT_REPORTING_PERIOD = "TimerEvent_NextReportingPeriod";
    public static final String MID_TERM_REPORT_DUE = "BoundaryEvent_MidTermReportDue";
    public static final String MID_TERM_REPORT = "CallActivity_MidTermReport";
    public static final String CYCLE_CLOSED = "EndEvent_CycleClosed";

    public static final String DRAFT_IMPLEMENTATION_PLAN_FORM = "draft-implementation-plan";
    public static final String AGREE_MATRIX_CSO_FORM = "agree-matrix-cso";
    public static final String AGREE_MATRIX_GOVERNMENT_FORM = "agree-matrix-government";

    // start variables
    /** The start variable the engine's tenant provider reads the country from: one name for both. */
    public static final String COUNTRY_CODE = CountryTenantIdProvider.COUNTRY_CODE_VARIABLE;
    public static final String CYCLE_NUMBER = "cycleNumber";
    public static final String WG_SESSION = "wgSession";
    public static final String REVIEW_DATE = "reviewDate";
    /**
     * The date the calendar counts from (String {@code yyyy-MM-dd}): the review date, or for a
     * cycle entered late the review date moved so that nothing still to do falls due before the
     * opening ({@link CycleCalendar#countingFrom(java.time.LocalDate, OpeningPhase, java.time.LocalDate)}).
     * Absent: the review date.
     */
    public static final String CALENDAR_FROM = "calendarFrom";

    // kept by the process
    public static final String MATRIX_ROUNDS = "matrixRounds";
    public static final String REPORTING_ROUND = "reportingRound";
    public static final String CSO_AGREES_MATRIX = "csoAgreesMatrix";
    public static final String GOVERNMENT_AGREES_MATRIX = "governmentAgreesMatrix";
    public static final String AGREES = "yes";
    /** The matrix version each side answers for in a round (form fields, prefilled with the latest version). */
    public static final String CSO_MATRIX_VERSION = "csoMatrixVersion";
    public static final String GOVERNMENT_MATRIX_VERSION = "governmentMatrixVersion";
    /** The day each side states it agreed in a round (form fields; empty: the day of the completion). */
    public static final String CSO_AGREED_ON = "csoAgreedOn";
    public static final String GOVERNMENT_AGREED_ON = "governmentAgreedOn";
    /** The day the round's follow-up meeting was held (its form's field): no side agrees before it. */
    public static final String FOLLOW_UP_MEETING_DATE = "followUpMeetingDate";
    /** The version a round asks both sides about, set by the platform: what the agreement forms show and link. */
    public static final String MATRIX_VERSION_ASKED = "matrixVersionAsked";
    /**
     * Set by the platform when the matrix is final (both sides agreed to the same version in the
     * round, or a programme manager finalised it): its number. The round's gateway reads it.
     */
    public static final String MATRIX_FINAL_VERSION = "matrixFinalVersion";
    /** Recorded from the matrix when the CSO workshop's task completes (never typed). */
    public static final String MATRIX_ROWS_DRAFTED = "matrixRowsDrafted";
    public static final String INDICATORS_DRAFTED = "indicatorsDrafted";

    /** Due-date variables (ISO local date-times), read by camunda:dueDate and the timers. */
    public static final class Due {
        public static final String STAKEHOLDER_REPORT = "stakeholderReportDue";
        public static final String PRE_SESSION = "preSessionDue";
        public static final String STATEMENTS = "statementsDue";
        public static final String RECOMMENDATIONS = "recommendationsDue";
        public static final String POSITIONS = "positionsDue";
        public static final String ADOPTION = "adoptionDue";
        public static final String IMPLEMENTATION_PLAN = "implementationPlanDue";
        public static final String COORDINATION_MEETING_PLAN = "coordinationMeetingPlanDue";
        public static final String COORDINATION_MEETING = "coordinationMeetingDue";
        public static final String COORDINATION_REPORT = "coordinationReportDue";
        /** Set per round of the follow-up meeting. */
        public static final String MATRIX = "matrixDue";
        /** Set per reporting period. */
        public static final String PROGRESS_REPORT = "progressReportDue";
        /** Set per reporting period. */
        public static final String ASSESSMENT = "assessmentDue";
        /** Set per reporting period: when the next one opens. */
        public static final String NEXT_REPORTING_ROUND_OPENS = "nextReportingRoundOpens";
        public static final String MONITORING_ENDS = "monitoringEnds";
        public static final String MID_TERM_CONTRIBUTIONS = "midTermContributionsDue";
        public static final String MID_TERM_COMPILATION = "midTermCompilationDue";
        public static final String MID_TERM_REPORT = "midTermReportDue";

        private Due() {
        }
    }

    private UprCycleProcess() {
    }
}
