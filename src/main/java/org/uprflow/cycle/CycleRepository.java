package org.uprflow.cycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code cycle} table: one row per opened cycle; {@code cycle_step}: the phases done before the platform. */
@Repository
class CycleRepository {

    private static final String COLUMNS = "country_code, cycle_number, business_key, wg_session, review_date, "
            + "process_instance_id, opened_at, opened_by, opened_at_phase, calendar_from";
    private static final String STEP_COLUMNS = "country_code, cycle_number, phase, done_on, note, documents, "
            + "recorded_at, recorded_by";
    /** Links are http(s) URLs, which hold no line break: one per line. */
    private static final String DOCUMENT_SEPARATOR = "\n";

    private final JdbcClient jdbc;

    CycleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Cycle cycle) {
        jdbc.sql("insert into cycle (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(cycle.countryCode().toLowerCase(Locale.ROOT), cycle.cycleNumber(), cycle.businessKey(),
                        cycle.wgSession(), cycle.reviewDate(), cycle.processInstanceId(), cycle.openedAt(),
                        cycle.openedBy(), cycle.openedAtPhase().name(), cycle.calendarFrom())
                .update();
        for (CycleStep step : cycle.stepsDone()) {
            jdbc.sql("insert into cycle_step (" + STEP_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(cycle.countryCode().toLowerCase(Locale.ROOT), cycle.cycleNumber(), step.phase().name(),
                            step.doneOn(), step.note(), step.documents().isEmpty() ? null
                                    : String.join(DOCUMENT_SEPARATOR, step.documents()),
                            step.recordedAt(), step.recordedBy())
                    .update();
        }
    }

    boolean exists(String countryCode, int cycleNumber) {
        return jdbc.sql("select count(*) from cycle where country_code = ? and cycle_number = ?")
                .params(countryCode, cycleNumber).query(Integer.class).single() > 0;
    }

    List<Cycle> ofCountry(String countryCode) {
        Map<Integer, List<CycleStep>> steps = jdbc.sql("select " + STEP_COLUMNS + " from cycle_step "
                        + "where country_code = ? order by cycle_number, done_on, phase")
                .param(countryCode).query((rs, row) -> Map.entry(rs.getInt("cycle_number"), step(rs)))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("select " + COLUMNS + " from cycle where country_code = ? order by cycle_number")
                .param(countryCode).query((rs, row) -> map(rs, steps.getOrDefault(rs.getInt("cycle_number"),
                        List.of()))).list();
    }

    private static CycleStep step(ResultSet rs) throws SQLException {
        String documents = rs.getString("documents");
        return new CycleStep(OpeningPhase.valueOf(rs.getString("phase")), rs.getObject("done_on", LocalDate.class),
                rs.getString("note"), documents == null ? List.of() : Arrays.asList(documents.split(DOCUMENT_SEPARATOR)),
                rs.getObject("recorded_at", OffsetDateTime.class), rs.getString("recorded_by"));
    }

    private static Cycle map(ResultSet rs, List<CycleStep> steps) throws SQLException {
        String phase = rs.getString("opened_at_phase");
        LocalDate review = rs.getObject("review_date", LocalDate.class);
        LocalDate calendarFrom = rs.getObject("calendar_from", LocalDate.class);
        // cycles opened before V9 started from the beginning and counted from the review date
        return new Cycle(rs.getString("business_key"), rs.getString("country_code").toUpperCase(Locale.ROOT),
                rs.getInt("cycle_number"), rs.getInt("wg_session"), review, rs.getString("process_instance_id"),
                rs.getObject("opened_at", OffsetDateTime.class), rs.getString("opened_by"),
                phase == null ? OpeningPhase.PRE_SESSION : OpeningPhase.valueOf(phase),
                calendarFrom == null ? review : calendarFrom, steps);
    }
}
