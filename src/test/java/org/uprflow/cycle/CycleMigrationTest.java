package org.uprflow.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A new version of {@code upr-cycle} is deployed while cycles run (docs/operations.md, "Upgrading the
 * process models"): running cycles stay on their version until migrated. A cycle waiting in each phase
 * is migrated with the engine's migration API (equal activities mapped, timers recomputed) and then runs
 * to its end on the new version, as the operator's guide tells an operator to do it.
 */
@Deployment(resources = {"processes/upr-cycle.bpmn", "processes/pre-session.bpmn",
        "processes/review-and-positions.bpmn", "processes/coordination-meeting.bpmn",
        "processes/mid-term-report.bpmn", "processes/overdue-task-follow-up.bpmn"})
class CycleMigrationTest extends CycleProcessTestBase {

    @RegisterExtension
    static ProcessEngineExtension engine = plainEngine();


    /** Where the cycle is put (a phase, or the step that opens it and sets its dates) and where it then waits. */
    @ParameterizedTest(name = "{1}")
    @CsvSource({
            UprCycleProcess.PRE_SESSION + "," + UprCycleProcess.PRE_SESSION,
            UprCycleProcess.REVIEW_AND_POSITIONS + "," + UprCycleProcess.REVIEW_AND_POSITIONS,
            UprCycleProcess.DRAFT_IMPLEMENTATION_PLAN + "," + UprCycleProcess.DRAFT_IMPLEMENTATION_PLAN,
            UprCycleProcess.COORDINATION_MEETING + "," + UprCycleProcess.COORDINATION_MEETING,
            UprCycleProcess.OPEN_MATRIX_ROUND + "," + UprCycleProcess.RECORD_FOLLOW_UP_MEETING,
            UprCycleProcess.IMPLEMENTATION_MONITORING + "," + UprCycleProcess.REPORT_PROGRESS,
            UprCycleProcess.MID_TERM_REPORT + "," + UprCycleProcess.MID_TERM_REPORT})
    void aCycleWaitingInThisPhaseMigratesToTheNewVersionAndRunsToItsEnd(String startBefore, String phase) {
        RuntimeService runtime = processEngine.getRuntimeService();
        ProcessInstance kenya = runtime.createProcessInstanceByKey(UprCycleProcess.KEY).businessKey(CycleFixture.KENYA_CYCLE)
                .setVariables(cycle.kenyaPhaseVariables()).startBeforeActivity(startBefore).execute();
        ProcessDefinition running = definition(kenya.getProcessDefinitionId());
        ProcessDefinition next = deployNewVersion();
        assertThat(next.getVersion()).isEqualTo(running.getVersion() + 1);
        assertThat(definition(instance(kenya).getProcessDefinitionId()).getVersion())
                .as("a deployment alone moves no running cycle").isEqualTo(running.getVersion());

        MigrationPlan plan = runtime.createMigrationPlan(running.getId(), next.getId())
                .mapEqualActivities().updateEventTriggers().build();
        runtime.newMigration(plan).processInstanceIds(kenya.getId()).execute();

        assertThat(instance(kenya).getProcessDefinitionId()).isEqualTo(next.getId());
        assertThat(kenya).isWaitingAt(phase);
        runToTheEnd(kenya);
        assertThat(kenya).hasPassed(UprCycleProcess.CYCLE_CLOSED).isEnded();
    }

    /** The same model with a task renamed: a new version, as a changed upr-cycle.bpmn would deploy at the next start. */
    private ProcessDefinition deployNewVersion() {
        BpmnModelInstance model = Bpmn.readModelFromStream(getClass().getClassLoader().getResourceAsStream("processes/upr-cycle.bpmn"));
        UserTask draft = model.getModelElementById(UprCycleProcess.DRAFT_IMPLEMENTATION_PLAN);
        draft.setName(draft.getName() + " and its indicators");
        String deployment = processEngine.getRepositoryService().createDeployment().name("upr-cycle v2")
                .addModelInstance("upr-cycle.bpmn", model).deploy().getId();
        return processEngine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deployment).singleResult();
    }

    /** Does each open task of the cycle (its phases' too), or lets the cycle's next timer fire, until it ends. */
    private void runToTheEnd(ProcessInstance kenya) {
        for (int step = 0; step < 80 && instance(kenya) != null; step++) {
            List<Task> open = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(CycleFixture.KENYA_CYCLE)
                    .active().list();
            if (!open.isEmpty()) {
                String key = open.get(0).getTaskDefinitionKey();
                cycle.complete(key, agreeing(key));
                continue;
            }
            Job timer = processEngine.getManagementService().createJobQuery().processInstanceId(kenya.getId())
                    .activityId(UprCycleProcess.MID_TERM_REPORT_DUE).singleResult();
            assertThat(timer).as("with no task open the cycle waits for its mid-term report's date").isNotNull();
            processEngine.getManagementService().executeJob(timer.getId());
        }
    }

    private static Map<String, Object> agreeing(String taskKey) {
        return switch (taskKey) {
            case UprCycleProcess.AGREE_MATRIX_CSO -> Map.of(UprCycleProcess.CSO_AGREES_MATRIX, "yes");
            case UprCycleProcess.AGREE_MATRIX_GOVERNMENT -> Map.of(UprCycleProcess.GOVERNMENT_AGREES_MATRIX, "yes");
            default -> Map.of();
        };
    }

    private ProcessInstance instance(ProcessInstance kenya) {
        return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(kenya.getId()).singleResult();
    }

    private ProcessDefinition definition(String id) {
        return processEngine.getRepositoryService().getProcessDefinition(id);
    }
}
