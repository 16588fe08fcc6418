package org.uprflow.meeting;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.uprflow.cycle.CoordinationMeetingProcess;
import org.uprflow.cycle.OpeningPhase;
import org.uprflow.cycle.UprCycleProcess;

/**
 * The meetings of a cycle, each recorded by the task with its form: which form variables hold the
 * day it was held, the place, the organisers, the attendance per side ({@code null}: the form
 * does not count that side) and what was agreed, and the phase of the cycle it belongs to. A
 * country's variant of a phase names its own forms; a meeting of a variant is recorded once its
 * form is listed here.
 *
 * <p>Every kind has a date field of its own, filled in when the meeting is recorded: the days
 * planned for the coordination meeting are a plan, not the day a session was held.
 */
public enum MeetingKind {

    /** In Geneva; the form counts Recommending States, not the sides. */
    PRE_SESSION(OpeningPhase.PRE_SESSION, "organise-pre-session",
            new Fields("preSessionDate", "preSessionPlace", "preSessionOrganisers", null, null, null, null)),
    /** The CSOs' workshop that drafts the implementation plan. */
    IMPLEMENTATION_PLAN_WORKSHOP(OpeningPhase.IMPLEMENTATION_PLAN, "draft-implementation-plan",
            new Fields("csoWorkshopDate", "csoWorkshopPlace", "csoWorkshopOrganisers", "csoWorkshopAttendance", null,
                    null, null)),
    /** Day 1 of the coordination meeting, CSO side. */
    COORDINATION_CSO_WORKSHOP(OpeningPhase.COORDINATION_MEETING, "hold-cso-follow-up-workshop",
            new Fields("csoFollowUpWorkshopHeldOn", CoordinationMeetingProcess.PLACE,
                    CoordinationMeetingProcess.ORGANISERS, "csoWorkshopAttendanceDayOne", null, null, null)),
    /** Day 1 of the coordination meeting, government side. */
    GOVERNMENT_TRAINING(OpeningPhase.COORDINATION_MEETING, "hold-government-training",
            new Fields("governmentTrainingHeldOn", CoordinationMeetingProcess.PLACE,
                    CoordinationMeetingProcess.ORGANISERS, null, "governmentTrainingAttendance", null, null)),
    /** Day 2 of the coordination meeting: both sides together, the NHRI often as a bridge. */
    COORDINATION_DIALOGUE(OpeningPhase.COORDINATION_MEETING, "record-dialogue",
            new Fields("dialogueHeldOn", CoordinationMeetingProcess.PLACE, CoordinationMeetingProcess.ORGANISERS,
                    "dialogueCsoAttendance", "dialogueGovernmentAttendance", "dialogueNhriAttendance",
                    "agreedNextSteps")),
    /** One per round until both sides agree on the matrix. */
    FOLLOW_UP_MEETING(OpeningPhase.MATRIX_AGREEMENT, "record-follow-up-meeting",
            new Fields(UprCycleProcess.FOLLOW_UP_MEETING_DATE, "followUpMeetingPlace", "followUpMeetingOrganisers",
                    "followUpCsoAttendance", "followUpGovernmentAttendance", "followUpNhriAttendance",
                    "followUpMeetingAgreed"));

    /** The form variables a meeting is read from; null where the form does not ask. */
    record Fields(String date, String place, String organisers, String cso, String government, String nhri,
            String agreed) {
    }

    private final OpeningPhase phase;
    private final String formId;
    private final Fields fields;

    MeetingKind(OpeningPhase phase, String formId, Fields fields) {
        this.phase = phase;
        this.formId = formId;
        this.fields = fields;
    }

    /** The meeting a task with this form records, if it records one. */
    public static Optional<MeetingKind> recordedBy(String formId) {
        return Arrays.stream(values()).filter(kind -> kind.formId.equals(formId)).findFirst();
    }

    public String formId() {
        return formId;
    }

    /** The phase of the cycle the meeting belongs to. */
    public OpeningPhase phase() {
        return phase;
    }

    /** The variables the meeting is read from: its task's form fields, or an earlier form's (place, organisers). */
    public List<String> variables() {
        return Stream.of(fields.date(), fields.place(), fields.organisers(), fields.cso(), fields.government(),
                fields.nhri(), fields.agreed()).filter(Objects::nonNull).toList();
    }

    /** The form field that holds the day the meeting was held. */
    public String dateVariable() {
        return fields.date();
    }

    Fields fields() {
        return fields;
    }
}
