package org.uprflow.testing;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows per table of the platform and the engine, for "nothing was written": all but the sessions', the login
 * throttle's and the job executor's own bookkeeping, which may move while a test runs and are nobody's write.
 */
public final class RowCounts {

    private RowCounts() {
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
