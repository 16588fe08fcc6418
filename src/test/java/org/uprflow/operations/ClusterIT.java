package org.uprflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.uprflow.testing.Balancer;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.RestartablePostgres;
import org.uprflow.testing.SecondNode;
import org.uprflow.testing.World;

/**
 * The topology of {@code docker-compose.yml} on this machine: two nodes (the packaged jar) on one
 * PostgreSQL of this test's own, behind HAProxy with {@code deploy/haproxy/haproxy.cfg}. Users complete
 * tasks through the balancer while one node is killed with {@code kill -9} and later PostgreSQL is
 * restarted. At the end every acknowledged completion is in the database, none twice, every process
 * instance passed its join once, and both nodes serve again, the database's return needing no restart.
 */
class ClusterIT {

    /** Per phase: 60 completions, a quarter of them before the fault. */
    private static final int PROBES = 30;
    private static final int USERS = 4;

    @Test
    void theClusterLosesNoAcknowledgedCompletionWhenANodeIsKilledAndTheDatabaseRestarts() throws Exception {
        try (RestartablePostgres postgres = RestartablePostgres.start("cluster-postgres")) {
            int port1 = SecondNode.freePort();
            int port2 = SecondNode.freePort();
            SecondNode node1 = node(postgres, port1, "node1");
            SecondNode node2 = node(postgres, port2, "node2");
            try (Balancer balancer = awaitBoth(node1, node2, port1, port2)) {
                Http viaBalancer = new Http(balancer.baseUrl());
                World world = World.buildOn(viaBalancer);
                assertForwardedHeadersAreTheBalancers(world, balancer);

                // A node killed while users complete tasks through the balancer, then started again.
                Probes beforeKill = Probes.start(world, PROBES);
                try (CompletionLoad load = new CompletionLoad(viaBalancer, beforeKill.tasks(), USERS)) {
                    await("a first share of completions", () -> load.acknowledgedCount() >= PROBES / 2);
                    node2.kill();
                    assertThat(load.awaitAllDone(300)).as("every task done through the surviving node").isTrue();
                    assertThat(load.anomalies()).isEmpty();
                    assertTheDatabaseAgrees(postgres, load, beforeKill);
                }
                node2 = node(postgres, port2, "node2-restarted");
                node2.awaitReady();

                // PostgreSQL restarted while users complete tasks: readiness DOWN on both, then UP without a restart.
                Probes beforeRestart = Probes.start(world, PROBES);
                SecondNode first = node1;
                SecondNode second = node2;
                try (CompletionLoad load = new CompletionLoad(viaBalancer, beforeRestart.tasks(), USERS)) {
                    await("a first share of completions", () -> load.acknowledgedCount() >= PROBES / 2);
                    postgres.stop();
                    await("readiness DOWN on both nodes while the database is away",
                            () -> status(first, "/actuator/health/readiness") == 503 && status(second, "/actuator/health/readiness") == 503);
                    assertThat(status(node1, "/actuator/health/liveness")).as("alive all the same: no restart wanted").isEqualTo(200);
                    assertThat(status(node2, "/actuator/health/liveness")).isEqualTo(200);
                    postgres.start();
                    await("readiness UP again on both nodes, without a restart",
                            () -> status(first, "/actuator/health/readiness") == 200 && status(second, "/actuator/health/readiness") == 200);
                    assertThat(load.awaitAllDone(300)).as("every task done after the database's return").isTrue();
                    assertThat(load.anomalies()).isEmpty();
                    assertTheDatabaseAgrees(postgres, load, beforeRestart);
                }
                for (SecondNode node : List.of(node1, node2)) {
                    Http direct = new Http(node.baseUrl());
                    assertThat(direct.as(World.KE_CSO, World.PASSWORD).get("/api/countries").status())
                            .as("%s serves again", node.baseUrl()).isEqualTo(200);
                }
            } finally {
                node1.close();
                node2.close();
            }
        }
    }

    private static SecondNode node(RestartablePostgres postgres, int port, String name) throws Exception {
        return SecondNode.on(postgres.url(), postgres.user(), postgres.password())
                .adminPassword(PostgresIntegrationTest.ADMIN_PASSWORD).port(port).env("DB_POOL_SIZE", "10")
                .log(Path.of("target/cluster/" + name + ".log")).launch();
    }

    private static Balancer awaitBoth(SecondNode node1, SecondNode node2, int port1, int port2) throws Exception {
        SecondNode.awaitAllReady(node1, node2);
        return Balancer.start(port1, port2);
    }


    /** A client's own X-Forwarded-Host is dropped by the balancer: the API description names the balancer's address. */
    private static void assertForwardedHeadersAreTheBalancers(World world, Balancer balancer) {
        Http.Response forged = new Http(balancer.baseUrl()).as(PostgresIntegrationTest.ADMIN, PostgresIntegrationTest.ADMIN_PASSWORD,
                "X-Forwarded-Host", "evil.example").get("/v3/api-docs");
        assertThat(forged.status()).isEqualTo(200);
        assertThat(forged.json().at("/servers/0/url").asText()).isEqualTo(balancer.baseUrl());
        assertThat(world.admin().get("/actuator/prometheus").status()).as("operators' endpoints stay off the public address")
                .isEqualTo(404);
    }

    /** Probe instances of Kenya, each with a CSO task and a government task that join before its end. */
    private record Probes(List<CompletionLoad.Task> tasks, Set<String> instances) {
        static Probes start(World world, int count) {
            List<CompletionLoad.Task> tasks = new ArrayList<>();
            Set<String> instances = new HashSet<>();
            for (int i = 0; i < count; i++) {
                World.Probe probe = world.startProbe("ke");
                instances.add(probe.processInstanceId());
                tasks.add(new CompletionLoad.Task(probe.csoTaskId(), World.KE_CSO));
                tasks.add(new CompletionLoad.Task(probe.governmentTaskId(), World.KE_GOV));
            }
            return new Probes(tasks, instances);
        }
    }

    private static void assertTheDatabaseAgrees(RestartablePostgres postgres, CompletionLoad load, Probes probes)
            throws Exception {
        List<CompletionLoad.Task> tasks = probes.tasks();
        Set<String> instances = probes.instances();
        assertThat(java.util.Collections.disjoint(load.acknowledged(), load.committedUnacknowledged()))
                .as("no task both acknowledged and found committed after a lost answer").isTrue();
        assertThat(load.acknowledged().size() + load.committedUnacknowledged().size()).isEqualTo(tasks.size());
        try (Connection connection = DriverManager.getConnection(postgres.url(), postgres.user(), postgres.password())) {
            for (String taskId : load.acknowledged()) {
                assertThat(count(connection, "select count(*) from act_hi_taskinst where id_ = ? and end_time_ is not null"
                        + " and delete_reason_ = 'completed'", taskId)).as("acknowledged completion of %s kept", taskId).isEqualTo(1);
                assertThat(count(connection, "select count(*) from act_ru_task where id_ = ?", taskId)).isZero();
            }
            for (String instance : instances) {
                assertThat(count(connection, "select count(*) from act_hi_procinst where id_ = ? and end_time_ is not null",
                        instance)).as("instance %s passed its join and ended", instance).isEqualTo(1);
                assertThat(count(connection, "select count(*) from act_hi_actinst where proc_inst_id_ = ?"
                        + " and act_id_ = 'EndEvent_ProbeDone'", instance)).as("instance %s ended once", instance).isEqualTo(1);
            }
        }
    }

    private static int count(Connection connection, String sql, String parameter) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private static int status(SecondNode node, String path) {
        try {
            return new Http(node.baseUrl()).anonymous().get(path).status();
        } catch (RuntimeException unreachable) {
            return -1;
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 5 minutes: " + what);
            }
            Thread.sleep(200);
        }
    }
}
