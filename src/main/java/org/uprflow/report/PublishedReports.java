package org.uprflow.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code mid_term_report} table: a cycle's report as published, as JSON, never updated. */
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

    /** Stores the published content; the primary key refuses a second one (DuplicateKeyException). */
    /** {@code on}: the day it was published as stated, which the dashboard's timeline shows. */
    void insert(String country, int cycle, String content, OffsetDateTime at, String by, LocalDate on) {
        jdbc.sql("insert into mid_term_report (country_code, cycle_number, content, published_at, published_by, "
                + "published_on) values (?, ?, ?, ?, ?, ?)").params(country, cycle, content, at, by, on).update();
    }
}
