package org.uprflow.country;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.uprflow.shared.CountryCode;

/** The platform's own record of each onboarded country ({@code country} table). */
@Repository
class CountryRepository {

    private final JdbcClient jdbc;

    CountryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CountryCode code, String name, String language, OffsetDateTime at, String by) {
        jdbc.sql("insert into country (code, name, language, onboarded_at, onboarded_by) values (?, ?, ?, ?, ?)")
                .params(code.value(), name, language, at, by).update();
    }

    boolean exists(CountryCode code) {
        return jdbc.sql("select count(*) from country where code = ?").param(code.value())
                .query(Integer.class).single() > 0;
    }

    Optional<Country> find(CountryCode code) {
        return jdbc.sql("select code, name, onboarded_at, onboarded_by, language from country where code = ?")
                .param(code.value()).query(this::map).optional();
    }

    List<Country> findAll() {
        return jdbc.sql("select code, name, onboarded_at, onboarded_by, language from country order by name")
                .query(this::map).list();
    }

    List<Country> findAll(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select code, name, onboarded_at, onboarded_by, language from country where code in (:codes) order by name")
                .param("codes", codes).query(this::map).list();
    }

    private Country map(ResultSet rs, int row) throws SQLException {
        String code = rs.getString("code");
        return new Country(code.toUpperCase(Locale.ROOT), rs.getString("name"), code,
                rs.getObject("onboarded_at", OffsetDateTime.class), rs.getString("onboarded_by"), rs.getString("language"));
    }
}
