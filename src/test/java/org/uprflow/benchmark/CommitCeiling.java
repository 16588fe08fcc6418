package org.uprflow.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.uprflow.testing.TestDatabase;

/**
 * Case 2: what PostgreSQL itself commits on this machine at the same concurrency: one single-row
 * INSERT and a COMMIT per operation over JDBC, one connection per user, on the platform's own
 * database and with its durability settings (which are read and reported, not changed).
 */
final class CommitCeiling {

    static final String CASE = "2 ceiling";
    static final String CHANNEL = "JDBC: INSERT one row + COMMIT";

    private final TestDatabase database;
    private final Scale scale;
    private final Report report;

    CommitCeiling(TestDatabase database, Scale scale, Report report) {
        this.database = database;
        this.scale = scale;
        this.report = report;
    }

    void run() throws SQLException {
        try (Connection admin = connect(); Statement statement = admin.createStatement()) {
            statement.execute("create table if not exists benchmark_commit (id bigserial primary key, "
                    + "payload varchar(64) not null, created timestamp with time zone not null default now())");
            report.machine("postgresql", single(statement, "select version()"));
            report.machine("postgresql.synchronous_commit", single(statement, "show synchronous_commit"));
            report.machine("postgresql.fsync", single(statement, "show fsync"));
            report.machine("postgresql.wal_sync_method", single(statement, "show wal_sync_method"));
            // off on some servers: then nothing analyzes a table but the harness (which does, before reading)
            report.machine("postgresql.autovacuum", single(statement, "show autovacuum"));
        }
        for (int users : scale.users()) {
            List<Connection> connections = new ArrayList<>();
            List<PreparedStatement> inserts = new ArrayList<>();
            try {
                for (int u = 0; u < users; u++) {
                    Connection connection = connect();
                    connection.setAutoCommit(false);
                    connections.add(connection);
                    inserts.add(connection.prepareStatement("insert into benchmark_commit (payload) values (?)"));
                }
                report.add(Load.run(CASE, CHANNEL, users, scale.warmUpOps(), scale.maxOps() * 10L, scale.maxTime(),
                        (user, n) -> {
                            PreparedStatement insert = inserts.get(user);
                            insert.setString(1, "operation " + n);
                            insert.executeUpdate();
                            connections.get(user).commit();
                            return true;
                        }));
            } finally {
                for (Connection connection : connections) {
                    connection.close();
                }
            }
        }
        try (Connection admin = connect(); Statement statement = admin.createStatement()) {
            statement.execute("drop table benchmark_commit");
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
