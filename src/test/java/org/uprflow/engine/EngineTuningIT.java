package org.uprflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.uprflow.testing.PostgresIntegrationTest;

/** The tuning of docs/benchmarks.md is in place on PostgreSQL, and a CSO's inbox still answers through it. */
class EngineTuningIT extends PostgresIntegrationTest {

    @Autowired
    private ProcessEngine engine;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void thePlatformsIndexesAreOnTheEnginesTables() {
        List<String> indexes = jdbc.queryForList("select indexname from pg_indexes where indexname like 'uprflow_idx_%'",
                String.class);
        assertThat(indexes).contains("uprflow_idx_auth_task_read", "uprflow_idx_task_parent");
    }

    @Test
    void taskQueriesArePlannedForTheirValuesAndStillAnswer() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getSqlSessionFactory().getConfiguration().getInterceptors())
                .anySatisfy(interceptor -> assertThat(interceptor).isInstanceOf(CustomPlansForTaskQueries.Unprepared.class));
        // the statements the interceptor marks: a task list and its count, with authorization checks on
        engine.getIdentityService().setAuthentication("nobody-in-particular", List.of("zz-cso"), List.of("zz"));
        try {
            assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("zz-cso").list()).isEmpty();
            assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("zz-cso").count()).isZero();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    @Test
    void onlyTheTaskListAndItsCountAreMarked() {
        assertThat(CustomPlansForTaskQueries.isTaskQuery(
                "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria")).isTrue();
        assertThat(CustomPlansForTaskQueries.isTaskQuery("selectTaskCountByQueryCriteria")).isTrue();
        assertThat(CustomPlansForTaskQueries.isTaskQuery(
                "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTasksByParentTaskId")).isFalse();
    }
}
