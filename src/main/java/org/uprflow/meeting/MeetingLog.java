package org.uprflow.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.uprflow.cycle.OpenCycle.MeetingHeld;
import org.uprflow.cycle.TaskInputRules;
import org.uprflow.cycle.UprCycleProcess;

/**
 * The {@code meeting} table: one row per meeting held. Recording joins the engine's transaction
 * (the task's completion, or the cycle's opening for a meeting held before the platform), so a
 * completion that rolls back leaves no meeting behind. Reading is for code that has checked the
 * caller's right to the country already (the API, the dashboard, the report).
 */
@Service
public class MeetingLog {

    /** Links are http(s) URLs, which hold no line break: one per line. */
    private static final String DOCUMENT_SEPARATOR = "\n";

    private static final String COLUMNS = "country_code, cycle_number, kind, matrix_round, held_on, place, "
            + "organisers, cso_attendance, government_attendance, nhri_attendance, agreed, documents, "
            + "process_instance_id, task_id, recorded_at, recorded_by";

    private final JdbcClient jdbc;

    public MeetingLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the meeting from the variables its task completed with. The date is the one the form
     * states (held on); a task completed without one (never, given the forms' rules) counts as held
     * on {@code completedAt}.
     */
    public Meeting record(MeetingKind kind, Map<String, Object> variables, String processInstanceId, String taskId,
            String recordedBy, Instant completedAt) {
        Object country = variables.get(UprCycleProcess.COUNTRY_CODE);
        Object cycle = variables.get(UprCycleProcess.CYCLE_NUMBER);
        if (!(country instanceof String code) || !(cycle instanceof Number number)) {
            throw new IllegalStateException("Meeting " + kind + " of task " + taskId
                    + " has no countryCode and cycleNumber: a cycle's task always has them");
        }
        MeetingKind.Fields fields = kind.fields();
        return insert(new Meeting(code.toUpperCase(Locale.ROOT), number.intValue(), kind,
                kind == MeetingKind.FOLLOW_UP_MEETING ? integer(variables.get(UprCycleProcess.MATRIX_ROUNDS)) : null,
                date(variables.get(fields.date()), completedAt),
                text(variables.get(fields.place()), MeetingHeld.MAX_PLACE),
                text(variables.get(fields.organisers()), MeetingHeld.MAX_ORGANISERS),
                integer(variables.get(fields.cso())), integer(variables.get(fields.government())),
                integer(variables.get(fields.nhri())), text(variables.get(fields.agreed()), MeetingHeld.MAX_AGREED),
                List.of(), processInstanceId, taskId, completedAt.atOffset(ZoneOffset.UTC), recordedBy));
    }

    /** Records a meeting held before the platform, as the programme manager stated it at the cycle's opening. */
    Meeting recordHeldBefore(Meeting meeting) {
        return insert(new Meeting(meeting.countryCode(), meeting.cycleNumber(), meeting.kind(), meeting.matrixRound(),
                meeting.heldOn(), text(meeting.place(), MeetingHeld.MAX_PLACE),
                text(meeting.organisers(), MeetingHeld.MAX_ORGANISERS), meeting.csoAttendance(),
                meeting.governmentAttendance(), meeting.nhriAttendance(), text(meeting.agreed(), MeetingHeld.MAX_AGREED),
                meeting.documents().stream().map(String::trim).toList(), null, null, meeting.recordedAt(),
                meeting.recordedBy()));
    }

    private Meeting insert(Meeting meeting) {
        jdbc.sql("insert into meeting (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(meeting.countryCode().toLowerCase(Locale.ROOT), meeting.cycleNumber(), meeting.kind().name(),
                        meeting.matrixRound(), meeting.heldOn(), meeting.place(), meeting.organisers(),
                        meeting.csoAttendance(), meeting.governmentAttendance(), meeting.nhriAttendance(),
                        meeting.agreed(), meeting.documents().isEmpty() ? null
                                : String.join(DOCUMENT_SEPARATOR, meeting.documents()),
                        meeting.processInstanceId(), meeting.taskId(), meeting.recordedAt(), meeting.recordedBy())
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

    /** The day a form's date field holds (Tasklist sends {@code yyyy-MM-dd}); null when it holds none. */
    static LocalDate date(Object value) {
        return TaskInputRules.day(value);
    }

    private static LocalDate date(Object value, Instant fallback) {
        LocalDate day = date(value);
        // the form's rules let no task through without its date; keep the day of the completion
        return day != null ? day : fallback.atZone(ZoneId.systemDefault()).toLocalDate();
    }

    private static String text(Object value, int maxLength) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString().trim();
        return text.length() <= maxLength ? text : text.substring(0, maxLength - 3) + "...";
    }

    private static Integer integer(Object value) {
        return value instanceof Number number ? Integer.valueOf(number.intValue()) : null;
    }

    private static Meeting map(ResultSet rs, int row) throws SQLException {
        String documents = rs.getString("documents");
        return new Meeting(rs.getString("country_code").toUpperCase(Locale.ROOT), rs.getInt("cycle_number"),
                MeetingKind.valueOf(rs.getString("kind")), (Integer) rs.getObject("matrix_round", Integer.class),
                rs.getObject("held_on", LocalDate.class), rs.getString("place"), rs.getString("organisers"),
                rs.getObject("cso_attendance", Integer.class), rs.getObject("government_attendance", Integer.class),
                rs.getObject("nhri_attendance", Integer.class), rs.getString("agreed"),
                documents == null ? List.of() : Arrays.asList(documents.split(DOCUMENT_SEPARATOR)),
                rs.getString("process_instance_id"), rs.getString("task_id"),
                rs.getObject("recorded_at", OffsetDateTime.class), rs.getString("recorded_by"));
    }
}
