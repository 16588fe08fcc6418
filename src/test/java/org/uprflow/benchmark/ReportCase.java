package org.uprflow.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.uprflow.report.MidTermReports;
import org.uprflow.security.PlatformUser;
import org.uprflow.testing.Client;
import org.uprflow.shared.CountryCode;

/**
 * Case 11 (issue 14, {@code -Dbenchmark.cases=report}): the mid-term report of a real country's
 * size. 300 recommendations imported over REST, a matrix of 20 clusters with two rows each (40
 * rows, 7 or 8 recommendations a row, added by the CSO over REST) and two years of progress notes
 * (a government report, a CSO and an NHRI assessment each quarter: 24 notes a row, 960 in all,
 * written straight into {@code implementation_progress}). Timed over REST as the country's CSO:
 * the draft's PDF (compiled and rendered at every call), the page's two calls (the JSON and the
 * HTML of the document), and a published copy's PDF (rendered at its first call, then the kept
 * bytes). Then once in-process for the heap: compile and render the draft's PDF.
 */
final class ReportCase {

    static final String CASE = "11 report";
    static final String DRAFT_PDF = "REST: GET .../report.pdf (draft: compile + render)";
    static final String PAGE_HTML = "REST: GET .../report.html (page's document)";
    static final String PAGE_JSON = "REST: GET .../report (page's JSON)";
    static final String KEPT_PDF = "REST: GET .../report.pdf (published, kept)";
    private static final int DRAFT_CYCLE = 61;
    private static final int PUBLISHED_CYCLE = 62;
    private static final int RECOMMENDATIONS = 300;
    private static final int CLUSTERS = 20;
    private static final int ROWS_PER_CLUSTER = 2;
    private static final int QUARTERS = 8;
    private static final String[] STATUSES = {"FULLY_IMPLEMENTED", "PARTIALLY_IMPLEMENTED", "IN_PROCESS",
        "LITTLE_OR_NO_ACTION", "NOT_STARTED"};

    private final AuthenticationProvider authentication;
    private final MidTermReports reports;
    private final Client client;
    private final Population world;
    private final Scale scale;
    private final Report report;
    private final CpuMeter cpu;
    private final DataSource dataSource;

    ReportCase(AuthenticationProvider authentication, MidTermReports reports, Client client, Population world, Scale scale,
            Report report, CpuMeter cpu, DataSource dataSource) {
        this.authentication = authentication;
        this.reports = reports;
        this.client = client;
        this.world = world;
        this.scale = scale;
        this.report = report;
        this.cpu = cpu;
        this.dataSource = dataSource;
    }

    void run() throws SQLException {
        String code = world.staffed().get(0);
        ImportFilesCase.openCycles(dataSource, code, List.of(DRAFT_CYCLE, PUBLISHED_CYCLE));
        String base = "/api/countries/" + code + "/cycles/" + DRAFT_CYCLE;
        build(code, base);
        String cso = Client.basic(Population.cso(code), Population.PASSWORD);
        publishCopy(code, cso, base);
        int runs = scale.name().equals("full") ? 20 : 5;
        String size = RECOMMENDATIONS + " recommendations, " + CLUSTERS + " clusters, " + CLUSTERS * ROWS_PER_CLUSTER
                + " rows, " + CLUSTERS * ROWS_PER_CLUSTER * QUARTERS * 3 + " notes";
        report.add(timed(DRAFT_PDF, runs, cso, base + "/report.pdf", "application/pdf", size));
        report.add(timed(PAGE_JSON, runs, cso, base + "/report", "application/json", size));
        report.add(timed(PAGE_HTML, runs, cso, base + "/report.html", "text/html", size));
        String published = "/api/countries/" + code + "/cycles/" + PUBLISHED_CYCLE + "/report.pdf";
        Figure first = timed(KEPT_PDF + ", first call (renders and keeps)", 1, cso, published, "application/pdf", size);
        report.add(first);
        report.add(timed(KEPT_PDF, runs, cso, published, "application/pdf", size));
        heap(code);
    }

    /** Warm-up once, then {@code runs} calls one after another; median and p95, CPU per call. */
    private Figure timed(String channel, int runs, String authorization, String path, String accept, String size) {
        long[] bytes = new long[1];
        Figure figure = Load.run(CASE, channel, 1, channel.contains("first call") ? 0 : 1, runs, Duration.ofMinutes(5),
                cpu.meter(), (user, n) -> {
                    Client.Document answer = client.getDocument(authorization, path, accept);
                    if (answer.status() != 200) {
                        throw new IllegalStateException(channel + ": " + answer.status() + " " + new String(answer.body()));
                    }
                    bytes[0] = answer.body().length;
                    return true;
                });
        return figure.withNote(size + "; " + String.format(Locale.ROOT, "%.0f kB", bytes[0] / 1e3));
    }

    private void heap(String code) {
        PlatformUser caller = (PlatformUser) authentication.authenticate(UsernamePasswordAuthenticationToken
                .unauthenticated(Population.cso(code), Population.PASSWORD)).getPrincipal();
        CountryCode country = CountryCode.of(code);
        String measured = ImportFilesCase.measured(() -> {
            byte[] pdf = reports.pdf(country, DRAFT_CYCLE, Locale.ENGLISH, caller);
            if (pdf.length < 1000) {
                throw new IllegalStateException("a PDF of " + pdf.length + " bytes");
            }
        });
        report.add(Figure.value(CASE, "in-process heap, draft PDF (compile + render)", measured));
    }

    /** 300 recommendations over REST, 40 matrix rows over REST, 960 notes in SQL. */
    private void build(String code, String base) throws SQLException {
        String manager = Client.basic(Population.manager(code), Population.PASSWORD);
        String cso = Client.basic(Population.cso(code), Population.PASSWORD);
        client.expect(201, client.postFile(manager, base + "/recommendations/import", "recommendations.csv",
                RecommendationFile.csv(code.toUpperCase(Locale.ROOT), DRAFT_CYCLE, RECOMMENDATIONS, 14)), "import");
        List<String> ids = new ArrayList<>();
        for (int page = 0; ids.size() < RECOMMENDATIONS; page++) {
            JsonNode items = client.expect(200, client.get(cso, base + "/recommendations?size=200&page=" + page),
                    "register").json().get("items");
            if (items.isEmpty()) {
                break;
            }
            items.forEach(item -> ids.add(item.get("id").asText()));
        }
        int rows = CLUSTERS * ROWS_PER_CLUSTER;
        List<String> keys = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            List<String> covered = ids.subList(row * ids.size() / rows, (row + 1) * ids.size() / rows);
            keys.add(client.expect(201, client.post(cso, base + "/matrix/entries", """
                    {"themeCluster":"Cluster %d: rights of group %d","goal":"%s","actions":"%s","indicators":"%s",
                     "responsibleInstitution":"Ministry %d","timeline":"2026-2028","status":"%s","recommendationIds":["%s"]}"""
                    .formatted(row / ROWS_PER_CLUSTER + 1, row / ROWS_PER_CLUSTER + 1,
                            RecommendationFile.sentence("Goal", row, 2), RecommendationFile.sentence("Actions", row, 4),
                            RecommendationFile.sentence("Indicators", row, 3), row % 12,
                            STATUSES[row % STATUSES.length], String.join("\",\"", covered))), "matrix row")
                    .json().get("key").asText());
        }
        notes(code, keys);
    }

    /** Each quarter of two years: the government's report, the CSOs' and the NHRI's assessment of every row. */
    private void notes(String code, List<String> keys) throws SQLException {
        Instant start = Instant.now().minus(2 * 365, ChronoUnit.DAYS);
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into implementation_progress (id, country_code, cycle_number, entry_key, kind, author_role, "
                        + "status, text, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (String key : keys) {
                for (int quarter = 0; quarter < QUARTERS; quarter++) {
                    for (String role : List.of("GOVERNMENT", "CSO", "NHRI")) {
                        insert.setObject(1, UUID.randomUUID());
                        insert.setString(2, code);
                        insert.setInt(3, DRAFT_CYCLE);
                        insert.setObject(4, UUID.fromString(key));
                        insert.setString(5, role.equals("GOVERNMENT") ? "REPORT" : "ASSESSMENT");
                        insert.setString(6, role);
                        insert.setString(7, STATUSES[(n++ + quarter) % STATUSES.length]);
                        insert.setString(8, RecommendationFile.sentence("Quarter " + (quarter + 1) + " " + role, n, 4));
                        insert.setTimestamp(9, Timestamp.from(start.plus(quarter * 91L, ChronoUnit.DAYS)));
                        insert.setString(10, code + "." + role.toLowerCase(Locale.ROOT));
                        insert.addBatch();
                    }
                }
            }
            insert.executeBatch();
        }
    }

    /**
     * The same content stored as a published report of another cycle, as publication stores it (the
     * publish task is not reached here): its PDF is rendered at the first call and kept.
     */
    private void publishCopy(String code, String cso, String base) throws SQLException {
        ObjectNode content = (ObjectNode) client.expect(200, client.get(cso, base + "/report"), "report").json();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        content.put("state", "PUBLISHED").put("cycleNumber", PUBLISHED_CYCLE)
                .put("businessKey", code.toUpperCase(Locale.ROOT) + "-" + PUBLISHED_CYCLE)
                .put("publishedAt", now.toString()).put("publishedBy", Population.manager(code)).put("publishable", false)
                .put("publishedOn", now.atOffset(java.time.ZoneOffset.UTC).toLocalDate().toString());
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into mid_term_report (country_code, cycle_number, content, published_at, published_by, published_on) "
                        + "values (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, code);
            insert.setInt(2, PUBLISHED_CYCLE);
            insert.setString(3, new ObjectMapper().writeValueAsString(content));
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setString(5, Population.manager(code));
            insert.setDate(6, java.sql.Date.valueOf(now.atOffset(java.time.ZoneOffset.UTC).toLocalDate()));
            insert.executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
