package org.uprflow.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uprflow.cycle.internal.OverdueTaskFollowUpProcess;

@Deployment(resources = {"processes/overdue-task-follow-up.bpmn"})
class OverdueTaskFollowUpProcessTest extends CycleProcessTestBase {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = CycleEngine.fullyCovering();


    @Test
    void givesTheProgrammeManagersAWeekToFollowUp() {
        ProcessInstance followUp = processEngine.getRuntimeService().startProcessInstanceByKey(
                OverdueTaskFollowUpProcess.KEY, CycleFixture.KENYA_CYCLE, Map.of(
                        UprCycleProcess.COUNTRY_CODE, "ke",
                        OverdueTaskFollowUpProcess.OVERDUE_TASK_NAME, "Submit the stakeholder report",
                        OverdueTaskFollowUpProcess.FOLLOW_UP_DUE, "2014-06-28T17:00:00"));

        assertThat(cycle.task(OverdueTaskFollowUpProcess.FOLLOW_UP_OVERDUE_TASK))
                .hasCandidateGroup("programme-managers")
                .hasDueDate(CycleFixture.due(java.time.LocalDateTime.of(2014, 6, 28, 17, 0)));
        assertThatThrownBy(() -> cycle.complete(OverdueTaskFollowUpProcess.FOLLOW_UP_OVERDUE_TASK, Map.of("followUpAction", "ignored")))
                .rootCause().hasMessageContaining("'What did you do?' must be one of");
        cycle.complete(OverdueTaskFollowUpProcess.FOLLOW_UP_OVERDUE_TASK, Map.of("followUpAction", "reminded"));

        assertThat(followUp).hasPassed(OverdueTaskFollowUpProcess.OVERDUE_TASK_FOLLOWED_UP).isEnded();
    }
}
