package org.uprflow.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.uprflow.cycle.PreSessionProcess.ORGANISE_PRE_SESSION;
import static org.uprflow.cycle.PreSessionProcess.PRE_SESSION_HELD;
import static org.uprflow.cycle.PreSessionProcess.RECORD_CSO_STATEMENT;
import static org.uprflow.cycle.PreSessionProcess.RECORD_NHRI_STATEMENT;
import static org.uprflow.cycle.PreSessionProcess.SUBMIT_STAKEHOLDER_REPORT;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uprflow.cycle.internal.OverdueTaskFollowUpProcess;

@Deployment(resources = {"processes/pre-session.bpmn", "processes/overdue-task-follow-up.bpmn"})
class PreSessionProcessTest extends CycleProcessTestBase {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = CycleEngine.fullyCovering(OverdueTaskFollowUpProcess.KEY);


    @Test
    void runsFromStakeholderReportToBothStatements() {
        ProcessInstance phase = cycle.startPhase(PreSessionProcess.KEY);

        assertThat(phase).isWaitingAt(SUBMIT_STAKEHOLDER_REPORT);
        assertThat(cycle.task(SUBMIT_STAKEHOLDER_REPORT)).hasCandidateGroup("ke-cso")
                .hasDueDate(CycleFixture.due(new CycleCalendar().stakeholderReportDue(CycleFixture.KENYA_REVIEW)));
        cycle.complete(SUBMIT_STAKEHOLDER_REPORT);

        assertThat(cycle.task(ORGANISE_PRE_SESSION)).hasCandidateGroup("programme-managers");
        cycle.complete(ORGANISE_PRE_SESSION);

        assertThat(phase).isWaitingAt(RECORD_CSO_STATEMENT, RECORD_NHRI_STATEMENT);
        assertThat(cycle.task(RECORD_NHRI_STATEMENT)).hasCandidateGroup("ke-nhri");
        cycle.completeAll(RECORD_CSO_STATEMENT, RECORD_NHRI_STATEMENT);

        assertThat(phase).hasPassed(PRE_SESSION_HELD).isEnded();
        assertThat(cycle.followUps()).isEmpty();
    }

    @Test
    void asksProgrammeManagersToFollowUpEveryOverdueTask() {
        ProcessInstance phase = cycle.startPhase(PreSessionProcess.KEY);

        for (String task : new String[] {SUBMIT_STAKEHOLDER_REPORT, ORGANISE_PRE_SESSION}) {
            cycle.letBecomeOverdue(task);
            cycle.complete(task);
        }
        cycle.letBecomeOverdue(RECORD_CSO_STATEMENT);
        cycle.letBecomeOverdue(RECORD_NHRI_STATEMENT);
        cycle.completeAll(RECORD_CSO_STATEMENT, RECORD_NHRI_STATEMENT);

        assertThat(phase).isEnded();
        assertThat(cycle.followUps()).hasSize(4).allSatisfy(followUp -> assertThat(followUp)
                .hasCandidateGroup("programme-managers")
                .hasDefinitionKey(OverdueTaskFollowUpProcess.FOLLOW_UP_OVERDUE_TASK));
    }

    @Test
    void acceptsAStakeholderReportSubmittedAfterItsDueDate() {
        ProcessInstance phase = cycle.startPhase(PreSessionProcess.KEY);
        cycle.at(CycleFixture.KENYA_REVIEW.minusMonths(6));

        cycle.letBecomeOverdue(SUBMIT_STAKEHOLDER_REPORT);

        assertThat(phase).isWaitingAt(SUBMIT_STAKEHOLDER_REPORT);
        assertThat(cycle.followUps()).singleElement().satisfies(followUp -> {
            Map<String, Object> about = processEngine.getTaskService().getVariables(followUp.getId());
            assertThat(about).containsEntry(OverdueTaskFollowUpProcess.OVERDUE_TASK_NAME, "Submit the stakeholder report")
                    .containsEntry(OverdueTaskFollowUpProcess.OVERDUE_TASK_GROUPS, "ke-cso")
                    .containsEntry(OverdueTaskFollowUpProcess.OVERDUE_TASK_DUE, "2014-06-21T17:00:00")
                    .containsEntry(UprCycleProcess.COUNTRY_CODE, "ke");
            assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceId(followUp.getProcessInstanceId()).singleResult().getBusinessKey())
                    .isEqualTo(CycleFixture.KENYA_CYCLE);
        });

        cycle.complete(SUBMIT_STAKEHOLDER_REPORT);

        // the late report moves the phase on; the follow-up stays with the programme manager
        assertThat(phase).isWaitingAt(ORGANISE_PRE_SESSION);
        assertThat(cycle.followUps()).hasSize(1);
    }

    @Test
    void refusesAStakeholderReportWithoutItsLinkAndKeepsTheTaskOpen() {
        ProcessInstance phase = cycle.startPhase(PreSessionProcess.KEY);

        assertThatThrownBy(() -> cycle.complete(SUBMIT_STAKEHOLDER_REPORT,
                        Map.of("stakeholderReportLink", "", "stakeholderReportOrganisations", 0L)))
                .hasRootCauseInstanceOf(TaskInputRejected.class)
                .rootCause().hasMessageContaining("'Link to the submitted report' is required")
                .hasMessageContaining("'Number of organisations that signed it' must be at least 1");

        assertThat(phase).isWaitingAt(SUBMIT_STAKEHOLDER_REPORT);
    }
}
