package org.uprflow.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * The SQL that the engine's MyBatis mappers send for one call, taken from MyBatis' own debug log
 * with the parameters filled in, and PostgreSQL's EXPLAIN ANALYZE of it.
 */
public final class SqlCapture {

    /** MyBatis logs each mapped statement under its id; the engine's entities live in this namespace. */
    public static final String ENGINE_STATEMENTS = "org.camunda.bpm.engine.impl.persistence.entity";

    private SqlCapture() {
    }

    /** The statements (parameters inlined) that {@code work} ran under the logger {@code namespace}. */
    public static List<String> statements(String namespace, Callable<?> work) throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(namespace);
        Level before = logger.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        try {
            work.call();
        } finally {
            logger.setLevel(before);
            logger.detachAppender(appender);
        }
        List<String> statements = new ArrayList<>();
        String sql = null;
        for (ILoggingEvent event : appender.list) {
            String message = event.getFormattedMessage();
            if (message.startsWith("==>  Preparing:")) {
                sql = message.substring("==>  Preparing:".length()).trim();
            } else if (message.startsWith("==> Parameters:") && sql != null) {
                statements.add(inline(sql, message.substring("==> Parameters:".length()).trim()));
                sql = null;
            }
        }
        return statements;
    }

    /** Replaces each {@code ?} by its logged value, {@code value(Type)}, quoted unless a number. */
    public static String inline(String sql, String parameters) {
        List<String> values = new ArrayList<>();
        if (!parameters.isEmpty()) {
            for (String parameter : parameters.split(", ")) {
                int type = parameter.lastIndexOf('(');
                if (parameter.equals("null") || type < 0) {
                    values.add("null");
                    continue;
                }
                String value = parameter.substring(0, type);
                String javaType = parameter.substring(type + 1, parameter.length() - 1);
                boolean number = javaType.equals("Integer") || javaType.equals("Long") || javaType.equals("Boolean");
                values.add(number ? value : "'" + value.replace("'", "''") + "'");
            }
        }
        StringBuilder result = new StringBuilder();
        int next = 0;
        for (char c : sql.toCharArray()) {
            result.append(c == '?' && next < values.size() ? values.get(next++) : String.valueOf(c));
        }
        return result.toString();
    }

    /** The plan of {@code sql}, run in a transaction that is rolled back, after the {@code settings} statements. */
    public static String explainAnalyze(DataSource dataSource, String sql, String... settings) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                for (String setting : settings) {
                    statement.execute(setting);
                }
                try (ResultSet rows = statement.executeQuery("explain (analyze, buffers) " + sql)) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        return plan.toString();
    }

    /** "Execution Time: 12.345 ms" of a plan, in milliseconds. */
    public static double executionTime(String plan) {
        for (String line : plan.split("\n")) {
            if (line.trim().startsWith("Execution Time:")) {
                return Double.parseDouble(line.replaceAll("[^0-9.]", ""));
            }
        }
        return Double.NaN;
    }
}
