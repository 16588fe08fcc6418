package org.uprflow.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uprflow.cycle.internal.OverdueTaskFollowUpProcess;
import org.uprflow.meeting.Meeting;
import org.uprflow.meeting.MeetingKind;

@Deployment(resources = {"processes/coordination-meeting.bpmn", "processes/overdue-task-follow-up.bpmn"})
class CoordinationMeetingProcessTest extends CycleProcessTestBase {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = CycleEngine.fullyCovering(OverdueTaskFollowUpProcess.KEY);


    static final String KENYA_ORGANISERS = "UPR Info with the Kenya National Commission on Human Rights and the "
            + "Kenya Human Rights Commission, supported by OHCHR's Nairobi office";

    @Test
    void runsTrainingAndCsoWorkshopInParallelThenTheDialogue() {
        ProcessInstance phase = cycle.startPhase(CoordinationMeetingProcess.KEY);

        // planned a month later than it was held: each session is recorded on the day it was held
        cycle.complete(CoordinationMeetingProcess.PLAN_COORDINATION_MEETING, Map.of(
                CoordinationMeetingProcess.FIRST_DAY, "2015-08-13", CoordinationMeetingProcess.SECOND_DAY, "2015-08-14",
                CoordinationMeetingProcess.ORGANISERS, KENYA_ORGANISERS));

        assertThat(phase).isWaitingAt(CoordinationMeetingProcess.HOLD_CSO_FOLLOW_UP_WORKSHOP, CoordinationMeetingProcess.HOLD_GOVERNMENT_TRAINING);
        assertThat(cycle.task(CoordinationMeetingProcess.HOLD_CSO_FOLLOW_UP_WORKSHOP)).hasCandidateGroup("ke-cso");
        assertThat(cycle.task(CoordinationMeetingProcess.HOLD_GOVERNMENT_TRAINING)).hasCandidateGroup("ke-government");
        cycle.complete(CoordinationMeetingProcess.HOLD_GOVERNMENT_TRAINING);
        assertThat(phase).isWaitingAt(CoordinationMeetingProcess.HOLD_CSO_FOLLOW_UP_WORKSHOP);
        cycle.complete(CoordinationMeetingProcess.HOLD_CSO_FOLLOW_UP_WORKSHOP);

        cycle.complete(CoordinationMeetingProcess.RECORD_DIALOGUE, Map.of("dialogueHeldOn", "2015-07-14",
                "dialogueCsoAttendance", 50L, "dialogueGovernmentAttendance", 16L, "dialogueNhriAttendance", 2L,
                "agreedNextSteps", "Meet again in September to finalise the implementation matrix"));

        assertThat(phase).hasPassed(CoordinationMeetingProcess.COORDINATION_MEETING_HELD).isEnded()
                .variables().containsEntry("dialogueCsoAttendance", 50L);
        assertThat(CycleEngine.meetings(processEngine).ofCycle(CycleFixture.KENYA, 2))
                .filteredOn(meeting -> meeting.processInstanceId().equals(phase.getId()))
                .extracting(Meeting::kind, Meeting::heldOn, Meeting::csoAttendance, Meeting::governmentAttendance,
                        Meeting::nhriAttendance, Meeting::organisers)
                .containsExactlyInAnyOrder(
                        tuple(MeetingKind.COORDINATION_CSO_WORKSHOP, LocalDate.of(2015, 7, 13), 1, null, null,
                                KENYA_ORGANISERS),
                        tuple(MeetingKind.GOVERNMENT_TRAINING, LocalDate.of(2015, 7, 13), null, 1, null,
                                KENYA_ORGANISERS),
                        tuple(MeetingKind.COORDINATION_DIALOGUE, LocalDate.of(2015, 7, 14), 50, 16, 2,
                                KENYA_ORGANISERS));
        assertThat(CycleEngine.meetings(processEngine).ofCycle(CycleFixture.KENYA, 2))
                .filteredOn(meeting -> meeting.processInstanceId().equals(phase.getId())
                        && meeting.kind() == MeetingKind.COORDINATION_DIALOGUE)
                .extracting(Meeting::agreed).containsExactly("Meet again in September to finalise the implementation matrix");
    }

    @Test
    void asksProgrammeManagersToFollowUpEveryOverdueTask() {
        ProcessInstance phase = cycle.startPhase(CoordinationMeetingProcess.KEY);

        cycle.letBecomeOverdue(CoordinationMeetingProcess.PLAN_COORDINATION_MEETING);
        cycle.complete(CoordinationMeetingProcess.PLAN_COORDINATION_MEETING);
        cycle.letBecomeOverdue(CoordinationMeetingProcess.HOLD_CSO_FOLLOW_UP_WORKSHOP);
        cycle.letBecomeOverdue(CoordinationMeetingProcess.HOLD_GOVERNMENT_TRAINING);
        cycle.completeAll(CoordinationMeetingProcess.HOLD_CSO_FOLLOW_UP_WORKSHOP, CoordinationMeetingProcess.HOLD_GOVERNMENT_TRAINING);
        cycle.letBecomeOverdue(CoordinationMeetingProcess.RECORD_DIALOGUE);
        cycle.complete(CoordinationMeetingProcess.RECORD_DIALOGUE);

        assertThat(phase).isEnded();
        assertThat(cycle.followUps()).hasSize(4);
    }

    @Test
    void refusesNegativeAttendanceAndASecondDayBeforeTheFirst() {
        ProcessInstance phase = cycle.startPhase(CoordinationMeetingProcess.KEY);

        assertThatThrownBy(() -> cycle.complete(CoordinationMeetingProcess.PLAN_COORDINATION_MEETING, Map.of(
                CoordinationMeetingProcess.FIRST_DAY, "2015-07-14", CoordinationMeetingProcess.SECOND_DAY, "2015-07-13")))
                .rootCause().hasMessageContaining("The second day (2015-07-13) cannot be before the first day (2015-07-14)");
        cycle.complete(CoordinationMeetingProcess.PLAN_COORDINATION_MEETING);

        assertThatThrownBy(() -> cycle.complete(CoordinationMeetingProcess.HOLD_GOVERNMENT_TRAINING,
                Map.of("governmentTrainingAttendance", -15L)))
                .rootCause().isInstanceOf(TaskInputRejected.class)
                .hasMessageContaining("'Government representatives trained' must be at least 0, not -15");

        assertThat(phase).isWaitingAt(CoordinationMeetingProcess.HOLD_GOVERNMENT_TRAINING);
    }
}
