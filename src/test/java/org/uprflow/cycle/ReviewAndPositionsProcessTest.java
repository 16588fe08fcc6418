package org.uprflow.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"processes/review-and-positions.bpmn", "processes/overdue-task-follow-up.bpmn"})
class ReviewAndPositionsProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = CycleEngine.fullyCovering(OverdueTaskFollowUpProcess.KEY);

    ProcessEngine processEngine;
    CycleFixture cycle;

    @BeforeEach
    void setUp() {
        init(processEngine);
        cycle = new CycleFixture(processEngine);
    }

    @Test
    void registersRecommendationsRecordsPositionsAndAdoptsTheOutcome() {
        ProcessInstance phase = cycle.startPhase(ReviewAndPositionsProcess.KEY);

        assertThat(cycle.task(ReviewAndPositionsProcess.REGISTER_RECOMMENDATIONS)).hasCandidateGroup("programme-managers");
        cycle.complete(ReviewAndPositionsProcess.REGISTER_RECOMMENDATIONS, Map.of(ReviewAndPositionsProcess.RECOMMENDATIONS_RECEIVED, 253L));
        assertThat(cycle.task(ReviewAndPositionsProcess.RECORD_POSITIONS)).hasCandidateGroup("ke-government");
        cycle.complete(ReviewAndPositionsProcess.RECORD_POSITIONS, Map.of(
                ReviewAndPositionsProcess.RECOMMENDATIONS_SUPPORTED, 192L, ReviewAndPositionsProcess.RECOMMENDATIONS_NOTED, 61L));
        cycle.complete(ReviewAndPositionsProcess.RECORD_OUTCOME_ADOPTION);

        assertThat(phase).hasPassed(ReviewAndPositionsProcess.OUTCOME_ADOPTED).isEnded()
                .variables().containsEntry(ReviewAndPositionsProcess.RECOMMENDATIONS_SUPPORTED, 192L);
    }

    @Test
    void asksProgrammeManagersToFollowUpEveryOverdueTask() {
        ProcessInstance phase = cycle.startPhase(ReviewAndPositionsProcess.KEY);

        for (String task : new String[] {ReviewAndPositionsProcess.REGISTER_RECOMMENDATIONS,
                ReviewAndPositionsProcess.RECORD_POSITIONS, ReviewAndPositionsProcess.RECORD_OUTCOME_ADOPTION}) {
            cycle.letBecomeOverdue(task);
            cycle.complete(task);
        }

        assertThat(phase).isEnded();
        assertThat(cycle.followUps()).hasSize(3);
    }

    @Test
    void refusesPositionsThatLeaveRecommendationsUnanswered() {
        ProcessInstance phase = cycle.startPhase(ReviewAndPositionsProcess.KEY);
        cycle.complete(ReviewAndPositionsProcess.REGISTER_RECOMMENDATIONS, Map.of(ReviewAndPositionsProcess.RECOMMENDATIONS_RECEIVED, 253L));

        assertThatThrownBy(() -> cycle.complete(ReviewAndPositionsProcess.RECORD_POSITIONS, Map.of(
                ReviewAndPositionsProcess.RECOMMENDATIONS_SUPPORTED, 176L, ReviewAndPositionsProcess.RECOMMENDATIONS_NOTED, 70L)))
                .rootCause().isInstanceOf(TaskInputRejected.class)
                .hasMessageContaining("176 supported and 70 noted make 246, but 253 were received");

        assertThat(phase).isWaitingAt(ReviewAndPositionsProcess.RECORD_POSITIONS);
    }
}
