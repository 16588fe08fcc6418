package org.uprflow.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A country's own variant of a phase, deployed in its tenant, replaces the shared phase for that
 * country only; every other country keeps calling the shared definition (a null tenant id in
 * calledElementTenantId means "deployed without tenant" in Camunda 7.24).
 */
@Deployment(resources = {"processes/upr-cycle.bpmn", "processes/coordination-meeting.bpmn",
        "processes/overdue-task-follow-up.bpmn"})
class CountryVariantTest extends CycleProcessTestBase {

    @RegisterExtension
    static ProcessEngineExtension engine = plainEngine();

    String kenyanVariant;

    @BeforeEach
    void deployKenyasOwnCoordinationMeeting() {
        // The platform's own deployer, pointed at the test's variants folder instead of processes/<cc>/.
        new CountryVariantDeployer(processEngine.getRepositoryService(), "classpath*:variants/*/*.*")
                .deployCountryVariants();
        kenyanVariant = processEngine.getRepositoryService().createDeploymentQuery()
                .tenantIdIn(CycleFixture.KENYA).singleResult().getId();
    }

    @AfterEach
    void undeploy() {
        processEngine.getRepositoryService().deleteDeployment(kenyanVariant, true);
    }

    @Test
    void eachCountryFolderIsDeployedToItsTenantOnce() {
        assertThat(processEngine.getRepositoryService().getDeploymentResourceNames(kenyanVariant))
                .containsExactlyInAnyOrder("coordination-meeting.bpmn", "record-national-coordination-meeting.form");

        new CountryVariantDeployer(processEngine.getRepositoryService(), "classpath*:variants/*/*.*")
                .deployCountryVariants();

        assertThat(processEngine.getRepositoryService().createDeploymentQuery().tenantIdIn(CycleFixture.KENYA).count())
                .as("an unchanged folder is not deployed again").isEqualTo(1);
        assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(CoordinationMeetingProcess.KEY).withoutTenantId().count()).isEqualTo(1);
    }

    @Test
    void kenyaCallsItsOwnCoordinationMeeting() {
        ProcessInstance kenya = startCoordinationMeetingOf("ke");

        ProcessDefinition called = calledDefinition(kenya);
        assertThat(called.getTenantId()).isEqualTo("ke");
        assertThat(cycle.task("Task_RecordCoordinationMeeting")).hasCandidateGroup("ke-nhri");
    }

    @Test
    void malawiCallsTheSharedCoordinationMeeting() {
        ProcessInstance malawi = startCoordinationMeetingOf("mw");

        assertThat(calledDefinition(malawi).getTenantId()).isNull();
        assertThat(cycle.task(CoordinationMeetingProcess.PLAN_COORDINATION_MEETING)).hasCandidateGroup("programme-managers");
    }

    private ProcessInstance startCoordinationMeetingOf(String country) {
        Map<String, Object> vars = cycle.kenyaPhaseVariables();
        vars.put(UprCycleProcess.COUNTRY_CODE, country);
        return processEngine.getRuntimeService().createProcessInstanceByKey(UprCycleProcess.KEY)
                .businessKey(country.toUpperCase() + "-2").setVariables(vars)
                .startBeforeActivity(UprCycleProcess.COORDINATION_MEETING).execute();
    }

    private ProcessDefinition calledDefinition(ProcessInstance cycleInstance) {
        ProcessInstance phase = processEngine.getRuntimeService().createProcessInstanceQuery()
                .superProcessInstanceId(cycleInstance.getId()).singleResult();
        return processEngine.getRepositoryService().getProcessDefinition(phase.getProcessDefinitionId());
    }
}
