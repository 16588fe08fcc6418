package org.uprflow.benchmark;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.uprflow.recommendation.ImplementationStatus;
import org.uprflow.recommendation.RecommendationFilter;
import org.uprflow.recommendation.RecommendationRegister;
import org.uprflow.security.PlatformUser;
import org.uprflow.testing.Client;
import org.uprflow.shared.CountryCode;

/**
 * Case 5 (issue 4): the recommendations register. Importing a CSV file of {@code importRows}
 * (10,000) recommendations as the country's programme manager through the authenticated REST
 * endpoint, as a user's browser sends it, side by side with the same file handed to
 * {@link RecommendationRegister#importCsv} in-process (no HTTP, no authentication, no multipart);
 * then a country's register of 400 recommendations with a matrix of 24 rows, listed a page at a
 * time through REST by the country's CSO with each filter the register page offers. Every import
 * stays in the database, so the listed country shares its tables with the imported rows.
 */
final class RegisterCase {

    static final String CASE = "5 register";
    static final String REST_IMPORT = "REST: POST .../recommendations/import (multipart CSV)";
    static final String SERVICE_IMPORT = "in-process: RecommendationRegister.importCsv (no HTTP), same file";
    static final String REST_LIST = "REST: GET .../recommendations?";
    static final String SERVICE_LIST = "in-process: RecommendationRegister.list ";
    private static final int LISTED = 400;
    private static final int PAGE = 50;
    private static final List<String> INSTITUTIONS = List.of("Ministry of Justice", "Ministry of Gender",
            "Ministry of Education", "Ministry of Health", "Office of the Attorney General", "National Police Service",
            "Ministry of Labour", "Ministry of Foreign Affairs");

    private final AuthenticationProvider authentication;
    private final RecommendationRegister register;
    private final Client client;
    private final Population world;
    private final Scale scale;
    private final Report report;
    private final CpuMeter cpu;
    private final PlatformIndexes database;
    private final DataSource dataSource;

    RegisterCase(AuthenticationProvider authentication, RecommendationRegister register, Client client, Population world,
            Scale scale, Report report, CpuMeter cpu, DataSource dataSource) {
        this.database = new PlatformIndexes(dataSource);
        this.dataSource = dataSource;
        this.authentication = authentication;
        this.register = register;
        this.client = client;
        this.world = world;
        this.scale = scale;
        this.report = report;
        this.cpu = cpu;
    }

    void run() throws SQLException {
        // only a cycle opened on the platform takes an import (issue 11)
        List<Integer> cycles = new ArrayList<>(List.of(1));
        for (int cycle = 11; cycle <= 11 + scale.importRuns(); cycle++) {
            cycles.addAll(List.of(cycle, cycle + 40));
        }
        ImportFilesCase.openCycles(dataSource, world.staffed().get(1), cycles);
        ImportFilesCase.openCycles(dataSource, world.staffed().get(2), List.of(1));
        imports(world.staffed().get(1));
        lists(world.staffed().get(2));
    }

    /** Each import goes to a cycle of its own (REST 11.., in-process 51..), so every one adds its rows. */
    private void imports(String code) {
        int runs = scale.importRuns();
        Map<Integer, byte[]> files = new HashMap<>();
        for (int cycle = 11; cycle <= 11 + runs; cycle++) {
            files.put(cycle, RecommendationFile.csv(code.toUpperCase(Locale.ROOT), cycle, scale.importRows(), cycle));
            files.put(cycle + 40, RecommendationFile.csv(code.toUpperCase(Locale.ROOT), cycle + 40, scale.importRows(),
                    cycle));
        }
        recordCycles(code, IntStream.rangeClosed(11, 11 + runs));
        String manager = Population.manager(code);
        String basic = Client.basic(manager, Population.PASSWORD);
        PlatformUser caller = (PlatformUser) authentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(manager, Population.PASSWORD)).getPrincipal();
        String size = String.format(Locale.ROOT, "%d rows, %.1f MB a file", scale.importRows(),
                files.get(11).length / 1e6);
        AtomicInteger restCycle = new AtomicInteger(11);
        AtomicInteger serviceCycle = new AtomicInteger(51);
        // one warm-up import each, then alternately, so that both see the machine in the same state
        for (int round = 0; round <= runs; round++) {
            int warmUp = round == 0 ? 1 : 0;
            Figure rest = Load.run(CASE, REST_IMPORT, 1, 0, 1, Duration.ofMinutes(2), cpu.meter(), (user, n) -> {
                int cycle = restCycle.getAndIncrement();
                JsonNode summary = client.expect(201, client.postFile(basic, "/api/countries/" + code + "/cycles/" + cycle
                        + "/recommendations/import", "recommendations.csv", files.get(cycle)), "import").json();
                return summary.path("imported").asInt() == scale.importRows() || fail("imported " + summary);
            });
            Figure service = Load.run(CASE, SERVICE_IMPORT, 1, 0, 1, Duration.ofMinutes(2), cpu.meter(), (user, n) -> {
                int cycle = serviceCycle.getAndIncrement();
                int imported = register.importCsv(CountryCode.of(code), cycle, new ByteArrayInputStream(files.get(cycle)),
                        caller).imported();
                return imported == scale.importRows() || fail("imported " + imported);
            });
            if (warmUp == 0) {
                report.add(rest.withNote(size + " (round " + round + ")"));
                report.add(service.withNote(size + " (round " + round + ")"));
            }
        }
        summariseImports(size);
    }

    /** Median and p95 over the rounds, one row per channel, and their ratio. */
    private void summariseImports(String size) {
        // the rounds are single timed operations: their seconds are the import times
        for (String channel : List.of(REST_IMPORT, SERVICE_IMPORT)) {
            long[] nanos = report.figures().stream().filter(f -> f.benchmarkCase().equals(CASE)
                    && f.channel().equals(channel)).mapToLong(f -> (long) (f.seconds() * 1e9)).sorted().toArray();
            double median = Load.percentile(nanos, 0.50);
            report.add(new Figure(CASE, channel + ", over the rounds", 1, nanos.length, 0,
                    scale.importRows() / (median / 1000), median, Load.percentile(nanos, 0.95),
                    size + "; ops/s column = rows imported per second at the median"));
        }
        Figure rest = report.find(CASE, REST_IMPORT + ", over the rounds", 1);
        Figure service = report.find(CASE, SERVICE_IMPORT + ", over the rounds", 1);
        report.add(new Figure(CASE, "ratio REST/in-process: import", 1, 0, 0, service.medianMs() / rest.medianMs(),
                Double.NaN, Double.NaN, String.format(Locale.ROOT, "HTTP, multipart and authentication add %.0f ms "
                        + "to the median import", rest.medianMs() - service.medianMs())));
    }

    /**
     * The platform's record of the cycles the register is measured in (the API answers 404 for a
     * cycle never opened); without a process, as the register needs none.
     */
    private void recordCycles(String code, IntStream numbers) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        numbers.forEach(number -> jdbc.update("insert into cycle (country_code, cycle_number, business_key, wg_session, "
                + "review_date, process_instance_id, opened_at, opened_by) values (?, ?, ?, ?, current_date, ?, now(), "
                + "'benchmark') on conflict do nothing", code.toLowerCase(Locale.ROOT), number,
                code.toUpperCase(Locale.ROOT) + "-" + number, 40 + number, "no-process-" + code + "-" + number));
    }

    /** The register page's requests for a country with {@value #LISTED} recommendations and a matrix. */
    private void lists(String code) throws SQLException {
        String manager = Client.basic(Population.manager(code), Population.PASSWORD);
        String cso = Client.basic(Population.cso(code), Population.PASSWORD);
        recordCycles(code, IntStream.of(1));
        String base = "/api/countries/" + code + "/cycles/1";
        client.expect(201, client.postFile(manager, base + "/recommendations/import", "recommendations.csv",
                RecommendationFile.csv(code.toUpperCase(Locale.ROOT), 1, LISTED, 1)), "importing the listed register");
        Map<String, ImplementationStatus> statusOfTheme = buildMatrix(cso, base);
        // What autovacuum does after the imports' rows (some servers run without it): without statistics the
        // page's themes, groups and targets are read by sequential scans of every country's rows.
        database.execute("analyze");
        String theme = RecommendationFile.THEMES.get(1);
        ImplementationStatus status = statusOfTheme.getOrDefault(theme, ImplementationStatus.NOT_STARTED);

        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("no filter", "");
        filters.put("theme", "theme=" + encode(RecommendationFile.THEMES.get(0)));
        filters.put("position", "position=SUPPORTED");
        filters.put("no position yet", "position=NONE");
        filters.put("status", "status=" + ImplementationStatus.IN_PROCESS);
        filters.put("responsible institution", "institution=" + encode(INSTITUTIONS.get(0)));
        filters.put("theme + position + status", "theme=" + encode(theme) + "&position=SUPPORTED&status=" + status);
        filters.put("words in the text", "q=" + encode("torture"));
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            String path = base + "/recommendations?" + filter.getValue() + (filter.getValue().isEmpty() ? "" : "&")
                    + "page=0&size=" + PAGE;
            long total = client.expect(200, client.get(cso, path), filter.getKey()).json().path("total").asLong();
            if (total == 0) {
                throw new IllegalStateException("the filter '" + filter.getKey() + "' finds nothing: it measures nothing");
            }
            for (int users : List.of(1, 8)) {
                if (users > 1 && !filter.getKey().startsWith("theme +")) {
                    continue;
                }
                report.add(Load.run(CASE, REST_LIST + filter.getKey() + ", page of " + PAGE, users, scale.warmUpOps(),
                        scale.inboxQueries(), scale.maxTime(), cpu.meter(), (user, n) -> {
                            client.expect(200, client.get(cso, path), filter.getKey());
                            return true;
                        }).withNote(total + " of " + LISTED + " match"));
            }
        }
        PlatformUser caller = (PlatformUser) authentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(Population.cso(code), Population.PASSWORD)).getPrincipal();
        RecommendationFilter combined = new RecommendationFilter(theme, RecommendationFilter.PositionFilter.SUPPORTED,
                status.name(), null, null);
        for (Map.Entry<String, RecommendationFilter> filter : Map.of("no filter", RecommendationFilter.ALL,
                "theme + position + status", combined).entrySet()) {
            report.add(Load.run(CASE, SERVICE_LIST + filter.getKey() + ", page of " + PAGE, 1, scale.warmUpOps(),
                    scale.inboxQueries(), scale.maxTime(), cpu.meter(), (user, n) -> {
                        register.list(CountryCode.of(code), 1, filter.getValue(), 0, PAGE, caller);
                        return true;
                    }));
        }
    }

    /**
     * One matrix row per theme, as the CSOs draft it: the recommendations whose first theme it is,
     * a responsible institution and a status, both spread over their values. Answers each row's status.
     */
    private Map<String, ImplementationStatus> buildMatrix(String cso, String base) {
        Map<String, List<String>> byTheme = new LinkedHashMap<>();
        for (int page = 0; page * 200 < LISTED; page++) {
            for (JsonNode item : client.expect(200, client.get(cso, base + "/recommendations?page=" + page + "&size=200"),
                    "reading the register").json().path("items")) {
                byTheme.computeIfAbsent(item.path("themes").path(0).asText(), t -> new ArrayList<>())
                        .add(item.path("id").asText());
            }
        }
        ImplementationStatus[] statuses = ImplementationStatus.values();
        Map<String, ImplementationStatus> statusOfTheme = new HashMap<>();
        int row = 0;
        for (Map.Entry<String, List<String>> theme : byTheme.entrySet()) {
            String ids = String.join("\",\"", theme.getValue());
            client.expect(201, client.post(cso, base + "/matrix/entries", """
                    {"themeCluster":"%s","goal":"Progress on %s","responsibleInstitution":"%s","timeline":"2026-2028",
                     "status":"%s","recommendationIds":["%s"]}""".formatted(theme.getKey().replace("\"", ""),
                    theme.getKey().replace("\"", ""), INSTITUTIONS.get(row % INSTITUTIONS.size()),
                    statuses[row % statuses.length], ids)), "adding a matrix row");
            statusOfTheme.put(theme.getKey(), statuses[row % statuses.length]);
            row++;
        }
        return statusOfTheme;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static boolean fail(String what) {
        throw new IllegalStateException("import did not add every row: " + what);
    }
}
