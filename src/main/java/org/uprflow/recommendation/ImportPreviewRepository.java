package org.uprflow.recommendation;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code import_preview} table: an uploaded file and the options it is read with, until it is
 * imported, discarded or expired. In the shared database, so that any node serves the
 * confirmation.
 */
@Repository
class ImportPreviewRepository {

    record Stored(UUID id, String fileName, byte[] content, String options, OffsetDateTime expiresAt) {
    }

    private final JdbcClient jdbc;

    ImportPreviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, String country, int cycle, String fileName, byte[] content, String options, String by,
            OffsetDateTime at, OffsetDateTime expiresAt) {
        jdbc.sql("insert into import_preview (id, country_code, cycle_number, file_name, content, options, created_by, "
                + "created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, country, cycle, fileName, content, options, by, at, expiresAt).update();
    }

    /** The preview of the country's cycle, if it has not expired. */
    Optional<Stored> find(UUID id, String country, int cycle, OffsetDateTime now) {
        return jdbc.sql("select id, file_name, content, options, expires_at from import_preview where id = ? "
                + "and country_code = ? and cycle_number = ? and expires_at > ?").params(id, country, cycle, now)
                .query((rs, row) -> new Stored(rs.getObject("id", UUID.class), rs.getString("file_name"),
                        rs.getBytes("content"), rs.getString("options"), rs.getObject("expires_at", OffsetDateTime.class)))
                .optional();
    }

    void updateOptions(UUID id, String options) {
        jdbc.sql("update import_preview set options = ? where id = ?").params(options, id).update();
    }

    boolean delete(UUID id, String country, int cycle) {
        return jdbc.sql("delete from import_preview where id = ? and country_code = ? and cycle_number = ?")
                .params(id, country, cycle).update() == 1;
    }

    int deleteExpired(OffsetDateTime now) {
        return jdbc.sql("delete from import_preview where expires_at <= ?").param(now).update();
    }
}
