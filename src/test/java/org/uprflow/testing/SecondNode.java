package org.uprflow.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Another node of the platform: the packaged jar in a JVM of its own, on the same PostgreSQL as
 * the tests' node, as a second server behind a load balancer would be.
 */
public final class SecondNode implements AutoCloseable {

    // Generous: on a shared, loaded machine a second JVM with an engine may take minutes to start.
    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

    private final Process process;
    private final int port;

    private SecondNode(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static SecondNode start(TestDatabase database, String adminPassword) throws IOException, InterruptedException {
        return start(database, adminPassword, java.util.Map.of());
    }

    /** With settings of its own on top, such as its mail server ({@code SPRING_MAIL_PORT}). */
    public static SecondNode start(TestDatabase database, String adminPassword, java.util.Map<String, String> environment)
            throws IOException, InterruptedException {
        String jar = System.getProperty("uprflow.jar");
        if (jar == null || !new File(jar).isFile()) {
            throw new IllegalStateException("No packaged platform at " + jar + " (run the tests with mvn verify)");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-jar", jar)
                .redirectErrorStream(true)
                .redirectOutput(new File("target/second-node.log"));
        builder.environment().put("SPRING_PROFILES_ACTIVE", "postgres");
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("DB_URL", database.url());
        builder.environment().put("DB_USER", database.user());
        builder.environment().put("DB_PASSWORD", database.password());
        builder.environment().put("UPRFLOW_ADMIN_PASSWORD", adminPassword);
        builder.environment().putAll(environment);
        SecondNode node = new SecondNode(builder.start(), port);
        node.awaitStarted();
        return node;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    private void awaitStarted() throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The second node stopped; see target/second-node.log");
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/camunda/app/tasklist/default/"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("The second node did not start within " + START_TIMEOUT + "; see target/second-node.log");
    }

    /** As a machine that loses power: no shutdown hooks, no goodbye to the database or the mail server. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
