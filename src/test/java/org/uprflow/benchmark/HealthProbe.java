package org.uprflow.benchmark;

import java.util.List;

import org.uprflow.testing.Client;

/**
 * What the balancer's checks cost a node (issue 15): anonymous liveness and readiness (the latter asks
 * the database and the engine), at 1 and 8 callers, with the JVM's and PostgreSQL's CPU per call. A
 * balancer checking every 2 s makes 0.5 calls per second per node; the figure says how small a share
 * of a core that is.
 */
final class HealthProbe {

    static final String CASE = "9 health";

    private final Client client;
    private final Scale scale;
    private final Report report;
    private final CpuMeter cpu;

    HealthProbe(Client client, Scale scale, Report report, CpuMeter cpu) {
        this.client = client;
        this.scale = scale;
        this.report = report;
        this.cpu = cpu;
    }

    void run() {
        for (String path : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            for (int users : List.of(1, 8)) {
                report.add(Load.run(CASE, "GET " + path + " (no login)", users, scale.warmUpOps(), scale.maxOps(),
                        scale.maxTime(), cpu.meter(), (user, n) -> {
                            client.expect(200, client.get(null, path), path);
                            return true;
                        }));
            }
        }
    }
}
