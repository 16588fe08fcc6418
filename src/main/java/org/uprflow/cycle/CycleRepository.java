package org.uprflow.cycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code cycle} table: one row per opened cycle. */
@Repository
class CycleRepository {

    private static final String COLUMNS = "country_code, cycle_number, business_key, wg_session, review_date, "
            + "process_instance_id, opened_at, opened_by";

    private final JdbcClient jdbc;

    CycleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Cycle cycle) {
        jdbc.sql("insert into cycle (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(cycle.countryCode().toLowerCase(Locale.ROOT), cycle.cycleNumber(), cycle.businessKey(),
                        cycle.wgSession(), cycle.reviewDate(), cycle.processInstanceId(), cycle.openedAt(),
                        cycle.openedBy())
                .update();
    }

    boolean exists(String countryCode, int cycleNumber) {
        return jdbc.sql("select count(*) from cycle where country_code = ? and cycle_number = ?")
                .params(countryCode, cycleNumber).query(Integer.class).single() > 0;
    }

    List<Cycle> ofCountry(String countryCode) {
        return jdbc.sql("select " + COLUMNS + " from cycle where country_code = ? order by cycle_number")
                .param(countryCode).query(CycleRepository::map).list();
    }

    private static Cycle map(ResultSet rs, int row) throws SQLException {
        return new Cycle(rs.getString("business_key"), rs.getString("country_code").toUpperCase(Locale.ROOT),
                rs.getInt("cycle_number"), rs.getInt("wg_session"), rs.getObject("review_date", LocalDate.class),
                rs.getString("process_instance_id"), rs.getObject("opened_at", OffsetDateTime.class),
                rs.getString("opened_by"));
    }
}
