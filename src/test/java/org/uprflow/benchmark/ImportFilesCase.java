package org.uprflow.benchmark;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.uprflow.recommendation.ImportOptions;
import org.uprflow.recommendation.RecommendationImports;
import org.uprflow.recommendation.UhriWorkbook;
import org.uprflow.security.PlatformUser;
import org.uprflow.testing.Client;
import org.uprflow.shared.CountryCode;

/**
 * Case 6 (issue 11): files as people have them. A UHRI-shaped {@code .xlsx} and a UPR Info
 * older-export CSV in windows-1252 with the old Mac's CR line endings, {@code importRows} rows each
 * (10,000 at full scale): the preview (upload, detection, reading every row) and the confirmed
 * import, each timed over REST as the register page sends them, in fresh cycles. The same once
 * in-process, for the heap: bytes allocated by the request's thread and the peak of the heap's
 * pools during it.
 */
final class ImportFilesCase {

    static final String CASE = "6 import files";
    static final String XLSX = "UHRI-shaped .xlsx";
    static final String CSV = "UPR Info CSV, windows-1252, CR";
    static final String PREVIEW = "REST: POST .../import/previews (upload, read, preview), ";
    static final String CONFIRM = "REST: POST .../import/previews/{id}/confirmation (import), ";
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final List<String> STATES = List.of("Côte d'Ivoire", "Türkiye", "Brésil", "Iceland", "Denmark",
            "México", "Perú", "Sénégal", "Norway", "Iran (Islamic Republic of)", "Ghana", "Portugal");

    private final AuthenticationProvider authentication;
    private final RecommendationImports imports;
    private final Client client;
    private final Population world;
    private final Scale scale;
    private final Report report;
    private final CpuMeter cpu;
    private final DataSource dataSource;

    ImportFilesCase(AuthenticationProvider authentication, RecommendationImports imports, Client client, Population world,
            Scale scale, Report report, CpuMeter cpu, DataSource dataSource) {
        this.authentication = authentication;
        this.imports = imports;
        this.client = client;
        this.world = world;
        this.scale = scale;
        this.report = report;
        this.cpu = cpu;
        this.dataSource = dataSource;
    }

    void run() throws SQLException {
        String code = world.staffed().get(0);
        String name = new Locale("", code.toUpperCase(Locale.ROOT)).getDisplayCountry(Locale.ENGLISH);
        int rows = scale.importRows();
        byte[] xlsx = workbook(name, rows);
        byte[] csv = uprInfoCsv(name, rows);
        // cycles 71.. for the workbook, 81.. for the CSV, 91 and 92 in-process
        List<Integer> cycles = new ArrayList<>();
        for (int i = 0; i <= scale.importRuns(); i++) {
            cycles.add(71 + i);
            cycles.add(81 + i);
        }
        cycles.addAll(List.of(91, 92));
        openCycles(dataSource, code, cycles);
        rounds(code, XLSX, "uhri-export.xlsx", xlsx, 71, rows);
        rounds(code, CSV, "upr-info-export.csv", csv, 81, rows);
        heap(code, XLSX, "uhri-export.xlsx", xlsx, 91, rows);
        heap(code, CSV, "upr-info-export.csv", csv, 92, rows);
    }

    /** Round 0 warms up; then each round previews and confirms the file into a cycle of its own. */
    private void rounds(String code, String kind, String fileName, byte[] file, int firstCycle, int rows) {
        String basic = Client.basic(Population.manager(code), Population.PASSWORD);
        String size = String.format(Locale.ROOT, "%d rows, %.1f MB", rows, file.length / 1e6);
        List<Figure> previews = new ArrayList<>();
        List<Figure> confirms = new ArrayList<>();
        for (int round = 0; round <= scale.importRuns(); round++) {
            String previewsPath = "/api/countries/" + code + "/cycles/" + (firstCycle + round)
                    + "/recommendations/import/previews";
            AtomicReference<String> id = new AtomicReference<>();
            Figure preview = Load.run(CASE, PREVIEW + kind, 1, 0, 1, Duration.ofMinutes(2), cpu.meter(), (user, n) -> {
                JsonNode body = client.expect(201, client.postFile(basic, previewsPath, fileName, file), "preview").json();
                id.set(body.path("id").asText());
                return body.path("counts").path("recommendations").asInt() == rows || fail("previewed " + body.path("counts"));
            });
            Figure confirm = Load.run(CASE, CONFIRM + kind, 1, 0, 1, Duration.ofMinutes(2), cpu.meter(), (user, n) -> {
                JsonNode summary = client.expect(201, client.post(basic, previewsPath + "/" + id.get() + "/confirmation",
                        "{}"), "confirmation").json();
                return summary.path("imported").asInt() == rows || fail("imported " + summary);
            });
            if (round > 0) {
                previews.add(preview.withNote(size + " (round " + round + ")"));
                confirms.add(confirm.withNote(size + " (round " + round + ")"));
            }
        }
        previews.forEach(report::add);
        confirms.forEach(report::add);
        summarise(PREVIEW + kind, previews, size);
        summarise(CONFIRM + kind, confirms, size);
    }

    private void summarise(String channel, List<Figure> rounds, String size) {
        long[] nanos = rounds.stream().mapToLong(f -> (long) (f.seconds() * 1e9)).sorted().toArray();
        double median = Load.percentile(nanos, 0.50);
        report.add(new Figure(CASE, channel + ", over the rounds", 1, nanos.length, 0, Double.NaN, median,
                Load.percentile(nanos, 0.95), size));
    }

    /** The same file once in-process: bytes the thread allocates, and the heap's peak, per step. */
    private void heap(String code, String kind, String fileName, byte[] file, int cycle, int rows) {
        PlatformUser caller = (PlatformUser) authentication.authenticate(UsernamePasswordAuthenticationToken
                .unauthenticated(Population.manager(code), Population.PASSWORD)).getPrincipal();
        CountryCode country = CountryCode.of(code);
        AtomicReference<java.util.UUID> id = new AtomicReference<>();
        String preview = measured(() -> id.set(imports.preview(country, cycle, fileName, new ByteArrayInputStream(file),
                ImportOptions.DETECTED, caller).id()));
        String imported = measured(() -> {
            int count = imports.confirm(country, cycle, id.get(), null, caller).imported();
            if (count != rows) {
                fail("imported " + count);
            }
        });
        report.add(Figure.value(CASE, "in-process heap, " + kind, "preview: " + preview + "; import: " + imported));
    }

    static String measured(Runnable step) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.gc();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        long before = heapPools.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long allocated = threads.getCurrentThreadAllocatedBytes();
        step.run();
        allocated = threads.getCurrentThreadAllocatedBytes() - allocated;
        long peak = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return String.format(Locale.ROOT, "%d MB allocated, heap peak %d MB (%d MB before)", allocated >> 20,
                peak >> 20, before >> 20);
    }

    /**
     * The import only needs the cycle to be opened on the platform: its row, without a process
     * (starting dozens of cycle processes would load the engine this case does not measure).
     */
    static void openCycles(DataSource dataSource, String code, List<Integer> cycles) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into cycle (country_code, cycle_number, "
                        + "business_key, wg_session, review_date, process_instance_id, opened_at, opened_by) "
                        + "values (?, ?, ?, 40, ?, 'benchmark-import', ?, 'benchmark') on conflict do nothing")) {
            for (int cycle : cycles) {
                insert.setString(1, code);
                insert.setInt(2, cycle);
                insert.setString(3, code.toUpperCase(Locale.ROOT) + "-" + cycle);
                insert.setObject(4, LocalDate.of(2031, 1, 20));
                insert.setTimestamp(5, Timestamp.from(Instant.now()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static byte[] workbook(String stateUnderReview, int rows) {
        Random random = new Random(11);
        List<UhriWorkbook.Row> sheet = new ArrayList<>(rows);
        for (int i = 1; i <= rows; i++) {
            sheet.add(new UhriWorkbook.Row(text(random, i), "- " + stateUnderReview, "UPR",
                    "- " + String.join("\n- ", RecommendationFile.pick(random, RecommendationFile.THEMES, 1 + random.nextInt(3))),
                    "- " + RecommendationFile.GROUPS.get(random.nextInt(RecommendationFile.GROUPS.size())),
                    (1 + random.nextInt(17)) + "." + (1 + random.nextInt(9)),
                    "- " + String.join("\n- ", RecommendationFile.pick(random, STATES, 1 + random.nextInt(2))),
                    random.nextInt(10) < 6 ? "Supported" : random.nextInt(3) == 0 ? "Supported/Noted" : "Noted",
                    "44"));
        }
        return UhriWorkbook.write(sheet);
    }

    /** UPR Info's older export as it was downloaded: windows-1252, CR line endings. */
    static byte[] uprInfoCsv(String stateUnderReview, int rows) {
        Random random = new Random(12);
        StringBuilder csv = new StringBuilder(rows * 300);
        csv.append("To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session\r");
        for (int i = 1; i <= rows; i++) {
            csv.append(stateUnderReview).append(",AF,AU,\"").append(text(random, i).replace("\"", "\"\""))
                    .append("\",\"").append(STATES.get(random.nextInt(STATES.size()))).append("\",WEOG,,")
                    .append(random.nextInt(10) < 6 ? "Accepted" : "Noted").append(',').append(1 + random.nextInt(5))
                    .append(",\"").append(String.join(",", RecommendationFile.pick(random, RecommendationFile.THEMES, 1 + random.nextInt(3))))
                    .append("\",21\r");
        }
        return csv.toString().replace('’', '\'').getBytes(WINDOWS_1252);
    }

    private static String text(Random random, int i) {
        return List.of("Adopt", "Strengthen", "Ensure", "Consider", "Establish").get(random.nextInt(5))
                + " measures so that everyone’s rights are respected, in particular in rural areas and in the "
                + "courts, and report on them at the next review (recommendation " + i + ")";
    }

    private static boolean fail(String what) {
        throw new IllegalStateException(what);
    }
}
