package org.uprflow.testing;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows per table of the platform and the engine, for "nothing was written": all but the sessions', the login
 * throttle's and the job executor's own bookkeeping, which may move while a test runs and are nobody's write.
 */
public final class RowCounts {

    /** The dispatcher's default {@code uprflow.notification.max-attempts}: an event tried that often stays put. */
    private static final int EVENT_ATTEMPTS = 6;

    private RowCounts() {
    }

    /**
     * The counts once the notice dispatcher has turned every due event into notices. Events that earlier tests left
     * are expanded within a poll of the dispatcher (2 s), and a test that counts before they are would see the outbox
     * grow under it (50 notices from 9 events in CI on 2026-12-01). Counting after it also makes the check stricter:
     * an event that the request under test wrote shows as the notices it gives.
     */
    public static Map<String, Long> settled(JdbcTemplate jdbc) {
        Awaitility.await("the notice events' expansion").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> jdbc.queryForObject("select count(*) from "
                        + "notification_event where next_attempt_at <= now() and attempts < ?", Long.class,
                        EVENT_ATTEMPTS) == 0);
        return of(jdbc);
    }

    public static Map<String, Long> of(JdbcTemplate jdbc) {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : jdbc.queryForList("select table_name from information_schema.tables where table_schema = "
                + "current_schema() and table_type = 'BASE TABLE'", String.class)) {
            String name = table.toLowerCase();
            if (name.startsWith("spring_session") || name.equals("login_throttle") || name.equals("act_ge_property")
                    || name.startsWith("act_ru_meter") || name.startsWith("act_ru_job") || name.equals("act_hi_job_log")
                    || name.contains("schema_history")) {
                continue;
            }
            counts.put(name, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }
}
