package org.uprflow.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.uprflow.cycle.UprCycleProcess.AGREE_MATRIX_CSO;
import static org.uprflow.cycle.UprCycleProcess.AGREE_MATRIX_GOVERNMENT;
import static org.uprflow.cycle.UprCycleProcess.ASSESS_PROGRESS;
import static org.uprflow.cycle.UprCycleProcess.CSO_AGREES_MATRIX;
import static org.uprflow.cycle.UprCycleProcess.DRAFT_IMPLEMENTATION_PLAN;
import static org.uprflow.cycle.UprCycleProcess.GOVERNMENT_AGREES_MATRIX;
import static org.uprflow.cycle.UprCycleProcess.RECORD_FOLLOW_UP_MEETING;
import static org.uprflow.cycle.UprCycleProcess.REPORT_PROGRESS;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uprflow.cycle.internal.OverdueTaskFollowUpProcess;
import org.uprflow.meeting.Meeting;
import org.uprflow.meeting.MeetingKind;

@Deployment(resources = {"processes/upr-cycle.bpmn", "processes/pre-session.bpmn",
        "processes/review-and-positions.bpmn", "processes/coordination-meeting.bpmn",
        "processes/mid-term-report.bpmn", "processes/overdue-task-follow-up.bpmn"})
class UprCycleProcessTest extends CycleProcessTestBase {

    /** The phases the cycle calls are covered by their own process tests. */
    @RegisterExtension
    static ProcessEngineCoverageExtension engine = CycleEngine.fullyCovering(PreSessionProcess.KEY,
            ReviewAndPositionsProcess.KEY, CoordinationMeetingProcess.KEY, MidTermReportProcess.KEY,
            OverdueTaskFollowUpProcess.KEY);


    @Test
    void runsKenyasCycleFromPreSessionToMidTermReport() {
        ProcessInstance kenya = openKenyasCycle();

        assertThat(kenya).isWaitingAt(UprCycleProcess.PRE_SESSION).variables()
                .containsEntry(UprCycleProcess.Due.STAKEHOLDER_REPORT, "2014-06-21T17:00:00")
                .containsEntry(UprCycleProcess.Due.COORDINATION_MEETING, "2015-07-21T17:00:00")
                .containsEntry(UprCycleProcess.Due.MID_TERM_REPORT, "2017-07-21T17:00:00");
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(PreSessionProcess.KEY).singleResult().getBusinessKey()).isEqualTo("KE-2");
        cycle.completeAll(PreSessionProcess.SUBMIT_STAKEHOLDER_REPORT, PreSessionProcess.ORGANISE_PRE_SESSION,
                PreSessionProcess.RECORD_CSO_STATEMENT, PreSessionProcess.RECORD_NHRI_STATEMENT);
        cycle.completeAll(ReviewAndPositionsProcess.REGISTER_RECOMMENDATIONS, ReviewAndPositionsProcess.RECORD_POSITIONS,
                ReviewAndPositionsProcess.RECORD_OUTCOME_ADOPTION);

        assertThat(kenya).isWaitingAt(DRAFT_IMPLEMENTATION_PLAN);
        assertThat(cycle.task(DRAFT_IMPLEMENTATION_PLAN)).hasCandidateGroup("ke-cso");
        cycle.complete(DRAFT_IMPLEMENTATION_PLAN);
        cycle.completeAll(CoordinationMeetingProcess.PLAN_COORDINATION_MEETING, CoordinationMeetingProcess.HOLD_CSO_FOLLOW_UP_WORKSHOP,
                CoordinationMeetingProcess.HOLD_GOVERNMENT_TRAINING, CoordinationMeetingProcess.RECORD_DIALOGUE);

        cycle.complete(RECORD_FOLLOW_UP_MEETING);
        cycle.complete(AGREE_MATRIX_CSO, Map.of(CSO_AGREES_MATRIX, "yes"));
        cycle.complete(AGREE_MATRIX_GOVERNMENT, Map.of(GOVERNMENT_AGREES_MATRIX, "yes"));

        assertThat(kenya).isWaitingAt(REPORT_PROGRESS).variables().containsEntry(UprCycleProcess.MATRIX_ROUNDS, 1);
        assertThat(cycle.task(REPORT_PROGRESS)).hasCandidateGroup("ke-government");
        cycle.complete(REPORT_PROGRESS);
        assertThat(cycle.task(ASSESS_PROGRESS)).hasCandidateGroup("ke-cso").hasCandidateGroup("ke-nhri");
        cycle.complete(ASSESS_PROGRESS);
        cycle.fireTimer(UprCycleProcess.NEXT_REPORTING_PERIOD);

        assertThat(kenya).isWaitingAt(REPORT_PROGRESS).variables()
                .containsEntry(UprCycleProcess.REPORTING_ROUND, 2)
                .containsEntry(UprCycleProcess.Due.PROGRESS_REPORT, "2016-09-21T17:00:00");
        cycle.fireTimer(UprCycleProcess.MID_TERM_REPORT_DUE);

        assertThat(kenya).hasPassed(UprCycleProcess.MID_TERM_REPORT_DUE).isWaitingAt(UprCycleProcess.MID_TERM_REPORT);
        cycle.completeAll(MidTermReportProcess.CONTRIBUTE_GOVERNMENT, MidTermReportProcess.CONTRIBUTE_CSO,
                MidTermReportProcess.CONTRIBUTE_NHRI, MidTermReportProcess.COMPILE_MID_TERM_REPORT,
                MidTermReportProcess.PUBLISH_MID_TERM_REPORT);

        assertThat(kenya).hasPassed(UprCycleProcess.CYCLE_CLOSED).isEnded();
    }

    @Test
    void goesBackForAnotherRoundUntilBothSidesAgreeOnTheMatrix() {
        ProcessInstance kenya = startAt(UprCycleProcess.OPEN_MATRIX_ROUND);

        cycle.complete(RECORD_FOLLOW_UP_MEETING);
        cycle.complete(AGREE_MATRIX_CSO, Map.of(CSO_AGREES_MATRIX, "no", "csoMatrixComments", "Indicators for torture prevention missing"));
        cycle.complete(AGREE_MATRIX_GOVERNMENT, Map.of(GOVERNMENT_AGREES_MATRIX, "yes"));

        assertThat(kenya).hasPassed(UprCycleProcess.MATRIX_AGREED).isWaitingAt(RECORD_FOLLOW_UP_MEETING).variables()
                .containsEntry(UprCycleProcess.MATRIX_ROUNDS, 2)
                .containsEntry(UprCycleProcess.Due.MATRIX, "2015-10-21T17:00:00")
                .doesNotContainKeys(CSO_AGREES_MATRIX, GOVERNMENT_AGREES_MATRIX);

        cycle.complete(RECORD_FOLLOW_UP_MEETING);
        cycle.complete(AGREE_MATRIX_CSO, Map.of(CSO_AGREES_MATRIX, "yes"));
        cycle.complete(AGREE_MATRIX_GOVERNMENT, Map.of(GOVERNMENT_AGREES_MATRIX, "yes"));

        assertThat(kenya).isWaitingAt(REPORT_PROGRESS).variables().containsEntry(UprCycleProcess.MATRIX_ROUNDS, 2);
        assertThat(CycleEngine.meetings(processEngine).ofCycle(CycleFixture.KENYA, 2))
                .filteredOn(meeting -> meeting.processInstanceId().equals(kenya.getId()))
                .extracting(Meeting::kind, Meeting::matrixRound, Meeting::csoAttendance, Meeting::place)
                .containsExactly(tuple(MeetingKind.FOLLOW_UP_MEETING, 1, 1, "Nairobi"),
                        tuple(MeetingKind.FOLLOW_UP_MEETING, 2, 1, "Nairobi"));
    }

    @Test
    void asksProgrammeManagersToFollowUpEveryOverdueTaskOfTheCycle() {
        ProcessInstance kenya = startAt(DRAFT_IMPLEMENTATION_PLAN);

        cycle.letBecomeOverdue(DRAFT_IMPLEMENTATION_PLAN);
        cycle.complete(DRAFT_IMPLEMENTATION_PLAN);
        cycle.completeAll(CoordinationMeetingProcess.PLAN_COORDINATION_MEETING, CoordinationMeetingProcess.HOLD_CSO_FOLLOW_UP_WORKSHOP,
                CoordinationMeetingProcess.HOLD_GOVERNMENT_TRAINING, CoordinationMeetingProcess.RECORD_DIALOGUE);
        cycle.letBecomeOverdue(RECORD_FOLLOW_UP_MEETING);
        cycle.complete(RECORD_FOLLOW_UP_MEETING);
        cycle.letBecomeOverdue(AGREE_MATRIX_CSO);
        cycle.letBecomeOverdue(AGREE_MATRIX_GOVERNMENT);
        cycle.completeAll(AGREE_MATRIX_CSO, AGREE_MATRIX_GOVERNMENT);
        cycle.letBecomeOverdue(REPORT_PROGRESS);
        cycle.complete(REPORT_PROGRESS);
        cycle.letBecomeOverdue(ASSESS_PROGRESS);

        assertThat(kenya).isWaitingAt(ASSESS_PROGRESS);
        assertThat(cycle.followUps()).hasSize(6).extracting(task -> processEngine.getTaskService()
                        .getVariable(task.getId(), OverdueTaskFollowUpProcess.OVERDUE_TASK_KEY))
                .containsExactlyInAnyOrder(DRAFT_IMPLEMENTATION_PLAN, RECORD_FOLLOW_UP_MEETING, AGREE_MATRIX_CSO,
                        AGREE_MATRIX_GOVERNMENT, REPORT_PROGRESS, ASSESS_PROGRESS);
    }

    /**
     * Kenya's second cycle entered in November 2026 at the follow-up meeting, as CycleLauncher
     * starts it: the calendar counts from a review date moved past the opening, so no timer is due
     * at the opening, no follow-up is raised, and implementation monitoring runs instead of being
     * skipped by a mid-term timer that passed in 2017.
     */
    @Test
    void entersACycleThatBeganBeforeThePlatformWithoutOverdueWorkOrASkippedPhase() {
        LocalDate opening = LocalDate.of(2026, 11, 30);
        cycle.at(opening);
        CycleCalendar calendar = new CycleCalendar();
        LocalDate calendarFrom = calendar.countingFrom(CycleFixture.KENYA_REVIEW, OpeningPhase.MATRIX_AGREEMENT, opening);
        Map<String, Object> start = CycleFixture.kenyaCycleOpened();
        start.putAll(calendar.schedule(calendarFrom));
        start.put(UprCycleProcess.CALENDAR_FROM, calendarFrom.toString());

        ProcessInstance kenya = processEngine.getRuntimeService().createProcessInstanceByKey(UprCycleProcess.KEY)
                .businessKey(CycleFixture.KENYA_CYCLE).setVariables(start)
                .startBeforeActivity(OpeningPhase.MATRIX_AGREEMENT.startActivity()).execute();

        assertThat(kenya).isWaitingAt(RECORD_FOLLOW_UP_MEETING);
        assertThat(LocalDateTime.parse((String) processEngine.getRuntimeService().getVariable(kenya.getId(),
                UprCycleProcess.Due.MATRIX))).isAfter(opening.plusDays(10).atStartOfDay());
        assertThat(jobsDueBy(opening.plusDays(10))).as("nothing falls due at the opening").isZero();
        cycle.complete(RECORD_FOLLOW_UP_MEETING);
        cycle.complete(AGREE_MATRIX_CSO, Map.of(CSO_AGREES_MATRIX, "yes"));
        cycle.complete(AGREE_MATRIX_GOVERNMENT, Map.of(GOVERNMENT_AGREES_MATRIX, "yes"));

        assertThat(kenya).isWaitingAt(REPORT_PROGRESS);
        assertThat(jobsDueBy(opening.plusDays(10))).as("the mid-term timer lies ahead, as do the reporting dates").isZero();
        assertThat(LocalDateTime.parse((String) processEngine.getRuntimeService().getVariable(kenya.getId(),
                UprCycleProcess.Due.MONITORING_ENDS))).isAfter(opening.plusYears(1).atStartOfDay());
        assertThat(cycle.followUps()).isEmpty();
        assertThat(kenya).hasNotPassed(UprCycleProcess.PLAN_CYCLE_CALENDAR, UprCycleProcess.PRE_SESSION);
    }

    private long jobsDueBy(LocalDate day) {
        return processEngine.getManagementService().createJobQuery()
                .duedateLowerThan(Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant())).count();
    }

    @Test
    void keepsADateTheProgrammeManagerAlreadyKnows() {
        Map<String, Object> start = CycleFixture.kenyaCycleOpened();
        start.put(UprCycleProcess.Due.COORDINATION_MEETING, "2015-07-14T17:00:00");

        ProcessInstance kenya = processEngine.getRuntimeService().startProcessInstanceByKey(UprCycleProcess.KEY, "KE-2", start);

        assertThat(kenya).variables().containsEntry(UprCycleProcess.Due.COORDINATION_MEETING, "2015-07-14T17:00:00")
                .containsEntry(UprCycleProcess.Due.PRE_SESSION, "2014-12-21T17:00:00");
    }

    @Test
    void refusesToOpenACycleWithoutAReviewDate() {
        Map<String, Object> start = CycleFixture.kenyaCycleOpened();
        start.remove(UprCycleProcess.REVIEW_DATE);

        assertThatThrownBy(() -> processEngine.getRuntimeService().startProcessInstanceByKey(UprCycleProcess.KEY, "KE-2", start))
                .hasMessageContaining("The review date is missing");
    }

    private ProcessInstance openKenyasCycle() {
        return processEngine.getRuntimeService()
                .startProcessInstanceByKey(UprCycleProcess.KEY, CycleFixture.KENYA_CYCLE, CycleFixture.kenyaCycleOpened());
    }

    /** Kenya's cycle, started at a later step with the calendar the start would have planned. */
    private ProcessInstance startAt(String activityId) {
        return processEngine.getRuntimeService().createProcessInstanceByKey(UprCycleProcess.KEY)
                .businessKey(CycleFixture.KENYA_CYCLE)
                .setVariables(cycle.kenyaPhaseVariables())
                .startBeforeActivity(activityId)
                .execute();
    }
}
