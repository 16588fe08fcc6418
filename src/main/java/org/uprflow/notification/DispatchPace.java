package org.uprflow.notification;

import java.sql.SQLException;
import java.util.function.IntSupplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How hard this node's dispatcher works: at full speed while the node is idle (a backlog after a
 * mail server outage drains at once), and, while people's work runs on the node (a connection of
 * the database pool in use by anyone else), in small slices with a pause after each, so that it
 * works at most {@code uprflow.notification.busy-share} of the time. The pause is measured on the
 * slice itself (nine times its duration at the default 0.1), so the pace follows the machine: on a
 * loaded machine a slice takes longer and the dispatcher steps back further. A completion then
 * waits for no notice: on two cores the notices, written and sent beside the completions, had cost
 * them a quarter of their rate (docs/benchmarks.md, case 7); paced, a burst of notices goes out at
 * a steady rate a little later, which a mail tolerates and a person at work does not.
 */
@Component
class DispatchPace {

    /** Events or mails of a slice while busy: short enough that no slice holds the CPU long. */
    static final int BUSY_SLICE = 5;

    private final NotificationProperties properties;
    private final IntSupplier othersAtWork;

    @Autowired
    DispatchPace(NotificationProperties properties, DataSource dataSource) {
        this(properties, activeConnections(dataSource));
    }

    DispatchPace(NotificationProperties properties, IntSupplier othersAtWork) {
        this.properties = properties;
        this.othersAtWork = othersAtWork;
    }

    /** What a slice may handle, decided before it starts (the dispatcher holds no connection then), and when it started. */
    record Slice(int size, boolean busy, long startedNanos) {
    }

    Slice next() {
        boolean busy = properties.busyShare() < 1 && othersAtWork.getAsInt() > 0;
        return new Slice(busy ? Math.min(BUSY_SLICE, properties.batchSize()) : properties.batchSize(), busy, System.nanoTime());
    }

    /** After a busy slice that handled something, a pause in proportion to the time it took; none after an idle one. */
    void rest(Slice slice, int handled) {
        long millis = pauseMillis(slice, handled, System.nanoTime());
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt(); // the node is stopping: what is left stays in the tables
            }
        }
    }

    long pauseMillis(Slice slice, int handled, long nowNanos) {
        if (!slice.busy() || handled == 0) {
            return 0;
        }
        double share = Math.max(0.01, properties.busyShare());
        return (long) ((nowNanos - slice.startedNanos()) * (1 - share) / share / 1_000_000);
    }

    /**
     * Connections of the pool in use, read from Hikari (Spring Boot's pool); a pool that does not
     * tell counts as always busy, so that the dispatcher keeps the pace rather than the full speed.
     */
    private static IntSupplier activeConnections(DataSource dataSource) {
        HikariDataSource hikari;
        try {
            hikari = dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            hikari = null;
        }
        if (hikari == null) {
            return () -> 1;
        }
        HikariDataSource pool = hikari;
        return () -> {
            HikariPoolMXBean bean = pool.getHikariPoolMXBean();
            return bean == null ? 0 : bean.getActiveConnections();
        };
    }
}
