package org.uprflow.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.uprflow.cycle.UprCycleProcess;

/**
 * The {@code meeting} table: one row per meeting held. Recording joins the engine's transaction
 * (the task's completion), so a completion that rolls back leaves no meeting behind. Reading is for
 * code that has checked the caller's right to the country already (the API, the dashboard, the
 * report).
 */
@Service
public class MeetingLog {

    static final int MAX_PLACE_LENGTH = 200;

    private static final String COLUMNS = "country_code, cycle_number, kind, matrix_round, held_on, place, "
            + "cso_attendance, government_attendance, nhri_attendance, process_instance_id, task_id, recorded_at, "
            + "recorded_by";

    private final JdbcClient jdbc;

    public MeetingLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the meeting from the variables its task completed with. The date is the form's; a
     * task completed without one (never, given the forms' rules) counts as held on {@code completedAt}.
     */
    public Meeting record(MeetingKind kind, Map<String, Object> variables, String processInstanceId, String taskId,
            String recordedBy, Instant completedAt) {
        Object country = variables.get(UprCycleProcess.COUNTRY_CODE);
        Object cycle = variables.get(UprCycleProcess.CYCLE_NUMBER);
        if (!(country instanceof String code) || !(cycle instanceof Number number)) {
            throw new IllegalStateException("Meeting " + kind + " of task " + taskId
                    + " has no countryCode and cycleNumber: a cycle's task always has them");
        }
        Meeting meeting = new Meeting(code.toUpperCase(Locale.ROOT), number.intValue(), kind,
                kind == MeetingKind.FOLLOW_UP_MEETING ? integer(variables.get(UprCycleProcess.MATRIX_ROUNDS)) : null,
                date(variables.get(kind.dateVariable()), completedAt), place(variables.get(kind.placeVariable())),
                integer(variables.get(kind.csoVariable())), integer(variables.get(kind.governmentVariable())), null,
                processInstanceId, taskId, completedAt.atOffset(ZoneOffset.UTC), recordedBy);
        jdbc.sql("insert into meeting (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(code.toLowerCase(Locale.ROOT), meeting.cycleNumber(), kind.name(), meeting.matrixRound(),
                        meeting.heldOn(), meeting.place(), meeting.csoAttendance(), meeting.governmentAttendance(),
                        meeting.nhriAttendance(), processInstanceId, taskId, meeting.recordedAt(), recordedBy)
                .update();
        return meeting;
    }

    /** The cycle's meetings in the order they were held. */
    public List<Meeting> ofCycle(String countryCode, int cycleNumber) {
        return jdbc.sql("select " + COLUMNS + " from meeting where country_code = ? and cycle_number = ? "
                + "order by held_on, id")
                .params(countryCode.toLowerCase(Locale.ROOT), cycleNumber).query(MeetingLog::map).list();
    }

    /**
     * The meetings of each listed country's latest cycle (the highest number opened), in one query
     * for all of them: the dashboard's overview.
     */
    /** The meetings of the cycles named by their business keys ({@code KE-4}), in one query; by cycle and date. */
    public List<Meeting> ofCycles(Collection<String> businessKeys) {
        if (businessKeys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from meeting m where exists (select 1 from cycle c "
                + "where c.business_key in (:cycles) and c.country_code = m.country_code "
                + "and c.cycle_number = m.cycle_number) order by country_code, cycle_number, held_on, id")
                .param("cycles", businessKeys).query(MeetingLog::map).list();
    }

    private static LocalDate date(Object value, Instant fallback) {
        if (value instanceof Date date) {
            return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
        }
        if (value instanceof String text && text.length() >= 10) {
            try {
                return LocalDate.parse(text.substring(0, 10));
            } catch (DateTimeParseException notADate) {
                // the form's rules let no such value through; keep the day of the completion
            }
        }
        return fallback.atZone(ZoneId.systemDefault()).toLocalDate();
    }

    private static String place(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String place = value.toString().trim();
        return place.length() <= MAX_PLACE_LENGTH ? place : place.substring(0, MAX_PLACE_LENGTH - 3) + "...";
    }

    private static Integer integer(Object value) {
        return value instanceof Number number ? Integer.valueOf(number.intValue()) : null;
    }

    private static Meeting map(ResultSet rs, int row) throws SQLException {
        return new Meeting(rs.getString("country_code").toUpperCase(Locale.ROOT), rs.getInt("cycle_number"),
                MeetingKind.valueOf(rs.getString("kind")), (Integer) rs.getObject("matrix_round", Integer.class),
                rs.getObject("held_on", LocalDate.class), rs.getString("place"),
                rs.getObject("cso_attendance", Integer.class), rs.getObject("government_attendance", Integer.class),
                rs.getObject("nhri_attendance", Integer.class), rs.getString("process_instance_id"),
                rs.getString("task_id"), rs.getObject("recorded_at", OffsetDateTime.class), rs.getString("recorded_by"));
    }
}
