package org.uprflow.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The register's SQL on H2 (the embedded default), with the real migrations: filters, paging,
 * multi-valued fields, optimistic versions. The same SQL runs on PostgreSQL in the *IT tests.
 */
class RecommendationRepositoryTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-29T10:00:00Z");

    private JdbcClient jdbc;
    private JdbcDataSource dataSource;
    private RecommendationRepository repository;

    @BeforeEach
    void migrate() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:register-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).table("uprflow_schema_history").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        repository = new RecommendationRepository(jdbc, new JdbcTemplate(dataSource));
        jdbc.sql("insert into country (code, name, onboarded_at, onboarded_by) values ('ke', 'Kenya', ?, 'admin')")
                .param(NOW).update();
    }

    @Test
    void filtersByThemePositionAndTextAndPagesInReportOrder() {
        List<Recommendation> rows = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            rows.add(recommendation(i, i % 3 == 0 ? null : i % 2 == 0 ? Position.SUPPORTED : Position.NOTED,
                    i % 5 == 0 ? List.of("Women's rights", "Justice") : List.of("Justice")));
        }
        repository.insertAll(rows);

        ResultPage<Recommendation> page = repository.page("ke", 4, RecommendationFilter.ALL, 1, 10);
        assertThat(page.total()).isEqualTo(30);
        assertThat(page.items()).extracting(Recommendation::ordinal).containsExactly(11, 12, 13, 14, 15, 16, 17, 18, 19, 20);
        assertThat(page.items().get(4).themes()).containsExactly("Justice", "Women's rights");
        assertThat(page.items().get(4).sdgTargets()).containsExactly("16.3");

        assertThat(repository.page("ke", 4, filter("Women's rights", null, null), 0, 50).items())
                .extracting(Recommendation::ordinal).containsExactly(5, 10, 15, 20, 25, 30);
        assertThat(repository.page("ke", 4, filter(null, RecommendationFilter.PositionFilter.NONE, null), 0, 50).total())
                .isEqualTo(10);
        assertThat(repository.page("ke", 4, filter("Women's rights", RecommendationFilter.PositionFilter.NOTED, null),
                0, 50).items()).extracting(Recommendation::ordinal).containsExactly(5, 25);
        assertThat(repository.page("ke", 4, filter(null, null, "NUMBER 2"), 0, 50).items())
                .extracting(Recommendation::ordinal).contains(2, 20, 29).hasSize(11);
        assertThat(repository.page("ke", 4, filter(null, null, "100%"), 0, 50).total()).isZero();
        assertThat(repository.page("ke", 5, RecommendationFilter.ALL, 0, 50).total()).isZero();
        assertThat(repository.missingPositions("ke", 4)).isEqualTo(10);
    }

    @Test
    void filtersByStatusAndInstitutionOfTheLatestMatrixVersion() {
        Recommendation first = recommendation(1, Position.SUPPORTED, List.of("Justice"));
        Recommendation second = recommendation(2, Position.SUPPORTED, List.of("Justice"));
        repository.insertAll(List.of(first, second));
        UUID v1 = matrixVersion(1);
        entry(v1, "IN_PROCESS", "Ministry of Interior", first.id());
        UUID v2 = matrixVersion(2);
        entry(v2, "FULLY_IMPLEMENTED", "Ministry of Interior", first.id());
        entry(v2, "NOT_STARTED", "Judiciary", second.id());

        assertThat(repository.page("ke", 4, new RecommendationFilter(null, null, "FULLY_IMPLEMENTED", null, null), 0, 50)
                .items()).extracting(Recommendation::id).containsExactly(first.id());
        assertThat(repository.page("ke", 4, new RecommendationFilter(null, null, "IN_PROCESS", null, null), 0, 50)
                .total()).as("only the latest version counts").isZero();
        assertThat(repository.page("ke", 4, new RecommendationFilter(null, null, null, "judiciary", null), 0, 50)
                .items()).extracting(Recommendation::id).containsExactly(second.id());
    }

    @Test
    void anEditNamesTheVersionItRead() {
        Recommendation original = recommendation(1, null, List.of("Justice"));
        repository.insertAll(List.of(original));
        Recommendation edited = new Recommendation(original.id(), "KE", 4, 1, 48, "Edited text", "Chile", Position.NOTED,
                List.of("Death penalty"), List.of(), List.of(), 5, null, 1, NOW, "a", NOW, "b");

        assertThat(repository.update(edited, 0)).isTrue();
        assertThat(repository.update(edited, 0)).as("second save of version 0").isFalse();
        Recommendation stored = repository.find("ke", 4, original.id()).orElseThrow();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.themes()).containsExactly("Death penalty");
        assertThat(repository.find("mw", 4, original.id())).isEmpty();
        assertThat(repository.setPosition(original.id(), Position.SUPPORTED, 0, NOW, "gov")).isFalse();
        assertThat(repository.setPosition(original.id(), Position.SUPPORTED, 1, NOW, "gov")).isTrue();
    }

    @Test
    void searchAndThemeFilterIgnoreCaseAccentsAndApostropheStylesOnH2() throws Exception {
        Recommendation ivory = new Recommendation(UUID.randomUUID(), "KE", 4, 1, 48,
                "Strengthen Kenya’s protection of girls", "Côte d’Ivoire", Position.SUPPORTED,
                List.of("Women’s Rights"), List.of(), List.of(), 4, null, 0, NOW, "a", NOW, "a", "136.1");
        Recommendation other = new Recommendation(UUID.randomUUID(), "KE", 4, 2, 48, "Abolish the death penalty",
                "Brésil", Position.NOTED, List.of("women's rights", "Death penalty"), List.of(), List.of(), 4, null, 0,
                NOW, "a", NOW, "a", "136.2");
        repository.insertAll(List.of(ivory, other));

        for (String words : List.of("cote d'ivoire", "KENYA'S", "Kenya`s", "côte d’ivoire", "136.1")) {
            assertThat(repository.page("ke", 4, filter(null, null, words), 0, 50).items()).as(words)
                    .extracting(Recommendation::id).containsExactly(ivory.id());
        }
        assertThat(repository.page("ke", 4, filter(null, null, "bresil"), 0, 50).total()).isEqualTo(1);
        assertThat(repository.page("ke", 4, filter("WOMEN'S RIGHTS", null, null), 0, 50).total()).isEqualTo(2);
        assertThat(repository.themes("ke", 4)).extracting(ThemeCount::recommendations).containsExactly(1, 2);
        assertThat(repository.find("ke", 4, ivory.id()).orElseThrow().reference()).isEqualTo("136.1");

        // rows written before the folded keys existed get them from migration 11.1
        jdbc.sql("update recommendation set search_text = null").update();
        jdbc.sql("update recommendation_theme set theme_key = null").update();
        try (java.sql.Connection connection = dataSource.getConnection()) {
            new FoldedSearchKeysMigration().migrate(new org.flywaydb.core.api.migration.Context() {
                @Override
                public org.flywaydb.core.api.configuration.Configuration getConfiguration() {
                    return null;
                }

                @Override
                public java.sql.Connection getConnection() {
                    return connection;
                }
            });
        }
        assertThat(repository.page("ke", 4, filter("women’s rights", null, "COTE"), 0, 50).items())
                .extracting(Recommendation::id).containsExactly(ivory.id());
    }

    private static RecommendationFilter filter(String theme, RecommendationFilter.PositionFilter position, String text) {
        return new RecommendationFilter(theme, position, null, null, text);
    }

    private static Recommendation recommendation(int ordinal, Position position, List<String> themes) {
        return new Recommendation(UUID.randomUUID(), "KE", 4, ordinal, 48, "Recommendation number " + ordinal,
                "State " + ordinal, position, themes, List.of("Women and girls"), List.of("16.3"), 3, null, 0, NOW,
                "ke.manager", NOW, "ke.manager");
    }

    private UUID matrixVersion(int number) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into matrix_version (id, country_code, cycle_number, version_number, status, created_at, "
                + "created_by) values (?, 'ke', 4, ?, 'DRAFT', ?, 'ke.cso')").params(id, number, NOW).update();
        return id;
    }

    private void entry(UUID version, String status, String institution, UUID recommendation) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into matrix_entry (id, matrix_version_id, entry_key, theme_cluster, responsible_institution, "
                + "status, version, updated_at, updated_by) values (?, ?, ?, 'Justice', ?, ?, 0, ?, 'ke.cso')")
                .params(id, version, UUID.randomUUID(), institution, status, NOW).update();
        jdbc.sql("insert into matrix_entry_recommendation (matrix_entry_id, recommendation_id) values (?, ?)")
                .params(id, recommendation).update();
    }
}
