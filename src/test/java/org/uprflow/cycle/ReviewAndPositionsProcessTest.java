package org.uprflow.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;


import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uprflow.cycle.internal.OverdueTaskFollowUpProcess;

@Deployment(resources = {"processes/review-and-positions.bpmn", "processes/overdue-task-follow-up.bpmn"})
class ReviewAndPositionsProcessTest extends CycleProcessTestBase {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = CycleEngine.fullyCovering(OverdueTaskFollowUpProcess.KEY);


    @Test
    void registersRecommendationsRecordsPositionsAndAdoptsTheOutcome() {
        ProcessInstance phase = cycle.startPhase(ReviewAndPositionsProcess.KEY);

        assertThat(cycle.task(ReviewAndPositionsProcess.REGISTER_RECOMMENDATIONS)).hasCandidateGroup("programme-managers");
        cycle.complete(ReviewAndPositionsProcess.REGISTER_RECOMMENDATIONS);
        assertThat(cycle.task(ReviewAndPositionsProcess.RECORD_POSITIONS)).hasCandidateGroup("ke-government");
        cycle.complete(ReviewAndPositionsProcess.RECORD_POSITIONS);
        cycle.complete(ReviewAndPositionsProcess.RECORD_OUTCOME_ADOPTION);

        assertThat(phase).hasPassed(ReviewAndPositionsProcess.OUTCOME_ADOPTED).isEnded();
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
    void asksNobodyToTypeTheRegistersFigures() {
        TaskInputRules forms = new TaskInputRules(CycleEngine.messages());

        assertThat(forms.fieldKeys(ReviewAndPositionsProcess.REGISTER_RECOMMENDATIONS_FORM))
                .doesNotContain(ReviewAndPositionsProcess.RECOMMENDATIONS_RECEIVED);
        assertThat(forms.fieldKeys(ReviewAndPositionsProcess.RECORD_POSITIONS_FORM)).isEmpty();
    }
}
