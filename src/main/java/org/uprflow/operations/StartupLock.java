package org.uprflow.operations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * One node starts at a time. Everything a start writes to the shared database runs while this node
 * holds a PostgreSQL advisory lock: Flyway's migrations, the engine's schema creation or update
 * ({@code schema-update}), the platform's indexes on the engine's tables, the admin user, the
 * deployments, the programme managers' group and the countries' process variants. Two nodes started
 * together on an empty database used to race there (the engine's {@code CREATE TABLE}s: duplicate
 * key in {@code pg_type}; the group: an ERROR stack trace). The second node waits, then finds all of
 * it done and only checks.
 *
 * <p>The lock is taken as soon as the data source exists, before any bean uses it, on one pooled
 * connection kept aside, and released once the application is ready (after the start-up listeners
 * and runners). A session-level lock: a node killed while starting loses its connection and with
 * it the lock, so the next node goes on. PostgreSQL only; the embedded H2 default has one node.
 */
class StartupLock implements BeanPostProcessor, ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);
    /** "UPRFLOW" in ASCII; Flyway's own lock uses another key. */
    static final long KEY = 0x555052464C4F57L;

    private Connection holder;
    private boolean done;

    @Override
    public synchronized Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && holder == null && !done) {
            acquire(dataSource);
        }
        return bean;
    }

    private void acquire(DataSource dataSource) {
        try {
            Connection connection = dataSource.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                done = true;
                return;
            }
            connection.setAutoCommit(true);
            if (!lock(connection, "select pg_try_advisory_lock(?)")) {
                log.info("Another node is starting on this database; waiting for it to finish its start-up");
                lock(connection, "select pg_advisory_lock(?)");
            }
            holder = connection;
            log.debug("Start-up lock taken");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the start-up lock on the database", e);
        }
    }

    private static boolean lock(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, KEY);
            try (var result = statement.executeQuery()) {
                result.next();
                Object value = result.getObject(1);
                return !(value instanceof Boolean taken) || taken;
            }
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        release();
    }

    /** A start that failed closes the context: the lock goes with it. */
    @Override
    public void destroy() {
        release();
    }

    private synchronized void release() {
        done = true;
        if (holder == null) {
            return;
        }
        try (Connection connection = holder;
                PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            unlock.setLong(1, KEY);
            unlock.execute();
            log.debug("Start-up lock released");
        } catch (SQLException e) {
            // the connection is gone, and with it the lock
            log.warn("Releasing the start-up lock: {}", e.getMessage());
        } finally {
            holder = null;
        }
    }
}
