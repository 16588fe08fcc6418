package org.uprflow.cycle;

import org.uprflow.cycle.internal.PhaseVariants;

/**
 * Phase 5, called by the cycle ({@code processes/coordination-meeting.bpmn}). A country may
 * deploy its own definition with this key in its tenant; {@link PhaseVariants} makes the cycle
 * call it.
 */
public final class CoordinationMeetingProcess {

    public static final String KEY = "coordination-meeting";

    public static final String PLAN_COORDINATION_MEETING = "Task_PlanCoordinationMeeting";
    public static final String HOLD_CSO_FOLLOW_UP_WORKSHOP = "Task_HoldCsoFollowUpWorkshop";
    public static final String HOLD_GOVERNMENT_TRAINING = "Task_HoldGovernmentTraining";
    public static final String RECORD_DIALOGUE = "Task_RecordDialogue";
    public static final String COORDINATION_MEETING_HELD = "EndEvent_CoordinationMeetingHeld";

    public static final String HOLD_CSO_FOLLOW_UP_WORKSHOP_FORM = "hold-cso-follow-up-workshop";
    /** Recorded from the matrix when day 1's CSO workshop completes (never typed). */
    public static final String MATRIX_ROWS_AFTER_WORKSHOP = "matrixRowsAfterWorkshop";
    public static final String INDICATORS_AFTER_WORKSHOP = "indicatorsAfterWorkshop";

    public static final String FIRST_DAY = "coordinationMeetingFirstDay";
    public static final String SECOND_DAY = "coordinationMeetingSecondDay";
    public static final String PLACE = "coordinationMeetingPlace";
    public static final String ORGANISERS = "coordinationMeetingOrganisers";

    private CoordinationMeetingProcess() {
    }
}
