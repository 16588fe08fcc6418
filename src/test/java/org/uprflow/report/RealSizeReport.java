package org.uprflow.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;

import org.uprflow.benchmark.RecommendationFile;
import org.uprflow.matrix.MatrixVersion;
import org.uprflow.recommendation.ImplementationStatus;
import org.uprflow.recommendation.Position;

/**
 * The content of benchmark case 10 built in memory, as {@code ReportCompiler} would compile it: 300
 * recommendations (the benchmark's texts, some French, Spanish, Cyrillic, Arabic and Chinese; one to three of 24 themes; about 60 % supported, 30 % noted), a matrix of 20 clusters with two rows each
 * covering 7 or 8 recommendations, and two years of quarterly notes (a government report, a CSO and an
 * NHRI assessment per row and quarter: 960 notes).
 */
final class RealSizeReport {

    static final int RECOMMENDATIONS = 300;
    static final int CLUSTERS = 20;
    static final int ROWS = 40;
    static final int QUARTERS = 8;
    private static final OffsetDateTime COMPILED = OffsetDateTime.of(2026, 11, 30, 9, 0, 0, 0, ZoneOffset.UTC);
    private static final ImplementationStatus[] STATUSES = {ImplementationStatus.FULLY_IMPLEMENTED,
        ImplementationStatus.PARTIALLY_IMPLEMENTED, ImplementationStatus.IN_PROCESS,
        ImplementationStatus.LITTLE_OR_NO_ACTION, ImplementationStatus.NOT_STARTED};

    private RealSizeReport() {
    }

    static MidTermReport build() {
        Random random = new Random(14);
        List<String> themes = IntStream.rangeClosed(1, 24).mapToObj(i -> "Theme " + i + " of the review").toList();
        List<MidTermReport.Entry> entries = new ArrayList<>();
        List<List<Integer>> covered = new ArrayList<>();
        for (int row = 0; row < ROWS; row++) {
            List<Integer> ordinals = IntStream.rangeClosed(row * RECOMMENDATIONS / ROWS + 1,
                    (row + 1) * RECOMMENDATIONS / ROWS).boxed().toList();
            covered.add(ordinals);
            List<MidTermReport.Note> reports = new ArrayList<>();
            List<MidTermReport.Note> assessments = new ArrayList<>();
            for (int quarter = 0; quarter < QUARTERS; quarter++) {
                OffsetDateTime at = COMPILED.minusDays(730).plusDays(quarter * 91L);
                for (String role : List.of("GOVERNMENT", "CSO", "NHRI")) {
                    MidTermReport.Note note = new MidTermReport.Note(role, "ke." + role.toLowerCase(), at,
                            STATUSES[random.nextInt(STATUSES.length)],
                            RecommendationFile.sentence("Quarter " + (quarter + 1) + " " + role, row, 4));
                    (role.equals("GOVERNMENT") ? reports : assessments).add(note);
                }
            }
            entries.add(new MidTermReport.Entry(UUID.randomUUID(), "Cluster " + (row / 2 + 1) + ": rights of group "
                    + (row / 2 + 1), RecommendationFile.sentence("Goal", row, 2), RecommendationFile.sentence("Actions", row, 4), RecommendationFile.sentence("Indicators", row, 3),
                    "Ministry " + row % 12, "2026-2028", STATUSES[row % STATUSES.length], ordinals, reports, assessments,
                    ordinals.stream().map(o -> "140." + o).toList()));
        }
        List<MidTermReport.RecommendationStatus> recommendations = new ArrayList<>();
        Map<String, long[]> byTheme = new TreeMap<>();
        long[] totals = new long[6];
        long[] positions = new long[3];
        for (int i = 1; i <= RECOMMENDATIONS; i++) {
            String text = RecommendationFile.text(random, i);
            int p = random.nextInt(10);
            Position position = p < 6 ? Position.SUPPORTED : p < 9 ? Position.NOTED : null;
            positions[p < 6 ? 0 : p < 9 ? 1 : 2]++;
            List<String> mine = new ArrayList<>(themes);
            java.util.Collections.shuffle(mine, random);
            mine = mine.subList(0, 1 + random.nextInt(3));
            int row = (i - 1) * ROWS / RECOMMENDATIONS;
            ImplementationStatus status = entries.get(row).status();
            totals[status.ordinal()]++;
            mine.forEach(theme -> byTheme.computeIfAbsent(theme, k -> new long[6])[status.ordinal()]++);
            recommendations.add(new MidTermReport.RecommendationStatus(i, text, "Côte d'Ivoire", position, mine, status,
                    List.of(entries.get(row).themeCluster()), "140." + i));
        }
        return new MidTermReport("KE", "Kenya", 61, "KE-61", 101, LocalDate.of(2025, 1, 21), MidTermReport.State.DRAFT,
                COMPILED, null, null, false,
                new MidTermReport.MatrixSource(2, MatrixVersion.Status.FINAL, COMPILED.minusMonths(20), "ke.manager",
                        COMPILED.minusMonths(20).toLocalDate(), COMPILED.minusMonths(21).toLocalDate(),
                        COMPILED.minusMonths(20).toLocalDate()),
                counts(totals), new MidTermReport.PositionCounts(positions[0], positions[1], positions[2]),
                byTheme.entrySet().stream().map(e -> new MidTermReport.ThemeStatus(e.getKey(), counts(e.getValue())))
                        .toList(),
                recommendations, entries, List.of(
                        new MidTermReport.Contribution("GOVERNMENT", "ke.gov", COMPILED.minusDays(20), null, 3L, 5L,
                                COMPILED.minusDays(20).toLocalDate()),
                        new MidTermReport.Contribution("CSO", null, null, null, null, null, null),
                        new MidTermReport.Contribution("NHRI", null, null, null, null, null, null)),
                List.of(), new MidTermReport.Timeline(List.of(), List.of()), null, LocalDate.of(2025, 6, 20), null);
    }

    private static MidTermReport.StatusCounts counts(long[] c) {
        return new MidTermReport.StatusCounts(c[0], c[1], c[2], c[3], c[4], c[5]);
    }
}
