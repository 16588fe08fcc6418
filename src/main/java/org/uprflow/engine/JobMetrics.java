package org.uprflow.engine;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;

/**
 * What the job executors of all nodes have before them, read from the shared job table at each
 * scrape: jobs due now with retries left ({@code uprflow.jobs.due}: a growing figure means the executors lag behind,
 * or a killed node's locks have not expired yet, docs/operations.md) and jobs whose retries are
 * spent ({@code uprflow.jobs.failed}: each is an incident for an operator). The executor's own
 * threads and queue are Spring Boot's {@code executor.*} metrics of the {@code camundaTaskExecutor}.
 */
final class JobMetrics implements MeterBinder {

    private final ManagementService management;
    private final EngineAuthentication engineAuthentication;

    JobMetrics(ManagementService management, EngineAuthentication engineAuthentication) {
        this.management = management;
        this.engineAuthentication = engineAuthentication;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("uprflow.jobs.due", this, JobMetrics::due)
                .description("Jobs due now with retries left, locked or not (all nodes)").register(registry);
        Gauge.builder("uprflow.jobs.failed", this, JobMetrics::failed)
                .description("Jobs with no retries left (incidents, all nodes)").register(registry);
    }

    private double due() {
        return engineAuthentication.asPlatform(() -> management.createJobQuery().executable().active().count());
    }

    private double failed() {
        return engineAuthentication.asPlatform(() -> management.createJobQuery().noRetriesLeft().count());
    }
}
