package org.uprflow.dashboard;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's grouped reads of the platform's own tables ({@code cycle}, {@code matrix_version},
 * {@code matrix_entry}) for many countries at once. Callers pass only the countries the caller may see.
 */
@Repository
class PlatformTables {

    /** The latest version of a cycle's matrix (uq_matrix_version). */
    private static final String LATEST_VERSION = """
            v.version_number = (select max(v2.version_number) from matrix_version v2
                                where v2.country_code = v.country_code and v2.cycle_number = v.cycle_number)""";

    private final JdbcClient jdbc;

    PlatformTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * {@code openedAtPhase}: where the cycle stood when opened (null for cycles opened before V9:
     * from the start); {@code calendarFrom}: the date its due dates count from (null: the review date).
     */
    record CycleRow(String countryCode, int cycleNumber, String businessKey, int wgSession, LocalDate reviewDate,
            String processInstanceId, String openedAtPhase, LocalDate calendarFrom) {

        LocalDate plannedFrom() {
            return calendarFrom == null ? reviewDate : calendarFrom;
        }
    }

    /**
     * A day stated for a cycle in the platform's tables: a phase done before the platform
     * ({@link #PHASE_DONE}, with its phase), the first final version of the matrix
     * ({@link #MATRIX_FINALISED}) or the mid-term report's publication ({@link #REPORT_PUBLISHED}).
     */
    record StatedDay(String countryCode, int cycleNumber, String kind, String phase, LocalDate day) {
    }

    static final String PHASE_DONE = "PHASE_DONE";
    static final String MATRIX_FINALISED = "MATRIX_FINALISED";
    static final String REPORT_PUBLISHED = "REPORT_PUBLISHED";

    /** Entries of a matrix version with one status, grouped by {@code label} (a theme, an institution, or none). */
    record StatusCount(String countryCode, int cycleNumber, int versionNumber, String versionStatus, String label,
            String status, int entries) {
    }

    /** Every cycle of the listed countries, by country and number (pk_cycle). */
    List<CycleRow> cyclesOf(Collection<String> countryCodes) {
        if (countryCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select country_code, cycle_number, business_key, wg_session, review_date, process_instance_id, "
                + "opened_at_phase, calendar_from from cycle where country_code in (:countries) order by country_code, cycle_number")
                .param("countries", lower(countryCodes)).query(PlatformTables::cycleRow).list();
    }

    List<CycleRow> cycles(String countryCode) {
        return jdbc.sql("select country_code, cycle_number, business_key, wg_session, review_date, process_instance_id, "
                + "opened_at_phase, calendar_from from cycle where country_code = ? order by cycle_number")
                .param(countryCode).query(PlatformTables::cycleRow).list();
    }

    /**
     * The days stated for every cycle of the listed countries (a handful per cycle) in one query:
     * the phases done before the platform (pk_cycle_step), the day the matrix first became final
     * (uq_matrix_version) and the report's publication (pk_mid_term_report).
     */
    List<StatedDay> statedDays(Collection<String> countryCodes) {
        if (countryCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select country_code, cycle_number, '" + PHASE_DONE + "' as kind, phase, done_on as stated_on "
                + "from cycle_step where country_code in (:countries) "
                + "union all select country_code, cycle_number, '" + MATRIX_FINALISED + "', null, min(finalised_on) "
                + "from matrix_version where country_code in (:countries) and finalised_on is not null "
                + "group by country_code, cycle_number "
                + "union all select country_code, cycle_number, '" + REPORT_PUBLISHED + "', null, published_on "
                + "from mid_term_report where country_code in (:countries)")
                .param("countries", lower(countryCodes))
                .query((rs, row) -> new StatedDay(rs.getString("country_code"), rs.getInt("cycle_number"),
                        rs.getString("kind"), rs.getString("phase"), rs.getObject("stated_on", LocalDate.class))).list();
    }

    /** The status of the entries of the latest matrix version of each of the cycles (by business key, KE-4). */
    List<StatusCount> matrixStatusOfCycles(Collection<String> businessKeys) {
        if (businessKeys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select v.country_code, v.cycle_number, v.version_number, v.status as version_status, "
                + "null as label, e.status, count(e.id) as entries from matrix_version v join cycle c "
                + "on c.country_code = v.country_code and c.cycle_number = v.cycle_number "
                + "left join matrix_entry e on e.matrix_version_id = v.id "
                + "where c.business_key in (:cycles) and " + LATEST_VERSION
                + " group by v.country_code, v.cycle_number, v.version_number, v.status, e.status")
                .param("cycles", businessKeys).query(PlatformTables::statusCount).list();
    }

    /** A cycle's latest matrix version: its entries by {@code theme} or by {@code institution}, and status. */
    List<StatusCount> matrixStatusBy(String countryCode, int cycleNumber, boolean byTheme) {
        String label = byTheme ? "e.theme_cluster" : "e.responsible_institution";
        return jdbc.sql("select v.country_code, v.cycle_number, v.version_number, v.status as version_status, "
                + label + " as label, e.status, count(e.id) as entries from matrix_version v "
                + "join matrix_entry e on e.matrix_version_id = v.id "
                + "where v.country_code = :country and v.cycle_number = :cycle and " + LATEST_VERSION
                + " group by v.country_code, v.cycle_number, v.version_number, v.status, " + label + ", e.status "
                + "order by " + label)
                .param("country", countryCode).param("cycle", cycleNumber).query(PlatformTables::statusCount).list();
    }

    private static List<String> lower(Collection<String> codes) {
        return codes.stream().map(code -> code.toLowerCase(Locale.ROOT)).toList();
    }

    private static CycleRow cycleRow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new CycleRow(rs.getString("country_code"), rs.getInt("cycle_number"), rs.getString("business_key"),
                rs.getInt("wg_session"), rs.getObject("review_date", LocalDate.class), rs.getString("process_instance_id"),
                rs.getString("opened_at_phase"), rs.getObject("calendar_from", LocalDate.class));
    }

    private static StatusCount statusCount(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StatusCount(rs.getString("country_code"), rs.getInt("cycle_number"), rs.getInt("version_number"),
                rs.getString("version_status"), rs.getString("label"), rs.getString("status"), rs.getInt("entries"));
    }
}
