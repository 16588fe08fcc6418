package org.uprflow.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.uprflow.testing.Balancer;
import org.uprflow.testing.Client;
import org.uprflow.testing.SecondNode;
import org.uprflow.testing.TestDatabase;

/**
 * Case 12 (issue 15): two platform nodes behind HAProxy against one, in the same run, as {@code ClusterIT}
 * starts them: the packaged jar twice ({@link SecondNode}, each a JVM of its own on the run's PostgreSQL, with
 * the JVM options users run it with)
 * and Debian's HAProxy with the project's {@code deploy/haproxy/haproxy.cfg} ({@link Balancer}). The
 * in-process platform of the other cases only prepares the tasks. Three channels, each at 8 users
 * (or the run's most): node A directly; HAProxy with both of its server lines on node A (one node, the
 * balancer's hop included); HAProxy on nodes A and B. Measured on each: task completions over
 * {@code /engine-rest} and the CSOs' inbox page (their role filter, first 15), with the CPU the two
 * nodes' JVMs used per operation beside the run's own meter.
 */
final class ClusterCase {

    static final String CASE = "12 cluster";
    static final String DIRECT = "node A directly";
    static final String ONE_NODE = "HAProxy -> one node (A twice)";
    static final String TWO_NODES = "HAProxy -> two nodes (A, B)";
    static final String COMPLETE = ": POST /engine-rest/task/{id}/complete";
    static final String INBOX = ": POST /engine-rest/filter/{role filter}/list?maxResults=15 (CSOs)";
    /** Both of HAProxy's servers pass two checks 2 s apart, then ramp up over its 10 s slow start (haproxy.cfg). */
    private static final Duration BALANCER_SETTLES = Duration.ofSeconds(16);
    /** A node took 6 minutes to start on a machine loaded by other sessions (load average 45 on 2 cores). */
    private static final Duration NODE_START_LIMIT = Duration.ofMinutes(15);

    private final TestDatabase database;
    private final CycleThroughput cycle;
    private final Population world;
    private final Scale scale;
    private final Report report;
    private final CpuMeter cpu;

    ClusterCase(TestDatabase database, CycleThroughput cycle, Population world, Scale scale, Report report, CpuMeter cpu) {
        this.database = database;
        this.cycle = cycle;
        this.world = world;
        this.scale = scale;
        this.report = report;
        this.cpu = cpu;
    }

    void run(int users) throws Exception {
        if (!Files.isExecutable(Path.of(Balancer.HAPROXY))) {
            report.add(Figure.value(CASE, "two nodes behind HAProxy", "not measured: no " + Balancer.HAPROXY
                    + " (apt-get install haproxy)"));
            return;
        }
        Files.createDirectories(Path.of("target", "benchmarks", "cluster"));
        // One after the other, each with its own start-up time limit: nodes starting together start in turn anyway
        // (the start-up lock, ADR 0013), which on a loaded machine took both past one limit.
        SecondNode nodeA = started(node("a").launch());
        SecondNode nodeB = null;
        try {
            nodeB = started(node("b").launch());
            List<String[]> inboxes = roleFilters(new Client(nodeA.baseUrl()));
            NodesCpu nodesCpu = new NodesCpu(cpu, List.of(nodeA.pid(), nodeB.pid()));
            measure(DIRECT, new Client(nodeA.baseUrl()), users, inboxes, nodesCpu);
            try (Balancer one = Balancer.start(nodeA.port(), nodeA.port())) {
                Thread.sleep(BALANCER_SETTLES.toMillis());
                measure(ONE_NODE, new Client(one.baseUrl()), users, inboxes, nodesCpu);
            }
            try (Balancer two = Balancer.start(nodeA.port(), nodeB.port())) {
                Thread.sleep(BALANCER_SETTLES.toMillis());
                measure(TWO_NODES, new Client(two.baseUrl()), users, inboxes, nodesCpu);
                report.add(Figure.value(CASE, "requests HAProxy sent to each node in the two-node rows",
                        bothNodesServed(Files.readAllLines(Balancer.LOG))));
            }
            for (String work : List.of(COMPLETE, INBOX)) {
                ratio(users, work, ONE_NODE, TWO_NODES);
                ratio(users, work, DIRECT, ONE_NODE);
            }
        } finally {
            nodeA.close();
            if (nodeB != null) {
                nodeB.close();
            }
        }
    }

    private static SecondNode started(SecondNode node) throws InterruptedException {
        node.awaitReady(NODE_START_LIMIT);
        return node;
    }

    private SecondNode.Launch node(String name) {
        SecondNode.Launch node = SecondNode.on(database.url(), database.user(), database.password())
                .adminPassword(Population.ADMIN_PASSWORD).jvm("@" + Footprint.JVM_OPTIONS.toAbsolutePath())
                .log(Path.of("target", "benchmarks", "cluster", "node-" + name + ".log"));
        Footprint.JVM_ENVIRONMENT.forEach(node::env);
        return node;
    }

    private void measure(String channel, Client client, int users, List<String[]> inboxes, NodesCpu nodesCpu) {
        report.add(cycle.completeThrough(client, CASE, channel + COMPLETE, users, nodesCpu.meter()));
        report.add(Load.run(CASE, channel + INBOX, users, scale.warmUpOps(), scale.inboxQueries(), scale.maxTime(),
                nodesCpu.meter(), (user, n) -> {
                    String[] inbox = inboxes.get((int) (n % inboxes.size()));
                    client.expect(200, client.post(Client.basic(Population.cso(inbox[0]), Population.PASSWORD),
                            "/engine-rest/filter/" + inbox[1] + "/list?firstResult=0&maxResults=15", "{}"), "inbox");
                    return true;
                }));
    }

    /** {country, id of its CSOs' role filter} for every staffed country, as the CSO sees the filters. */
    private List<String[]> roleFilters(Client client) {
        List<String[]> filters = new ArrayList<>();
        for (String code : world.staffed()) {
            for (JsonNode filter : client.expect(200, client.get(Client.basic(Population.cso(code), Population.PASSWORD),
                    "/engine-rest/filter?resourceType=Task"), "filters of " + code).json()) {
                if ("role-tasks".equals(filter.at("/properties/uprflowView").asText())) {
                    filters.add(new String[] {code, filter.get("id").asText()});
                }
            }
        }
        if (filters.isEmpty()) {
            throw new IllegalStateException("no CSO role filter found");
        }
        return filters;
    }

    /**
     * The two-node rows measure two nodes only if the balancer sent work to both: its request log says (lines of the
     * frontend {@code platform}, not its health-check messages).
     */
    static String bothNodesServed(List<String> balancerLog) {
        long first = balancerLog.stream().filter(line -> line.contains(" platform nodes/node1 ")).count();
        long second = balancerLog.stream().filter(line -> line.contains(" platform nodes/node2 ")).count();
        if (first == 0 || second == 0) {
            throw new IllegalStateException("HAProxy did not send requests to both nodes: " + first + " and " + second);
        }
        return String.format(Locale.ROOT, "A %d, B %d (HAProxy's request log)", first, second);
    }

    private void ratio(int users, String work, String base, String compared) {
        report.add(Figure.ratio(CASE, "ratio " + compared + " / " + base + work, users, report.find(CASE, base + work, users),
                report.find(CASE, compared + work, users)));
    }

    /** The run's own meter (this JVM, PostgreSQL) and the CPU of each node's JVM per operation. */
    private record NodesCpu(CpuMeter cpu, List<Long> pids) {

        Load.Meter meter() {
            Load.Meter own = cpu.meter();
            return new Load.Meter() {
                private long[] before;

                @Override
                public void start() {
                    own.start();
                    before = ticks();
                }

                @Override
                public String stop(long operations) {
                    long[] after = ticks();
                    StringBuilder nodes = new StringBuilder();
                    for (int i = 0; i < pids.size(); i++) {
                        nodes.append(i == 0 ? "" : ", ").append((char) ('A' + i)).append(String.format(Locale.ROOT,
                                " %.1f ms", operations == 0 ? 0 : (after[i] - before[i]) * 10.0 / operations));
                    }
                    return own.stop(operations) + "; nodes' JVM CPU per op: " + nodes;
                }
            };
        }

        private long[] ticks() {
            return pids.stream().mapToLong(pid -> CpuMeter.processTicks(pid)).toArray();
        }
    }
}
