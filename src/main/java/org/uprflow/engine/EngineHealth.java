package org.uprflow.engine;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The engine answers: one engine command that reads its own property table ({@code ACT_GE_PROPERTY},
 * a handful of rows), so the engine's MyBatis mapping, its connection and its schema are all proven,
 * not merely that an engine object exists (which is all the starter's {@code processEngine} check says).
 * Part of readiness: a node whose engine cannot reach its tables must not get requests. A failure is
 * DOWN (the base class turns the exception into it), so readiness answers 503, not 500.
 */
final class EngineHealth extends AbstractHealthIndicator {

    private final ProcessEngine engine;
    private final EngineAuthentication engineAuthentication;

    EngineHealth(ProcessEngine engine, EngineAuthentication engineAuthentication) {
        super("The engine could not read its tables");
        this.engine = engine;
        this.engineAuthentication = engineAuthentication;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        // As the platform: the property read is an admin's operation, and a probe has no engine identity anyway.
        Map<String, String> properties = engineAuthentication.asPlatform(() -> engine.getManagementService().getProperties());
        JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        health.up().withDetail("name", engine.getName())
                .withDetail("schemaVersion", properties.getOrDefault("schema.version", "?"))
                .withDetail("jobExecutorActive", jobExecutor != null && jobExecutor.isActive());
    }
}
