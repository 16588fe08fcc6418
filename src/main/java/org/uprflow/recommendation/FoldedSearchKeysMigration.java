package org.uprflow.recommendation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 11.1: the folded search keys (V11's {@code search_text} and {@code theme_key}) of the
 * rows written before them. In Java because the folding is Java's ({@link Folding}): SQL on H2
 * and PostgreSQL cannot remove accents alike. Spring Boot hands Flyway every {@link JavaMigration}
 * bean; it runs once, after V11, on whichever node migrates first.
 */
@Component
class FoldedSearchKeysMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("11.1");
    }

    @Override
    public String getDescription() {
        return "folded search keys of existing recommendations";
    }

    @Override
    public Integer getChecksum() {
        return 111;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("select id, reference, text, recommending_state from recommendation");
                PreparedStatement update = connection.prepareStatement(
                        "update recommendation set search_text = ? where id = ?")) {
            int pending = 0;
            while (rows.next()) {
                update.setString(1, RecommendationRepository.searchText(rows.getString("reference"),
                        rows.getString("text"), rows.getString("recommending_state")));
                update.setObject(2, rows.getObject("id"));
                update.addBatch();
                if (++pending == 1000) {
                    update.executeBatch();
                    pending = 0;
                }
            }
            update.executeBatch();
        }
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("select distinct theme from recommendation_theme");
                PreparedStatement update = connection.prepareStatement(
                        "update recommendation_theme set theme_key = ? where theme = ?")) {
            while (rows.next()) {
                update.setString(1, Folding.fold(rows.getString("theme")));
                update.setString(2, rows.getString("theme"));
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
