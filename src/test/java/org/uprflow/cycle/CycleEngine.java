package org.uprflow.cycle;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.uprflow.cycle.internal.EscalateOverdueTaskDelegate;
import org.uprflow.cycle.internal.OpenMatrixRoundDelegate;
import org.uprflow.cycle.internal.OpenReportingRoundDelegate;
import org.uprflow.cycle.internal.PhaseVariants;
import org.uprflow.cycle.internal.PlanCycleCalendarDelegate;
import org.uprflow.engine.CountryTenantIdProvider;
import org.uprflow.meeting.MeetingLog;
import org.uprflow.meeting.RecordMeetingListener;

/**
 * A fast in-memory engine (H2, history full, no job executor: timers are driven by the tests)
 * wired with the real calendar, delegates and listeners, no mocks.
 */
final class CycleEngine {

    private static final String MEETING_LOG = "meetingLog";

    /** The countries the engine tests open cycles of, onboarded as tenants. */
    private static final String[] TEST_COUNTRIES = {"ke", "mw"};

    private CycleEngine() {
    }

    /** An engine whose tests must touch every flow node and sequence flow of the processes not excluded. */
    static ProcessEngineCoverageExtension fullyCovering(String... excludedProcessKeys) {
        StandaloneInMemProcessEngineConfiguration configuration = configuration();
        ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
        return (ProcessEngineCoverageExtension) ProcessEngineCoverageExtension.builder(configuration)
                .excludeProcessDefinitionKeys(excludedProcessKeys)
                .assertClassCoverageAtLeast(1.0)
                .build();
    }

    static StandaloneInMemProcessEngineConfiguration configuration() {
        StandaloneInMemProcessEngineConfiguration config = new StandaloneInMemProcessEngineConfiguration();
        String name = "cycle-" + UUID.randomUUID();
        config.setProcessEngineName(name);
        config.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        config.setJobExecutorActivate(false);
        // Tasks find their country's groups through the instance's tenant, stamped as on the platform.
        config.setTenantIdProvider(new CountryTenantIdProvider());
        config.getProcessEnginePlugins().add(new AbstractProcessEnginePlugin() {
            @Override
            public void postProcessEngineBuild(ProcessEngine engine) {
                for (String country : TEST_COUNTRIES) {
                    engine.getIdentityService().saveTenant(engine.getIdentityService().newTenant(country));
                }
            }
        });

        CycleCalendar calendar = new CycleCalendar();
        TaskInputRules forms = new TaskInputRules(messages(), TaskInputRules.DEFAULT_FORMS, "classpath*:variants/**/*.form");
        Map<Object, Object> beans = new HashMap<>();
        beans.put("planCycleCalendarDelegate", new PlanCycleCalendarDelegate(calendar));
        beans.put("openMatrixRoundDelegate", new OpenMatrixRoundDelegate(calendar, forms));
        beans.put("openReportingRoundDelegate", new OpenReportingRoundDelegate(calendar, forms));
        beans.put("escalateOverdueTaskDelegate", new EscalateOverdueTaskDelegate(calendar));
        beans.put("validateTaskInputListener", new ValidateTaskInputListener(forms));
        MeetingLog meetings = meetingLogBeside(config);
        beans.put(MEETING_LOG, meetings);
        beans.put("recordMeetingListener", new RecordMeetingListener(meetings));
        beans.put("recordMatrixAgreementListener", matrixAgreementStandIn());
        // the configuration creates its services up front, so the bean can hold the real one
        beans.put("phaseVariants", new PhaseVariants(config.getRepositoryService()));
        config.setBeans(beans);
        return config;
    }

    /**
     * The engine tests have no matrix behind them: in its place, the matrix is final once both
     * sides answered yes in the round, which is what the real listener
     * ({@code RecordMatrixAgreementListener}, tested on PostgreSQL) ends in when nobody changed the
     * draft in between. Only the process's routing on {@code matrixFinalVersion} is under test here.
     */
    private static TaskListener matrixAgreementStandIn() {
        return task -> {
            if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
                return;
            }
            boolean bothAgree = UprCycleProcess.AGREES.equals(task.getVariable(UprCycleProcess.CSO_AGREES_MATRIX))
                    && UprCycleProcess.AGREES.equals(task.getVariable(UprCycleProcess.GOVERNMENT_AGREES_MATRIX));
            if (bothAgree) {
                task.getExecution().getProcessInstance().setVariable(UprCycleProcess.MATRIX_FINAL_VERSION,
                        task.getVariable(UprCycleProcess.CSO_MATRIX_VERSION));
            }
        };
    }

    /** The meetings the engine's tasks recorded, read from its own database. */
    static MeetingLog meetings(ProcessEngine engine) {
        return (MeetingLog) ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getBeans()
                .get(MEETING_LOG);
    }

    /**
     * The platform's meeting table (its real migrations, with the country and cycle tables V9
     * alters beside it) in the engine's in-memory database; written
     * on connections of its own, outside the engine's transactions, which is all a test needs.
     */
    private static MeetingLog meetingLogBeside(StandaloneInMemProcessEngineConfiguration config) {
        DriverManagerDataSource database = new DriverManagerDataSource(config.getJdbcUrl(), config.getJdbcUsername(),
                config.getJdbcPassword());
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V1__country.sql"),
                new ClassPathResource("db/migration/V2__cycle.sql"), new ClassPathResource("db/migration/V5__meeting.sql"),
                new ClassPathResource("db/migration/V9__cycle_history.sql")).execute(database);
        return new MeetingLog(JdbcClient.create(database));
    }

    /** The platform's message bundle, as Spring Boot configures it. */
    static MessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
