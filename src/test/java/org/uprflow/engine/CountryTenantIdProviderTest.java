package org.uprflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every instance lands in its country's tenant, whoever or whatever starts it. Engine only, on H2. */
class CountryTenantIdProviderTest {

    private static ProcessEngine engine;

    @BeforeAll
    static void engine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:tenant-provider;DB_CLOSE_DELAY=-1");
        configuration.setJobExecutorActivate(false);
        configuration.setTenantIdProvider(new CountryTenantIdProvider());
        configuration.setProcessEngineName("tenant-provider-test");
        engine = configuration.buildProcessEngine();
        for (String country : List.of("ke", "mw")) {
            engine.getIdentityService().saveTenant(engine.getIdentityService().newTenant(country));
        }
        BpmnModelInstance phase = Bpmn.createExecutableProcess("phase").camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_Work").camundaCandidateGroups("${countryCode}-cso").endEvent().done();
        // The call activity waits for the job executor: nobody is logged in when it runs.
        BpmnModelInstance cycle = Bpmn.createExecutableProcess("cycle").camundaHistoryTimeToLive(1)
                .startEvent().callActivity("CallActivity_Phase").calledElement("phase").camundaAsyncBefore()
                .camundaIn("countryCode", "countryCode").endEvent().done();
        engine.getRepositoryService().createDeployment().addModelInstance("phase.bpmn", phase)
                .addModelInstance("cycle.bpmn", cycle).deploy();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @AfterEach
    void logout() {
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void stampsTheInstanceWithItsCountryWhenNobodyIsLoggedIn() {
        ProcessInstance instance = start("phase", Map.of("countryCode", "ke"));
        assertThat(instance.getTenantId()).isEqualTo("ke");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult()
                .getTenantId()).isEqualTo("ke");
    }

    @Test
    void aCalledPhaseStartedByAJobInheritsTheCountry() {
        ProcessInstance cycle = start("cycle", Map.of("countryCode", "mw"));
        String job = engine.getManagementService().createJobQuery().processInstanceId(cycle.getId()).singleResult().getId();

        engine.getManagementService().executeJob(job);

        ProcessInstance phase = engine.getRuntimeService().createProcessInstanceQuery()
                .superProcessInstanceId(cycle.getId()).singleResult();
        assertThat(phase.getTenantId()).isEqualTo("mw");
    }

    @Test
    void refusesAStartWithoutCountry() {
        assertThatThrownBy(() -> start("phase", Map.of())).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("countryCode");
        assertThatThrownBy(() -> start("phase", Map.of("countryCode", "KE"))).isInstanceOf(BadUserRequestException.class);
    }

    @Test
    void refusesACountryThatIsNotOnboarded() {
        assertThatThrownBy(() -> start("phase", Map.of("countryCode", "fr"))).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("not onboarded");
    }

    @Test
    void refusesToStartWorkForACountryTheCallerDoesNotBelongTo() {
        engine.getIdentityService().setAuthentication("ke.manager", List.of("programme-managers"), List.of("ke"));
        assertThatThrownBy(() -> start("phase", Map.of("countryCode", "mw"))).isInstanceOf(AuthorizationException.class);
        assertThat(start("phase", Map.of("countryCode", "ke")).getTenantId()).isEqualTo("ke");
    }

    @Test
    void anAdminStartsWorkForAnyCountry() {
        engine.getIdentityService().setAuthentication("admin", List.of(Groups.CAMUNDA_ADMIN), List.of());
        assertThat(start("phase", Map.of("countryCode", "mw")).getTenantId()).isEqualTo("mw");
    }

    private static ProcessInstance start(String key, Map<String, Object> variables) {
        return engine.getRuntimeService().startProcessInstanceByKey(key, variables);
    }
}
