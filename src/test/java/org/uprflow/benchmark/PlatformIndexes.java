package org.uprflow.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.uprflow.engine.EngineIndexes;

/**
 * The platform's indexes on the engine's tables ({@code db/engine/postgres/engine-indexes.sql}),
 * dropped and made again in the middle of a run, so that a case measures the engine with and
 * without them side by side. {@code prefix} picks the indexes of one case by name.
 */
final class PlatformIndexes {

    private static final Pattern INDEX_NAME = Pattern.compile("(?i)create\\s+index\\s+if\\s+not\\s+exists\\s+(\\w+)");

    private final DataSource dataSource;
    private final List<String> statements;

    PlatformIndexes(DataSource dataSource) {
        this.dataSource = dataSource;
        this.statements = EngineIndexes.statements(EngineIndexes.read(EngineIndexes.location("postgres")));
    }

    List<String> names(String prefix) {
        return statements.stream().map(PlatformIndexes::nameOf).filter(name -> name.startsWith(prefix)).toList();
    }

    void drop(String prefix) throws SQLException {
        List<String> names = names(prefix);
        if (!names.isEmpty()) {
            execute("drop index if exists " + String.join(", ", names));
        }
    }

    void create(String prefix) throws SQLException {
        for (String statement : statements) {
            if (nameOf(statement).startsWith(prefix)) {
                execute(statement);
            }
        }
    }

    static List<String> indexNames(String script) {
        List<String> names = new ArrayList<>();
        Matcher matcher = INDEX_NAME.matcher(script);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String nameOf(String statement) {
        return indexNames(statement).stream().findFirst().orElse("");
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
