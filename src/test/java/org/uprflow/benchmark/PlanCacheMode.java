package org.uprflow.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Switches PostgreSQL's {@code plan_cache_mode} for every connection of the platform's pool in
 * the middle of a run, so that its cost is measured on and off in the same run (issue 6). The
 * harness starts the platform with {@code connection-init-sql} set to {@code RESET plan_cache_mode}
 * (in case a deployment sets one) and sets the value on the database instead, which every new
 * connection takes, then evicts the pooled connections; {@link #use} checks it on a fresh
 * connection. The postgres profile ships PostgreSQL's default; it forced custom plans on every
 * connection before.
 */
final class PlanCacheMode {

    /** What the postgres profile set before: a plan made for each statement's values, every time. */
    static final String CUSTOM = "force_custom_plan";
    /** PostgreSQL's default: a generic plan after five executions of a prepared statement if it looks no worse. */
    static final String AUTO = "auto";
    /** What the postgres profile ships (the task list alone is planned for its values: CustomPlansForTaskQueries). */
    static final String SHIPPED = AUTO;
    /** Replaces any init SQL for the run, so that the database's value counts. */
    static final String INIT_SQL = "RESET plan_cache_mode";

    private final HikariDataSource pool;
    private String current;

    PlanCacheMode(DataSource dataSource) throws SQLException {
        this.pool = dataSource.unwrap(HikariDataSource.class);
    }

    /** Every connection handed out from now on plans with {@code mode}. */
    void use(String mode) throws SQLException {
        if (mode.equals(current)) {
            return;
        }
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            String database = single(statement, "select current_database()");
            statement.execute("alter database \"" + database + "\" set plan_cache_mode = " + mode);
        }
        pool.getHikariPoolMXBean().softEvictConnections();
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            String actual = single(statement, "show plan_cache_mode");
            if (!actual.equals(mode)) {
                throw new IllegalStateException("plan_cache_mode is " + actual + " on a fresh connection, not " + mode);
            }
        }
        current = mode;
    }

    String current() {
        return current;
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
