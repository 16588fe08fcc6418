package org.uprflow.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * HAProxy from Debian's package ({@code apt-get install haproxy}; {@code .ci/run} installs it) with the
 * project's own {@code deploy/haproxy/haproxy.cfg}, the file {@code docker-compose.yml} mounts, in
 * front of two nodes on this machine. Tests that need it are skipped with a message where it is missing.
 */
public final class Balancer implements AutoCloseable {

    public static final String HAPROXY = System.getenv().getOrDefault("HAPROXY", "/usr/sbin/haproxy");
    /** HAProxy's output: one line per request (httplog) naming the node that served it, e.g. {@code nodes/node2}. */
    public static final Path LOG = Path.of("target", "balancer.log");

    private final Process process;
    private final int port;

    private Balancer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static Balancer start(int node1Port, int node2Port) throws IOException, InterruptedException {
        assumeTrue(new File(HAPROXY).canExecute(), "Balancer tests skipped: no " + HAPROXY + " (apt-get install haproxy)");
        int port = SecondNode.freePort();
        ProcessBuilder builder = new ProcessBuilder(HAPROXY, "-db", "-f", "deploy/haproxy/haproxy.cfg")
                .redirectErrorStream(true).redirectOutput(LOG.toFile());
        builder.environment().put("UPRFLOW_LB_BIND", "127.0.0.1:" + port);
        builder.environment().put("UPRFLOW_LB_ADMIN_BIND", "127.0.0.1:" + SecondNode.freePort());
        builder.environment().put("UPRFLOW_NODE1", "127.0.0.1:" + node1Port);
        builder.environment().put("UPRFLOW_NODE2", "127.0.0.1:" + node2Port);
        Balancer balancer = new Balancer(builder.start(), port);
        balancer.awaitServing();
        return balancer;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Until a node answers through the balancer (its health check has found one ready). */
    private void awaitServing() throws InterruptedException {
        if (!Readiness.await(baseUrl(), process, Duration.ofSeconds(60))) {
            throw new IllegalStateException("No node answered through HAProxy; see target/balancer.log");
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
