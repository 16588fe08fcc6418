package org.uprflow.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Another node of the platform: the packaged jar in a JVM of its own, on the same PostgreSQL as
 * the tests' node, as a second server behind a load balancer would be.
 */
public final class SecondNode implements AutoCloseable {

    // Generous: on a shared, loaded machine a second JVM with an engine may take minutes to start.
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);

    private final Process process;
    private final int port;
    private final Path log;

    private SecondNode(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static SecondNode start(TestDatabase database, String adminPassword) throws IOException, InterruptedException {
        return on(database.url(), database.user(), database.password()).adminPassword(adminPassword).start();
    }

    /** With settings of its own on top, such as its mail server ({@code SPRING_MAIL_PORT}). */
    public static SecondNode start(TestDatabase database, String adminPassword, Map<String, String> environment)
            throws IOException, InterruptedException {
        Launch launch = on(database.url(), database.user(), database.password()).adminPassword(adminPassword);
        environment.forEach(launch::env);
        return launch.start();
    }

    /** A node on any database, configured before it is launched. */
    public static Launch on(String url, String user, String password) {
        return new Launch(url, user, password);
    }

    public static final class Launch {
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m"));
        private Path log = Path.of("target/second-node.log");
        private int port;

        private Launch(String url, String user, String password) {
            environment.put("SPRING_PROFILES_ACTIVE", "postgres");
            environment.put("DB_URL", url);
            environment.put("DB_USER", user);
            environment.put("DB_PASSWORD", password);
        }

        public Launch adminPassword(String password) {
            return env("UPRFLOW_ADMIN_PASSWORD", password);
        }

        public Launch env(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /** JVM options beside the heap limit (e.g. {@code -XX:TieredStopAtLevel=1} for start-up tests). */
        public Launch jvm(String option) {
            jvmOptions.add(option);
            return this;
        }

        public Launch log(Path file) {
            this.log = file;
            return this;
        }

        /** A given port, to come back where a load balancer expects the node; a free one otherwise. */
        public Launch port(int fixed) {
            this.port = fixed;
            return this;
        }

        /** Launches the JVM and returns at once; {@link SecondNode#awaitReady()} waits for it. */
        public SecondNode launch() throws IOException {
            String jar = System.getProperty("uprflow.jar");
            if (jar == null || !new File(jar).isFile()) {
                throw new IllegalStateException("No packaged platform at " + jar + " (run the tests with mvn verify)");
            }
            int chosen = port == 0 ? freePort() : port;
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar));
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("PORT", String.valueOf(chosen));
            return new SecondNode(builder.start(), chosen, log);
        }

        public SecondNode start() throws IOException, InterruptedException {
            SecondNode node = launch();
            node.awaitReady();
            return node;
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** The node's JVM, for what it costs the machine (the benchmark's cluster case reads its CPU time). */
    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Until the node's readiness says UP (database and engine), as a load balancer would wait. */
    public void awaitReady() throws InterruptedException {
        awaitReady(START_TIMEOUT);
    }

    /** The same with a limit of its own (the benchmark's nodes start on a machine its other cases keep busy). */
    public void awaitReady(Duration timeout) throws InterruptedException {
        if (Readiness.await(baseUrl(), process, timeout)) {
            return;
        }
        boolean died = !process.isAlive();
        close();
        throw new IllegalStateException((died ? "The node stopped while starting" : "The node did not start within "
                + timeout) + "; see " + log);
    }

    /** Waits for several nodes launched together, each in a thread of its own (they start side by side). */
    public static void awaitAllReady(SecondNode... nodes) {
        java.util.concurrent.CompletableFuture.allOf(java.util.Arrays.stream(nodes)
                .map(node -> java.util.concurrent.CompletableFuture.runAsync(() -> {
                    try {
                        node.awaitReady();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                })).toArray(java.util.concurrent.CompletableFuture[]::new)).join();
    }

    /** {@code kill -9}: no shutdown hook, no graceful anything, as a crashed host would leave it. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** The log lines at ERROR level (Spring Boot's console pattern puts the level after the time). */
    public List<String> errorLines() throws IOException {
        return Files.readAllLines(log).stream().filter(line -> line.matches("^\\S+\\s+ERROR\\s.*")).toList();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(40, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
