package org.uprflow.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code mid_term_report} table: a cycle's report as published, as JSON, never updated; its
 * PDFs as rendered once per language ({@code mid_term_report_pdf}) and its public links
 * ({@code mid_term_report_public_link}).
 */
@Repository
class PublishedReports {

    private final JdbcClient jdbc;

    PublishedReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> content(String country, int cycle) {
        return jdbc.sql("select content from mid_term_report where country_code = ? and cycle_number = ?")
                .params(country, cycle).query(String.class).optional();
    }

    /**
     * Stores the published content; the primary key refuses a second one (DuplicateKeyException).
     * {@code on}: the day it was published as stated, which the dashboard's timeline shows.
     */
    void insert(String country, int cycle, String content, OffsetDateTime at, String by, LocalDate on) {
        jdbc.sql("insert into mid_term_report (country_code, cycle_number, content, published_at, published_by, "
                + "published_on) values (?, ?, ?, ?, ?, ?)").params(country, cycle, content, at, by, on).update();
    }

    /** The PDF of a published report in one language, if it was rendered before. */
    Optional<byte[]> pdf(String country, int cycle, String language) {
        return jdbc.sql("select pdf from mid_term_report_pdf where country_code = ? and cycle_number = ? and language = ?")
                .params(country, cycle, language).query(byte[].class).optional();
    }

    /** Keeps a rendered PDF; when two nodes rendered it at once, the first one kept stays. */
    void keepPdf(String country, int cycle, String language, byte[] pdf, OffsetDateTime at) {
        try {
            jdbc.sql("insert into mid_term_report_pdf (country_code, cycle_number, language, pdf, rendered_at) "
                    + "values (?, ?, ?, ?, ?)").params(country, cycle, language, pdf, at).update();
        } catch (DuplicateKeyException keptByAnotherNode) {
            // the same document: the first one kept stays (a portable "on conflict do nothing", H2 included)
        }
    }

    /** The live (not revoked) public link of a report. */
    Optional<PublicLink> liveLink(String country, int cycle) {
        return jdbc.sql("select token, country_code, cycle_number, created_at, created_by from mid_term_report_public_link "
                + "where country_code = ? and cycle_number = ? and revoked_at is null")
                .params(country, cycle).query(PublicLink.class).optional();
    }

    /** The report a live token opens; a revoked or unknown token opens nothing. */
    Optional<PublicLink> byToken(String token) {
        return jdbc.sql("select token, country_code, cycle_number, created_at, created_by from mid_term_report_public_link "
                + "where token = ? and revoked_at is null").param(token).query(PublicLink.class).optional();
    }

    /** A new live link; the unique constraint on the live mark refuses a second live one (DuplicateKeyException). */
    void insertLink(PublicLink link) {
        jdbc.sql("insert into mid_term_report_public_link (token, country_code, cycle_number, created_at, created_by, live) "
                + "values (?, ?, ?, ?, ?, 'Y')").params(link.token(), link.countryCode(), link.cycleNumber(),
                        link.createdAt(), link.createdBy()).update();
    }

    /** Revokes the live link of a report; how many were revoked (0 or 1). */
    int revokeLink(String country, int cycle, OffsetDateTime at, String by) {
        return jdbc.sql("update mid_term_report_public_link set revoked_at = ?, revoked_by = ?, live = null "
                + "where country_code = ? and cycle_number = ? and revoked_at is null")
                .params(at, by, country, cycle).update();
    }

    record PublicLink(String token, String countryCode, int cycleNumber, OffsetDateTime createdAt, String createdBy) {
    }
}
