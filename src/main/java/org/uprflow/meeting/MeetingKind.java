package org.uprflow.meeting;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.uprflow.cycle.CoordinationMeetingProcess;

/**
 * The meetings of a cycle, each recorded by the task with its form: which form variables hold the
 * date, the place and the attendance per side ({@code null}: the form does not count that side).
 * A country's variant of a phase names its own forms; a meeting of a variant is recorded once its
 * form is listed here.
 */
public enum MeetingKind {

    /** In Geneva; the form counts Recommending States, not the sides. */
    PRE_SESSION("organise-pre-session", "preSessionDate", "preSessionPlace", null, null),
    /** The CSOs' workshop that drafts the implementation plan. */
    IMPLEMENTATION_PLAN_WORKSHOP("draft-implementation-plan", "csoWorkshopDate", "csoWorkshopPlace",
            "csoWorkshopAttendance", null),
    /** Day 1 of the coordination meeting, CSO side. */
    COORDINATION_CSO_WORKSHOP("hold-cso-follow-up-workshop", CoordinationMeetingProcess.FIRST_DAY,
            "coordinationMeetingPlace", "csoWorkshopAttendanceDayOne", null),
    /** Day 1 of the coordination meeting, government side. */
    GOVERNMENT_TRAINING("hold-government-training", CoordinationMeetingProcess.FIRST_DAY,
            "coordinationMeetingPlace", null, "governmentTrainingAttendance"),
    /** Day 2 of the coordination meeting: both sides together. */
    COORDINATION_DIALOGUE("record-dialogue", CoordinationMeetingProcess.SECOND_DAY, "coordinationMeetingPlace",
            "dialogueCsoAttendance", "dialogueGovernmentAttendance"),
    /** One per round until both sides agree on the matrix. */
    FOLLOW_UP_MEETING("record-follow-up-meeting", "followUpMeetingDate", "followUpMeetingPlace",
            "followUpCsoAttendance", "followUpGovernmentAttendance");

    private final String formId;
    private final String dateVariable;
    private final String placeVariable;
    private final String csoVariable;
    private final String governmentVariable;

    MeetingKind(String formId, String dateVariable, String placeVariable, String csoVariable,
            String governmentVariable) {
        this.formId = formId;
        this.dateVariable = dateVariable;
        this.placeVariable = placeVariable;
        this.csoVariable = csoVariable;
        this.governmentVariable = governmentVariable;
    }

    /** The meeting a task with this form records, if it records one. */
    public static Optional<MeetingKind> recordedBy(String formId) {
        return Arrays.stream(values()).filter(kind -> kind.formId.equals(formId)).findFirst();
    }

    public String formId() {
        return formId;
    }

    /** The variables the meeting is read from: its task's form fields, or an earlier form's (the meeting days). */
    public List<String> variables() {
        return Stream.of(dateVariable, placeVariable, csoVariable, governmentVariable).filter(Objects::nonNull).toList();
    }

    String dateVariable() {
        return dateVariable;
    }

    String placeVariable() {
        return placeVariable;
    }

    String csoVariable() {
        return csoVariable;
    }

    String governmentVariable() {
        return governmentVariable;
    }
}
