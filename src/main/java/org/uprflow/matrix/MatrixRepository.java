package org.uprflow.matrix;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.uprflow.recommendation.ImplementationStatus;

/** The {@code matrix_version}, {@code matrix_entry}, its links and {@code implementation_progress} tables. */
@Repository
class MatrixRepository {

    /** A version with its row id, which the API never shows. */
    record StoredVersion(UUID id, MatrixVersion version) {
    }

    private static final String VERSION_COLUMNS = "id, version_number, status, created_at, created_by, finalised_at, "
            + "finalised_by, cso_agreed_at, cso_agreed_by, government_agreed_at, government_agreed_by, cso_agreed_on, "
            + "government_agreed_on, finalised_on";
    private static final String ENTRY_COLUMNS = "e.id, e.entry_key, e.theme_cluster, e.goal, e.actions, e.indicators, "
            + "e.responsible_institution, e.timeline, e.status, e.version, e.updated_at, e.updated_by";

    private static final String PROGRESS = "select id, entry_key, kind, author_role, status, text, created_at, "
            + "created_by from implementation_progress where country_code = ? and cycle_number = ? ";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    MatrixRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    List<MatrixVersion> versions(String country, int cycle) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from matrix_version where country_code = ? and cycle_number = ? "
                + "order by version_number").params(country, cycle).query(MatrixRepository::mapVersion).list()
                .stream().map(StoredVersion::version).toList();
    }

    Optional<StoredVersion> latest(String country, int cycle) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from matrix_version where country_code = ? and cycle_number = ? "
                + "order by version_number desc limit 1").params(country, cycle).query(MatrixRepository::mapVersion)
                .optional();
    }

    Optional<StoredVersion> version(String country, int cycle, int number) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from matrix_version where country_code = ? and cycle_number = ? "
                + "and version_number = ?").params(country, cycle, number).query(MatrixRepository::mapVersion).optional();
    }

    /** A new DRAFT; the unique key refuses a second version of the same number made at the same moment. */
    void insertVersion(UUID id, String country, int cycle, int number, OffsetDateTime at, String by) {
        jdbc.sql("insert into matrix_version (id, country_code, cycle_number, version_number, status, created_at, "
                + "created_by) values (?, ?, ?, ?, 'DRAFT', ?, ?)").params(id, country, cycle, number, at, by).update();
    }

    /** Freezes a draft, final on the day {@code on} as stated; false when it is no draft (any more). */
    boolean finalise(UUID versionId, OffsetDateTime at, String by, LocalDate on) {
        return jdbc.sql("update matrix_version set status = 'FINAL', finalised_at = ?, finalised_by = ?, finalised_on = ? "
                + "where id = ? and status = 'DRAFT'").params(at, by, on, versionId).update() == 1;
    }

    /** The cycle's review date (pk_cycle); empty for a cycle never opened. */
    Optional<LocalDate> reviewDate(String country, int cycle) {
        return jdbc.sql("select review_date from cycle where country_code = ? and cycle_number = ?")
                .params(country, cycle).query(LocalDate.class).optional();
    }

    /**
     * Records one side's agreement to a draft, on the day {@code on} as the side states it; false
     * when the version is no draft (any more).
     */
    boolean agree(UUID versionId, boolean government, OffsetDateTime at, String by, LocalDate on) {
        String side = government ? "government" : "cso";
        return jdbc.sql("update matrix_version set " + side + "_agreed_at = ?, " + side + "_agreed_by = ?, "
                + side + "_agreed_on = ? where id = ? and status = 'DRAFT'").params(at, by, on, versionId).update() == 1;
    }

    /** A side's answer in a round, replacing an earlier one of the same round and side (delete, insert: H2 too). */
    void recordAnswer(String country, int cycle, int round, String side, int version, boolean agrees, LocalDate on,
            OffsetDateTime at, String by) {
        jdbc.sql("delete from matrix_answer where country_code = ? and cycle_number = ? and matrix_round = ? and side = ?")
                .params(country, cycle, round, side).update();
        jdbc.sql("insert into matrix_answer (country_code, cycle_number, matrix_round, side, version_number, agrees, "
                + "stated_on, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(country, cycle, round, side, version, agrees, on, at, by).update();
    }

    /** The answers of every round of a cycle, by round (pk_matrix_answer). */
    List<MatrixAnswer> answers(String country, int cycle) {
        return jdbc.sql("select matrix_round, side, version_number, agrees, stated_on from matrix_answer "
                + "where country_code = ? and cycle_number = ? order by matrix_round, side").params(country, cycle)
                .query((rs, row) -> new MatrixAnswer(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4),
                        rs.getObject(5, LocalDate.class))).list();
    }

    /** One side no longer agrees to a draft (it said no in a round of the follow-up meeting). */
    void withdrawAgreement(UUID versionId, boolean government) {
        String side = government ? "government" : "cso";
        jdbc.sql("update matrix_version set " + side + "_agreed_at = null, " + side + "_agreed_by = null, "
                + side + "_agreed_on = null where id = ? and status = 'DRAFT'").param(versionId).update();
    }

    /**
     * The latest version's number, rows and rows that name indicators, in one query on the version
     * key and the rows' version index; empty when the cycle has no matrix yet.
     */
    Optional<DraftedMatrix> drafted(String country, int cycle) {
        return jdbc.sql("select v.version_number, count(e.id), count(case when e.indicators is not null "
                + "and trim(e.indicators) <> '' then 1 end) from matrix_version v "
                + "left join matrix_entry e on e.matrix_version_id = v.id where v.country_code = ? and v.cycle_number = ? "
                + "and v.version_number = (select max(version_number) from matrix_version where country_code = ? "
                + "and cycle_number = ?) group by v.version_number")
                .params(country, cycle, country, cycle)
                .query((rs, row) -> new DraftedMatrix(rs.getInt(1), rs.getLong(2), rs.getLong(3))).optional();
    }

    /**
     * How many recommendations stand at each status in the version a report reads (the latest
     * final, else the latest draft): a recommendation counts at the least advanced status of the
     * rows covering it, as the report counts. One query; lag 0 is fully implemented.
     */
    Map<Integer, Long> recommendationsByLag(String country, int cycle) {
        Map<Integer, Long> counts = new HashMap<>();
        jdbc.sql("select lag, count(*) from (select l.recommendation_id, max(case e.status "
                + "when 'FULLY_IMPLEMENTED' then 0 when 'PARTIALLY_IMPLEMENTED' then 1 when 'IN_PROCESS' then 2 "
                + "when 'LITTLE_OR_NO_ACTION' then 3 else 4 end) as lag from matrix_entry e "
                + "join matrix_entry_recommendation l on l.matrix_entry_id = e.id where e.matrix_version_id = "
                + "(select id from matrix_version where country_code = ? and cycle_number = ? "
                + "order by case when status = 'FINAL' then 0 else 1 end, version_number desc limit 1) "
                + "group by l.recommendation_id) covered group by lag").params(country, cycle)
                .query(rs -> {
                    counts.put(rs.getInt(1), rs.getLong(2));
                });
        return counts;
    }

    /** The day the cycle's matrix first became final as stated; empty while no version is (uq_matrix_version). */
    Optional<LocalDate> firstFinalisedOn(String country, int cycle) {
        return jdbc.sql("select min(finalised_on) from matrix_version where country_code = ? and cycle_number = ?")
                .params(country, cycle).query((rs, row) -> rs.getObject(1, LocalDate.class)).optional();
    }

    /** The draft changed: what either side agreed to is no longer what it says. */
    void clearAgreements(UUID versionId) {
        jdbc.sql("update matrix_version set cso_agreed_at = null, cso_agreed_by = null, cso_agreed_on = null, "
                + "government_agreed_at = null, government_agreed_by = null, government_agreed_on = null where id = ?")
                .param(versionId).update();
    }

    /** The rows of a version with their recommendations (ids and numbers, in the register's order): two queries. */
    List<MatrixEntry> entries(StoredVersion version) {
        Map<UUID, List<UUID>> links = new HashMap<>();
        Map<UUID, List<Integer>> numbers = new HashMap<>();
        Map<UUID, List<String>> citations = new HashMap<>();
        jdbc.sql("select e.entry_key, l.recommendation_id, r.ordinal, r.reference from matrix_entry_recommendation l "
                + "join matrix_entry e on e.id = l.matrix_entry_id join recommendation r on r.id = l.recommendation_id "
                + "where e.matrix_version_id = ? order by r.ordinal")
                .param(version.id()).query(rs -> {
                    UUID key = rs.getObject(1, UUID.class);
                    links.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getObject(2, UUID.class));
                    numbers.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getInt(3));
                    citations.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(rs.getString(4) != null ? rs.getString(4) : String.valueOf(rs.getInt(3)));
                });
        return jdbc.sql("select " + ENTRY_COLUMNS + " from matrix_entry e where e.matrix_version_id = ? "
                + "order by e.theme_cluster, e.entry_key").param(version.id())
                .query((rs, row) -> {
                    UUID key = rs.getObject("entry_key", UUID.class);
                    return mapEntry(rs, version.version().number(), links.getOrDefault(key, List.of()),
                            numbers.getOrDefault(key, List.of()), citations.getOrDefault(key, List.of()));
                })
                .list();
    }

    Optional<MatrixEntry> entry(StoredVersion version, UUID key) {
        return entries(version).stream().filter(entry -> entry.key().equals(key)).findFirst();
    }

    void insertEntries(UUID versionId, List<MatrixEntry> entries) {
        List<UUID> ids = entries.stream().map(entry -> UUID.randomUUID()).toList();
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> links = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            MatrixEntry e = entries.get(i);
            rows.add(new Object[] {ids.get(i), versionId, e.key(), e.themeCluster(), e.goal(), e.actions(),
                    e.indicators(), e.responsibleInstitution(), e.timeline(), e.status().name(), e.version(),
                    e.updatedAt(), e.updatedBy()});
            for (UUID recommendation : e.recommendationIds()) {
                links.add(new Object[] {ids.get(i), recommendation});
            }
        }
        batch.batchUpdate("insert into matrix_entry (id, matrix_version_id, entry_key, theme_cluster, goal, actions, "
                + "indicators, responsible_institution, timeline, status, version, updated_at, updated_by) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        if (!links.isEmpty()) {
            batch.batchUpdate("insert into matrix_entry_recommendation (matrix_entry_id, recommendation_id) values (?, ?)",
                    links);
        }
    }

    /** Writes the row if it is still at {@code expectedVersion}; false when someone saved first. */
    boolean updateEntry(UUID versionId, MatrixEntry e, int expectedVersion) {
        UUID id = jdbc.sql("select id from matrix_entry where matrix_version_id = ? and entry_key = ?")
                .params(versionId, e.key()).query(UUID.class).single();
        int updated = jdbc.sql("update matrix_entry set theme_cluster = ?, goal = ?, actions = ?, indicators = ?, "
                + "responsible_institution = ?, timeline = ?, status = ?, version = version + 1, updated_at = ?, "
                + "updated_by = ? where id = ? and version = ?")
                .params(e.themeCluster(), e.goal(), e.actions(), e.indicators(), e.responsibleInstitution(),
                        e.timeline(), e.status().name(), e.updatedAt(), e.updatedBy(), id, expectedVersion)
                .update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("delete from matrix_entry_recommendation where matrix_entry_id = ?").param(id).update();
        List<Object[]> links = e.recommendationIds().stream().map(r -> new Object[] {id, r}).toList();
        if (!links.isEmpty()) {
            batch.batchUpdate("insert into matrix_entry_recommendation (matrix_entry_id, recommendation_id) values (?, ?)",
                    links);
        }
        return true;
    }

    boolean entryKeyExists(String country, int cycle, UUID key) {
        return jdbc.sql("select count(*) from matrix_entry e join matrix_version v on v.id = e.matrix_version_id "
                + "where v.country_code = ? and v.cycle_number = ? and e.entry_key = ?").params(country, cycle, key)
                .query(Integer.class).single() > 0;
    }

    void insertProgress(String country, int cycle, ProgressNote note) {
        jdbc.sql("insert into implementation_progress (id, country_code, cycle_number, entry_key, kind, author_role, "
                + "status, text, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(note.id(), country, cycle, note.entryKey(), note.kind().name(), note.authorRole(),
                        note.status() == null ? null : note.status().name(), note.text(), note.createdAt(),
                        note.createdBy())
                .update();
    }

    List<ProgressNote> progress(String country, int cycle, UUID key) {
        return jdbc.sql(PROGRESS + "and entry_key = ? order by created_at, id").params(country, cycle, key)
                .query(MatrixRepository::mapProgress).list();
    }

    /** Every progress note of the cycle, oldest first: one query for a whole report. */
    List<ProgressNote> progress(String country, int cycle) {
        return jdbc.sql(PROGRESS + "order by created_at, id").params(country, cycle)
                .query(MatrixRepository::mapProgress).list();
    }

    private static ProgressNote mapProgress(ResultSet rs, int row) throws SQLException {
        return new ProgressNote(rs.getObject("id", UUID.class), rs.getObject("entry_key", UUID.class),
                ProgressNote.Kind.valueOf(rs.getString("kind")), rs.getString("author_role"),
                status(rs.getString("status")), rs.getString("text"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"));
    }

    private static ImplementationStatus status(String value) {
        return value == null ? null : ImplementationStatus.valueOf(value);
    }

    private static StoredVersion mapVersion(ResultSet rs, int row) throws SQLException {
        return new StoredVersion(rs.getObject("id", UUID.class), new MatrixVersion(rs.getInt("version_number"),
                MatrixVersion.Status.valueOf(rs.getString("status")), rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("created_by"), rs.getObject("finalised_at", OffsetDateTime.class),
                rs.getString("finalised_by"), rs.getObject("cso_agreed_at", OffsetDateTime.class),
                rs.getString("cso_agreed_by"), rs.getObject("government_agreed_at", OffsetDateTime.class),
                rs.getString("government_agreed_by"), rs.getObject("cso_agreed_on", LocalDate.class),
                rs.getObject("government_agreed_on", LocalDate.class), rs.getObject("finalised_on", LocalDate.class)));
    }

    private static MatrixEntry mapEntry(ResultSet rs, int versionNumber, List<UUID> recommendations,
            List<Integer> numbers, List<String> citations) throws SQLException {
        return new MatrixEntry(rs.getObject("entry_key", UUID.class), versionNumber, rs.getString("theme_cluster"),
                rs.getString("goal"), rs.getString("actions"), rs.getString("indicators"),
                rs.getString("responsible_institution"), rs.getString("timeline"), status(rs.getString("status")),
                List.copyOf(recommendations), List.copyOf(numbers), rs.getInt("version"), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getString("updated_by"), List.copyOf(citations));
    }
}
