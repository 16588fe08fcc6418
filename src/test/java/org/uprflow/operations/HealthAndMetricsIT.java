package org.uprflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/**
 * What a load balancer and an operator see: probes without login that leave nothing behind,
 * details and metrics for admins only.
 */
class HealthAndMetricsIT extends PostgresIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void probesAnswerWithoutLoginAndCreateNoSession() {
        Integer sessionsBefore = sessions();
        for (int i = 0; i < 20; i++) {
            for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health"}) {
                Http.Response response = http.anonymous().get(probe);
                assertThat(response.status()).as(probe + ": " + response).isEqualTo(200);
                assertThat(response.json().get("status").asText()).isEqualTo("UP");
                assertThat(response.headers().get("Set-Cookie")).as("no cookie from " + probe).isNull();
            }
        }
        assertThat(sessions()).as("rows in spring_session after 60 probes").isEqualTo(sessionsBefore);
    }

    @Test
    void anonymousProbesShowNoDetailsAdminsSeeDatabaseAndEngine() {
        assertThat(http.anonymous().get("/actuator/health/readiness").json().has("components")).isFalse();
        assertThat(world.as(World.KE_MANAGER).get("/actuator/health/readiness").json().has("components"))
                .as("a country's manager is no operator").isFalse();

        Http.Response readiness = world.admin().get("/actuator/health/readiness");
        assertThat(readiness.json().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(readiness.json().at("/components/engine/status").asText()).isEqualTo("UP");
        assertThat(readiness.json().at("/components/engine/details/jobExecutorActive").asBoolean()).isTrue();
        assertThat(world.admin().get("/actuator/health/liveness").json().at("/components").has("db"))
                .as("liveness does not depend on the database").isFalse();
    }

    @Test
    void metricsAreForAdminsOnly() {
        for (String endpoint : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/info",
                "/actuator/health/db", "/actuator/metrics/uprflow.tasks.completed"}) {
            assertThat(http.anonymous().get(endpoint).status()).as(endpoint).isEqualTo(401);
            assertThat(world.as(World.KE_MANAGER).get(endpoint).status()).as(endpoint).isEqualTo(403);
            assertThat(world.as(World.MW_CSO).get(endpoint).status()).as(endpoint).isEqualTo(403);
        }
        assertThat(http.anonymous().get("/actuator/env").status()).as("not exposed at all").isIn(401, 404);
        assertThat(world.admin().get("/actuator/env").status()).isEqualTo(404);
        assertThat(sessionsCreatedBy(() -> world.admin().get("/actuator/prometheus"))).isZero();
    }

    @Test
    void prometheusCountsCompletionsPerCountryBesideRequestsPoolAndJobExecutor() {
        double kenyaBefore = completed("ke");
        double malawiBefore = completed("mw");
        World.Probe probe = world.startProbe("ke");
        Http.Response done = world.as(World.KE_CSO).postJson("/engine-rest/task/" + probe.csoTaskId() + "/complete", "{}");
        assertThat(done.status()).as(done.toString()).isEqualTo(204);

        assertThat(completed("ke")).isEqualTo(kenyaBefore + 1);
        assertThat(completed("mw")).as("Malawi's count does not move with Kenya's work").isEqualTo(malawiBefore);

        String scrape = world.admin().get("/actuator/prometheus").body();
        assertThat(scrape).contains("uprflow_tasks_completed_total{application=\"upr-flow\",country=\"ke\"}")
                .contains("http_server_requests_seconds_bucket")
                .contains("hikaricp_connections_active")
                .contains("executor_active_threads{application=\"upr-flow\",name=\"camundaTaskExecutor\"}")
                .contains("uprflow_jobs_due").contains("uprflow_jobs_failed");
        assertThat(scrape).as("no user, task or process name in the metrics").doesNotContain(World.KE_CSO)
                .doesNotContain("Review stakeholder report");
    }

    private double completed(String country) {
        Http.Response metric = world.admin().get("/actuator/metrics/uprflow.tasks.completed?tag=country:" + country);
        return metric.status() == 404 ? 0 : metric.json().at("/measurements/0/value").asDouble();
    }

    private int sessionsCreatedBy(Runnable calls) {
        int before = sessions();
        calls.run();
        return sessions() - before;
    }

    private Integer sessions() {
        return jdbc.queryForObject("select count(*) from spring_session", Integer.class);
    }
}
