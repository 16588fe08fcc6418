package org.uprflow.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uprflow.cycle.internal.OverdueTaskFollowUpProcess;

@Deployment(resources = {"processes/mid-term-report.bpmn", "processes/overdue-task-follow-up.bpmn"})
class MidTermReportProcessTest extends CycleProcessTestBase {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = CycleEngine.fullyCovering(OverdueTaskFollowUpProcess.KEY);


    @Test
    void compilesTheThreeContributionsAndPublishes() {
        ProcessInstance phase = cycle.startPhase(MidTermReportProcess.KEY);

        assertThat(phase).isWaitingAt(MidTermReportProcess.CONTRIBUTE_GOVERNMENT, MidTermReportProcess.CONTRIBUTE_CSO,
                MidTermReportProcess.CONTRIBUTE_NHRI);
        assertThat(cycle.task(MidTermReportProcess.CONTRIBUTE_NHRI)).hasCandidateGroup("ke-nhri");
        cycle.completeAll(MidTermReportProcess.CONTRIBUTE_GOVERNMENT, MidTermReportProcess.CONTRIBUTE_CSO,
                MidTermReportProcess.CONTRIBUTE_NHRI, MidTermReportProcess.COMPILE_MID_TERM_REPORT,
                MidTermReportProcess.PUBLISH_MID_TERM_REPORT);

        assertThat(phase).hasPassed(MidTermReportProcess.MID_TERM_REPORT_PUBLISHED).isEnded();
    }

    /**
     * A contribution carries the day its side states; left empty, today; a day after today is
     * refused and the task stays open (the day a cycle entered late states is years back).
     */
    @Test
    void aContributionCarriesTheDayItsSideStatesElseToday() {
        ProcessInstance phase = cycle.startPhase(MidTermReportProcess.KEY);
        cycle.complete(MidTermReportProcess.CONTRIBUTE_GOVERNMENT, Map.of("governmentMidTermSubmittedOn", "2017-05-15"));
        Map<String, Object> noDay = new HashMap<>();
        noDay.put("csoMidTermSubmittedOn", null);
        cycle.complete(MidTermReportProcess.CONTRIBUTE_CSO, noDay);
        String tomorrow = LocalDate.now().plusDays(1).toString();
        assertThatThrownBy(() -> cycle.complete(MidTermReportProcess.CONTRIBUTE_NHRI,
                Map.of("nhriMidTermSubmittedOn", tomorrow)))
                .hasMessageContaining("'Day the contribution was submitted' is " + tomorrow + ", after today");

        Map<String, Object> variables = processEngine.getRuntimeService().getVariables(phase.getId());
        assertThat(variables).containsEntry("governmentMidTermSubmittedOn", "2017-05-15")
                .containsEntry("csoMidTermSubmittedOn", LocalDate.now().toString())
                .doesNotContainKey("nhriMidTermSubmittedOn");
        assertThat(phase).isWaitingAt(MidTermReportProcess.CONTRIBUTE_NHRI);
    }

    @Test
    void asksProgrammeManagersToFollowUpEveryOverdueTask() {
        ProcessInstance phase = cycle.startPhase(MidTermReportProcess.KEY);
        String[] contributions = {MidTermReportProcess.CONTRIBUTE_GOVERNMENT, MidTermReportProcess.CONTRIBUTE_CSO,
                MidTermReportProcess.CONTRIBUTE_NHRI};
        for (String task : contributions) {
            cycle.letBecomeOverdue(task);
        }
        cycle.completeAll(contributions);
        for (String task : new String[] {MidTermReportProcess.COMPILE_MID_TERM_REPORT, MidTermReportProcess.PUBLISH_MID_TERM_REPORT}) {
            cycle.letBecomeOverdue(task);
            cycle.complete(task);
        }

        assertThat(phase).isEnded();
        assertThat(cycle.followUps()).hasSize(5);
    }
}
