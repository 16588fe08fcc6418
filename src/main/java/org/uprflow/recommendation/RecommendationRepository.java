package org.uprflow.recommendation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code recommendation} table and its child tables. A page of the register costs three
 * queries whatever its size (count, rows, their themes/groups/targets); an import two JDBC batches
 * per table.
 */
@Repository
class RecommendationRepository {

    private static final String COLUMNS = "r.id, r.country_code, r.cycle_number, r.ordinal, r.wg_session, r.text, "
            + "r.recommending_state, r.state_position, r.action_category, r.source_reference, r.version, "
            + "r.created_at, r.created_by, r.updated_at, r.updated_by, r.reference";

    /** The child tables of the multi-valued fields: table, value column. */
    private static final Map<String, String> CHILDREN = Map.of(
            "recommendation_theme", "theme",
            "recommendation_affected_group", "affected_group",
            "recommendation_sdg_target", "sdg_target");

    /** Ids per query of the child tables: three IN lists of them stay far below the drivers' parameter limits. */
    private static final int CHILD_QUERY_IDS = 1000;
    /** The column's length (migration V11). */
    private static final int SEARCH_TEXT_LENGTH = 10100;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    RecommendationRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    int nextOrdinal(String country, int cycle) {
        return jdbc.sql("select coalesce(max(ordinal), 0) + 1 from recommendation where country_code = ? and cycle_number = ?")
                .params(country, cycle).query(Integer.class).single();
    }

    int countInCycle(String country, int cycle) {
        return jdbc.sql("select count(*) from recommendation where country_code = ? and cycle_number = ?")
                .params(country, cycle).query(Integer.class).single();
    }

    /** Inserts the recommendations and their multi-valued fields in JDBC batches. */
    void insertAll(List<Recommendation> recommendations) {
        batch.batchUpdate("insert into recommendation (id, country_code, cycle_number, ordinal, wg_session, text, "
                + "recommending_state, state_position, action_category, source_reference, version, created_at, "
                + "created_by, updated_at, updated_by, reference, search_text) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                recommendations, 1000, (ps, r) -> {
                    ps.setObject(1, r.id());
                    ps.setString(2, r.countryCode().toLowerCase(Locale.ROOT));
                    ps.setInt(3, r.cycleNumber());
                    ps.setInt(4, r.ordinal());
                    ps.setObject(5, r.session(), java.sql.Types.INTEGER);
                    ps.setString(6, r.text());
                    ps.setString(7, r.recommendingState());
                    ps.setString(8, r.position() == null ? null : r.position().name());
                    ps.setObject(9, r.actionCategory(), java.sql.Types.SMALLINT);
                    ps.setString(10, r.sourceReference());
                    ps.setInt(11, r.version());
                    ps.setObject(12, r.createdAt());
                    ps.setString(13, r.createdBy());
                    ps.setObject(14, r.updatedAt());
                    ps.setString(15, r.updatedBy());
                    ps.setString(16, r.reference());
                    ps.setString(17, searchText(r));
                });
        insertChildren(recommendations);
    }

    /** What the register's word search looks in: the paragraph number, the text and the recommending States, folded. */
    static String searchText(Recommendation r) {
        return searchText(r.reference(), r.text(), r.recommendingState());
    }

    static String searchText(String reference, String text, String recommendingStates) {
        String folded = Folding.fold((reference == null ? "" : reference + " ") + text + " " + recommendingStates);
        return folded.length() <= SEARCH_TEXT_LENGTH ? folded : folded.substring(0, SEARCH_TEXT_LENGTH);
    }

    private void insertChildren(List<Recommendation> recommendations) {
        insertValues("recommendation_theme", recommendations, Recommendation::themes);
        insertValues("recommendation_affected_group", recommendations, Recommendation::affectedGroups);
        insertValues("recommendation_sdg_target", recommendations, Recommendation::sdgTargets);
    }

    private void insertValues(String table, List<Recommendation> recommendations,
            java.util.function.Function<Recommendation, List<String>> values) {
        boolean themes = table.equals("recommendation_theme");
        List<Object[]> rows = new ArrayList<>();
        for (Recommendation r : recommendations) {
            for (String value : values.apply(r)) {
                rows.add(themes ? new Object[] {r.id(), value, Folding.fold(value)} : new Object[] {r.id(), value});
            }
        }
        if (!rows.isEmpty()) {
            // a theme's folded key is what the theme filter compares: "Women’s Rights" finds "women's rights"
            batch.batchUpdate("insert into " + table + " (recommendation_id, " + CHILDREN.get(table)
                    + (themes ? ", theme_key) values (?, ?, ?)" : ") values (?, ?)"), rows);
        }
    }

    Optional<Recommendation> find(String country, int cycle, UUID id) {
        List<Recommendation> found = withChildren(jdbc.sql("select " + COLUMNS
                + " from recommendation r where r.id = ? and r.country_code = ? and r.cycle_number = ?")
                .params(id, country, cycle).query(RecommendationRepository::map).list());
        return found.stream().findFirst();
    }

    /** Every recommendation of the cycle with its themes, groups and targets: what a re-import is matched against. */
    List<Recommendation> all(String country, int cycle) {
        List<Recommendation> rows = jdbc.sql("select " + COLUMNS
                + " from recommendation r where r.country_code = ? and r.cycle_number = ? order by r.ordinal")
                .params(country, cycle).query(RecommendationRepository::map).list();
        return withChildren(rows);
    }

    /** Deletes the row (its themes, groups and targets go with it) if it is still at {@code expectedVersion}. */
    boolean delete(UUID id, int expectedVersion) {
        return jdbc.sql("delete from recommendation where id = ? and version = ?").params(id, expectedVersion)
                .update() == 1;
    }

    /** The matrix versions (number, status) with a row that implements the recommendation, lowest first. */
    List<MatrixUse> matrixUses(UUID id) {
        return jdbc.sql("select distinct v.version_number, v.status, e.theme_cluster from matrix_entry_recommendation er"
                + " join matrix_entry e on e.id = er.matrix_entry_id join matrix_version v on v.id = e.matrix_version_id"
                + " where er.recommendation_id = ? order by v.version_number")
                .param(id).query((rs, row) -> new MatrixUse(rs.getInt("version_number"),
                        "FINAL".equals(rs.getString("status")), rs.getString("theme_cluster")))
                .list();
    }

    record MatrixUse(int versionNumber, boolean finalVersion, String themeCluster) {
    }

    ResultPage<Recommendation> page(String country, int cycle, RecommendationFilter filter, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = where(country, cycle, filter, params);
        long total = jdbc.sql("select count(*) from recommendation r" + where).params(params).query(Long.class).single();
        List<Recommendation> rows = total == 0 ? List.of() : withChildren(jdbc.sql("select " + COLUMNS
                + " from recommendation r" + where + " order by r.ordinal, r.id limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query(RecommendationRepository::map).list());
        return new ResultPage<>(rows, page, size, total);
    }

    private static String where(String country, int cycle, RecommendationFilter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where r.country_code = :country and r.cycle_number = :cycle");
        params.put("country", country);
        params.put("cycle", cycle);
        if (filter.position() == RecommendationFilter.PositionFilter.NONE) {
            where.append(" and r.state_position is null");
        } else if (filter.position() != null) {
            where.append(" and r.state_position = :position");
            params.put("position", filter.position().name());
        }
        if (filter.theme() != null) {
            where.append(" and exists (select 1 from recommendation_theme t where t.recommendation_id = r.id"
                    + " and t.theme_key = :theme)");
            params.put("theme", Folding.fold(filter.theme()));
        }
        if (filter.status() != null || filter.responsibleInstitution() != null) {
            // the cycle's latest matrix version: the draft being edited, else the last final one
            where.append(" and exists (select 1 from matrix_entry_recommendation er"
                    + " join matrix_entry e on e.id = er.matrix_entry_id"
                    + " join matrix_version v on v.id = e.matrix_version_id"
                    + " where er.recommendation_id = r.id and v.country_code = :country and v.cycle_number = :cycle"
                    + " and v.version_number = (select max(m.version_number) from matrix_version m"
                    + " where m.country_code = :country and m.cycle_number = :cycle)");
            if (filter.status() != null) {
                where.append(" and e.status = :status");
                params.put("status", filter.status());
            }
            if (filter.responsibleInstitution() != null) {
                where.append(" and lower(e.responsible_institution) = :institution");
                params.put("institution", filter.responsibleInstitution().toLowerCase(Locale.ROOT));
            }
            where.append(')');
        }
        if (filter.text() != null) {
            // folded on both sides (case, accents, apostrophe styles), the same on H2 and PostgreSQL
            where.append(" and r.search_text like :text escape '\\'");
            params.put("text", "%" + Folding.fold(filter.text()).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        return where.toString();
    }

    /** Fills in themes, groups and targets of the rows with one query, not one per row. */
    private List<Recommendation> withChildren(List<Recommendation> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<UUID, Map<String, List<String>>> values = new HashMap<>();
        for (int from = 0; from < rows.size(); from += CHILD_QUERY_IDS) {
            childValues(rows.subList(from, Math.min(rows.size(), from + CHILD_QUERY_IDS)), values);
        }
        List<Recommendation> filled = new ArrayList<>(rows.size());
        for (Recommendation r : rows) {
            Map<String, List<String>> of = values.getOrDefault(r.id(), Map.of());
            filled.add(new Recommendation(r.id(), r.countryCode(), r.cycleNumber(), r.ordinal(), r.session(), r.text(),
                    r.recommendingState(), r.position(), of.getOrDefault("recommendation_theme", List.of()),
                    of.getOrDefault("recommendation_affected_group", List.of()),
                    of.getOrDefault("recommendation_sdg_target", List.of()), r.actionCategory(), r.sourceReference(),
                    r.version(), r.createdAt(), r.createdBy(), r.updatedAt(), r.updatedBy(), r.reference()));
        }
        return filled;
    }

    private void childValues(List<Recommendation> rows, Map<UUID, Map<String, List<String>>> values) {
        List<UUID> ids = rows.stream().map(Recommendation::id).toList();
        StringBuilder union = new StringBuilder();
        for (Map.Entry<String, String> child : CHILDREN.entrySet()) {
            if (!union.isEmpty()) {
                union.append(" union all ");
            }
            union.append("select recommendation_id, '").append(child.getKey()).append("' as kind, ")
                    .append(child.getValue()).append(" as val from ").append(child.getKey())
                    .append(" where recommendation_id in (:ids)");
        }
        jdbc.sql(union + " order by val").param("ids", ids).query(rs -> {
            values.computeIfAbsent(rs.getObject("recommendation_id", UUID.class), id -> new HashMap<>())
                    .computeIfAbsent(rs.getString("kind"), kind -> new ArrayList<>()).add(rs.getString("val"));
        });
    }

    /** Writes the fields if the row is still at {@code expectedVersion}; false when someone saved first. */
    boolean update(Recommendation r, int expectedVersion) {
        int updated = jdbc.sql("update recommendation set wg_session = ?, text = ?, recommending_state = ?, "
                + "state_position = ?, action_category = ?, source_reference = ?, reference = ?, search_text = ?, "
                + "version = version + 1, updated_at = ?, updated_by = ? where id = ? and version = ?")
                .params(r.session(), r.text(), r.recommendingState(), r.position() == null ? null : r.position().name(),
                        r.actionCategory(), r.sourceReference(), r.reference(), searchText(r), r.updatedAt(),
                        r.updatedBy(), r.id(), expectedVersion)
                .update();
        if (updated == 0) {
            return false;
        }
        for (String table : CHILDREN.keySet()) {
            jdbc.sql("delete from " + table + " where recommendation_id = ?").param(r.id()).update();
        }
        insertChildren(List.of(r));
        return true;
    }

    boolean setPosition(UUID id, Position position, Integer expectedVersion, OffsetDateTime at, String by) {
        return jdbc.sql("update recommendation set state_position = ?, version = version + 1, updated_at = ?, "
                + "updated_by = ? where id = ?" + (expectedVersion == null ? "" : " and version = " + expectedVersion))
                .params(position == null ? null : position.name(), at, by, id).update() == 1;
    }

    /** A cycle's register in figures: one index-only count over (country, cycle, position). */
    record PositionCounts(long total, long supported, long noted) {

        long missing() {
            return total - supported - noted;
        }
    }

    PositionCounts positionCounts(String country, int cycle) {
        return jdbc.sql("select count(*), count(case when state_position = 'SUPPORTED' then 1 end), "
                + "count(case when state_position = 'NOTED' then 1 end) from recommendation "
                + "where country_code = ? and cycle_number = ?").params(country, cycle)
                .query((rs, row) -> new PositionCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    int missingPositions(String country, int cycle) {
        return jdbc.sql("select count(*) from recommendation where country_code = ? and cycle_number = ? "
                + "and state_position is null").params(country, cycle).query(Integer.class).single();
    }

    /** The themes as the data spells them; spellings that fold alike ("Women’s rights", "women's rights") count as one. */
    List<ThemeCount> themes(String country, int cycle) {
        return jdbc.sql("select min(t.theme) as theme, count(distinct t.recommendation_id) as n from recommendation_theme t "
                + "join recommendation r on r.id = t.recommendation_id where r.country_code = ? and r.cycle_number = ? "
                + "group by t.theme_key order by min(t.theme)").params(country, cycle)
                .query((rs, row) -> new ThemeCount(rs.getString("theme"), rs.getInt("n"))).list();
    }

    /** Whether the country's cycle was opened on the platform: only such a cycle takes an import. */
    boolean cycleOpened(String country, int cycle) {
        return jdbc.sql("select count(*) from cycle where country_code = ? and cycle_number = ?").params(country, cycle)
                .query(Integer.class).single() > 0;
    }

    /** The cycle's recommendations that already carry this paragraph number, other than {@code except}. */
    boolean referenceTaken(String country, int cycle, String reference, UUID except) {
        return jdbc.sql("select count(*) from recommendation where country_code = ? and cycle_number = ? "
                + "and reference = ? and id <> ?").params(country, cycle, reference,
                        except == null ? new UUID(0, 0) : except)
                .query(Integer.class).single() > 0;
    }

    Map<Integer, UUID> idsByOrdinal(String country, int cycle, Collection<Integer> ordinals) {
        Map<Integer, UUID> ids = new HashMap<>();
        if (!ordinals.isEmpty()) {
            jdbc.sql("select ordinal, id from recommendation where country_code = :country and cycle_number = :cycle "
                    + "and ordinal in (:ordinals)").param("country", country).param("cycle", cycle)
                    .param("ordinals", ordinals)
                    .query(rs -> {
                        ids.put(rs.getInt("ordinal"), rs.getObject("id", UUID.class));
                    });
        }
        return ids;
    }

    /** How many of {@code ids} are recommendations of the country's cycle. */
    int countOf(String country, int cycle, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from recommendation where country_code = :country and cycle_number = :cycle "
                + "and id in (:ids)").param("country", country).param("cycle", cycle).param("ids", ids)
                .query(Integer.class).single();
    }

    private static Recommendation map(ResultSet rs, int row) throws SQLException {
        String position = rs.getString("state_position");
        return new Recommendation(rs.getObject("id", UUID.class), rs.getString("country_code").toUpperCase(Locale.ROOT),
                rs.getInt("cycle_number"), rs.getInt("ordinal"), rs.getObject("wg_session", Integer.class),
                rs.getString("text"), rs.getString("recommending_state"), position == null ? null : Position.valueOf(position),
                List.of(), List.of(), List.of(), rs.getObject("action_category", Integer.class),
                rs.getString("source_reference"), rs.getInt("version"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("created_by"), rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by"),
                rs.getString("reference"));
    }
}
