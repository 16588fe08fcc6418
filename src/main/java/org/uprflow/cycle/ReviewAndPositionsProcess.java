package org.uprflow.cycle;

/** Phase 3, called by the cycle ({@code processes/review-and-positions.bpmn}). */
public final class ReviewAndPositionsProcess {

    public static final String KEY = "review-and-positions";

    public static final String REGISTER_RECOMMENDATIONS = "Task_RegisterRecommendations";
    public static final String RECORD_POSITIONS = "Task_RecordPositions";
    public static final String RECORD_OUTCOME_ADOPTION = "Task_RecordOutcomeAdoption";
    public static final String OUTCOME_ADOPTED = "EndEvent_OutcomeAdopted";

    /** The form of {@link #REGISTER_RECOMMENDATIONS}. */
    public static final String REGISTER_RECOMMENDATIONS_FORM = "register-recommendations";

    /** The form of {@link #RECORD_POSITIONS}. */
    public static final String RECORD_POSITIONS_FORM = "record-positions";

    /** The day the Human Rights Council adopted the review's outcome, as stated in its task's form. */
    public static final String OUTCOME_ADOPTED_ON = "outcomeAdoptedOn";

    /** Recorded from the register when its tasks complete (never typed): received, supported, noted. */
    public static final String RECOMMENDATIONS_RECEIVED = "recommendationsReceived";
    public static final String RECOMMENDATIONS_SUPPORTED = "recommendationsSupported";
    public static final String RECOMMENDATIONS_NOTED = "recommendationsNoted";

    private ReviewAndPositionsProcess() {
    }
}
