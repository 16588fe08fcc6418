package org.uprflow.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;

/**
 * Adds the platform's own indexes to the engine's {@code ACT_*} tables
 * ({@code db/engine/<database type>/engine-indexes.sql}; none for H2) as soon as the engine has
 * created or updated its schema. Not a Flyway migration: on a fresh
 * database Flyway runs before the engine creates its tables (the index would fail on a missing
 * table), and running Flyway after the engine would make it meet a non-empty schema. Every
 * statement is {@code create index if not exists}, so each start and each node may run them.
 */
public class EngineIndexes extends AbstractProcessEnginePlugin {

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        String location = location(processEngine.getProcessEngineConfiguration().getDatabaseType());
        String script = read(location);
        if (script == null) {
            return;
        }
        List<String> statements = statements(script);
        try (Connection connection = processEngine.getProcessEngineConfiguration().getDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not create the indexes of " + location, e);
        }
    }

    /** The statements of the file: separated by semicolons, comment lines dropped. */
    public static List<String> statements(String script) {
        String withoutComments = script.lines().filter(line -> !line.trim().startsWith("--"))
                .reduce("", (all, line) -> all + line + "\n");
        return Arrays.stream(withoutComments.split(";")).map(String::trim).filter(sql -> !sql.isEmpty()).toList();
    }

    public static String location(String databaseType) {
        return "db/engine/" + databaseType + "/engine-indexes.sql";
    }

    /** The script at {@code location}, or null when this database type has none. */
    public static String read(String location) {
        try (InputStream in = EngineIndexes.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                return null;
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
