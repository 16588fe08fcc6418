package org.uprflow.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.FileSystemUtils;
import org.uprflow.testing.Client;
import org.uprflow.testing.Http;
import org.uprflow.testing.TaskForms;
import org.uprflow.testing.TestDatabase;
import org.uprflow.testing.World;

/**
 * Case 4: the packaged jar as it is run in production, with the JVM options users run it with
 * ({@code deploy/jvm.options}, also read by the Dockerfile and {@code mvn spring-boot:run}), started
 * three times: the embedded default (H2, demo data) with the JVM's defaults, as it ran before those
 * options, then with them, and the postgres profile on a fresh database with them. Start-up time (Spring's own
 * line and the first 200 from Tasklist) and the resident size then, then a small run of work over REST
 * and the CPU time it cost the jar's JVM, the resident size after it, then the heap in use after a full GC
 * (jcmd GC.heap_info) and the resident size again (/proc/pid/status), at once and 12 s later (one native trim).
 */
final class Footprint {

    static final String CASE = "4 footprint";
    private static final Pattern STARTED = Pattern.compile("Started UprFlowApplication in ([0-9.]+) seconds");
    private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");
    /** Generous: on a machine loaded by other sessions (load average 47 on 2 cores) the jar took more than 3 minutes. */
    private static final Duration START_LIMIT = Duration.ofMinutes(10);
    private static final int CYCLES = 9;
    /** A little more than deploy/jvm.options' TrimNativeHeapInterval: the resident size read again after one trim. */
    private static final Duration TRIM_WAIT = Duration.ofSeconds(12);
    /** The JVM options of every documented way to start the platform, as a {@code java @file} argument file. */
    static final Path JVM_OPTIONS = Path.of("deploy", "jvm.options");
    /** Its one environment setting: glibc's malloc arenas (docs/operations.md, Memory). */
    static final Map<String, String> JVM_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private final Path jar;
    private final TestDatabase database;
    private final Report report;

    Footprint(Path jar, TestDatabase database, Report report) {
        this.jar = jar;
        this.database = database;
        this.report = report;
    }

    void run() throws Exception {
        if (!Files.exists(jar)) {
            report.add(Figure.value(CASE, "packaged jar", "not measured: no " + jar + " (run through mvn verify)"));
            return;
        }
        measureOrReport("embedded default (H2), JVM defaults (no " + JVM_OPTIONS + ")", List.of(), Map.of(), "admin",
                "demo");
        List<String> shipped = List.of("@" + JVM_OPTIONS.toAbsolutePath());
        measureOrReport("embedded default (H2)", shipped, JVM_ENVIRONMENT, "admin", "demo");
        String footprintDatabase = "uprflow_footprint_" + ProcessHandle.current().pid();
        execute("create database " + footprintDatabase);
        try {
            Map<String, String> postgres = new java.util.HashMap<>(JVM_ENVIRONMENT);
            postgres.putAll(Map.of("SPRING_PROFILES_ACTIVE", "postgres",
                    "DB_URL", withDatabase(database.url(), footprintDatabase), "DB_USER", database.user(),
                    "DB_PASSWORD", database.password(), "UPRFLOW_ADMIN_PASSWORD", Population.ADMIN_PASSWORD));
            measureOrReport("postgres profile", shipped, postgres, "admin", Population.ADMIN_PASSWORD);
        } finally {
            execute("drop database if exists " + footprintDatabase + " with (force)");
        }
    }

    /** A jar that does not start is a finding of this case: it goes into the table, the other figures stay. */
    private void measureOrReport(String configuration, List<String> jvmOptions, Map<String, String> environment,
            String admin, String password) throws Exception {
        try {
            measure(configuration, jvmOptions, environment, admin, password);
        } catch (IllegalStateException failed) {
            failed.printStackTrace();
            report.add(Figure.value(CASE, "java -jar, " + configuration, "FAILED: " + failed.getMessage()));
        }
    }

    private void measure(String configuration, List<String> jvmOptions, Map<String, String> environment, String admin,
            String password) throws Exception {
        boolean h2 = !environment.containsKey("SPRING_PROFILES_ACTIVE");
        Path directory = Path.of("target", "benchmarks", "footprint-" + (h2 ? "h2" : "postgres")
                + (jvmOptions.isEmpty() ? "-jvm-defaults" : ""));
        FileSystemUtils.deleteRecursively(directory);
        Files.createDirectories(directory);
        Path log = directory.resolve("out.log");
        // A name of its own: on a shared machine the first try was stopped from outside (exit 143), likely by a stop-by-name.
        Path copy = Files.copy(jar, directory.resolve("upr-flow-footprint.jar"));
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", copy.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("PORT", Integer.toString(port));
        long launched = System.nanoTime();
        Process process = builder.start();
        try {
            Client client = new Client("http://localhost:" + port);
            double firstTasklist = firstOk(new Client("http://localhost:" + port, HttpClient.Redirect.NORMAL), process,
                    launched);
            String started = grep(log, STARTED).orElse("?");
            long pid = process.pid();
            String rssStarted = Machine.proc("/proc/" + pid + "/status", "VmRSS").orElse("?");
            long ticks = CpuMeter.processTicks(pid);
            work(client, admin, password, h2);
            double workCpu = (CpuMeter.processTicks(pid) - ticks) / 100.0;
            String rssWorked = Machine.proc("/proc/" + pid + "/status", "VmRSS").orElse("?");
            jcmd(pid, "GC.run");
            String heap = jcmd(pid, "GC.heap_info");
            String heapUsed = heapUsed(heap);
            String rss = Machine.proc("/proc/" + pid + "/status", "VmRSS").orElse("?");
            // The full collection's own scratch memory (marking stack, preserved marks) is malloc'd and freed at its
            // end; glibc keeps it until deploy/jvm.options' native trim (every 10 s) hands it back.
            Thread.sleep(TRIM_WAIT.toMillis());
            String rssTrimmed = Machine.proc("/proc/" + pid + "/status", "VmRSS").orElse("?");
            String peak = Machine.proc("/proc/" + pid + "/status", "VmHWM").orElse("?");
            report.add(Figure.value(CASE, "java -jar, " + configuration, String.format(Locale.ROOT,
                    "started in %s s (Spring), first 200 from Tasklist after %.1f s, RSS then %s; the run's work cost "
                            + "the JVM %.2f s of CPU, RSS after it %s; after a full GC: heap %s; RSS %s, %d s later %s "
                            + "(peak %s)",
                    started, firstTasklist, rssStarted, workCpu, rssWorked, heapUsed, rss, TRIM_WAIT.toSeconds(),
                    rssTrimmed, peak)));
            report.note("footprint " + configuration, Map.of("jvmOptions", jvmOptions.isEmpty() ? "JVM defaults"
                    : JVM_OPTIONS.toString(), "startedSeconds", started, "firstTasklist200Seconds", firstTasklist,
                    "vmRssAfterStart", rssStarted, "workCpuSeconds", workCpu, "vmRssAfterWork", rssWorked,
                    "heapAfterFullGc", heapUsed, "vmRss", rss, "vmRssAfterNativeTrim", rssTrimmed, "vmHwm", peak));
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Seconds from launch to the first 200 on Tasklist's page. */
    private static double firstOk(Client client, Process process, long launched) throws InterruptedException {
        long deadline = launched + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the jar exited with " + process.exitValue());
            }
            try {
                if (client.get(null, "/camunda/app/tasklist/").status() == 200) {
                    return (System.nanoTime() - launched) / 1e9;
                }
            } catch (IllegalStateException notListeningYet) {
                // connection refused until Tomcat is up
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no 200 from Tasklist within " + START_LIMIT);
    }

    /** A small run through REST: a country with a CSO and a manager, its cycles opened, their first tasks done, the inbox read. */
    private static void work(Client client, String adminUser, String adminPassword, boolean demoDataPresent) {
        String code = "sn";
        Http platform = Http.over(client);
        Http.Caller admin = platform.as(adminUser, adminPassword);
        World.onboard(admin, code).expect("onboarding", 201);
        for (String[] person : List.of(new String[] {"sn.cso", "CSO"}, new String[] {"sn.pm", "PROGRAMME_MANAGER"})) {
            World.addParticipant(admin, code, World.Person.of(person[0], person[1], "Bench", "Mark")
                    .withPassword(Population.PASSWORD)).expect("adding " + person[0], 201);
        }
        String cso = Client.basic("sn.cso", Population.PASSWORD);
        LocalDate review = LocalDate.now().plusYears(1);
        for (int number = 1; number <= CYCLES; number++) {
            World.openCycle(platform.as("sn.pm", Population.PASSWORD), code, number, 40, review).expect("opening", 201);
        }
        String values = TaskForms.engineRestVariables(TaskForms.validInput("submit-stakeholder-report"));
        List<String> done = new ArrayList<>();
        for (var task : client.expect(200, client.get(cso, "/api/tasks?max=200"), "tasks").json()) {
            client.expect(204, client.post(cso, "/engine-rest/task/" + task.get("id").asText() + "/complete", values),
                    "completing");
            done.add(task.get("id").asText());
        }
        if (done.size() != CYCLES) {
            throw new IllegalStateException("expected " + CYCLES + " tasks for the CSO, found " + done.size()
                    + (demoDataPresent ? " (demo data present)" : ""));
        }
        for (int i = 0; i < 50; i++) {
            client.expect(200, client.get(cso, "/api/tasks?max=15"), "inbox");
        }
    }

    /**
     * The heap in use and committed, from jcmd GC.heap_info: G1 prints one "total …K, used …K" line, the serial
     * and parallel collectors one per generation (young, then old), which are summed.
     */
    static String heapUsed(String heapInfo) {
        Matcher generation = HEAP_USED.matcher(heapInfo);
        long committed = 0;
        long used = 0;
        boolean found = false;
        while (generation.find()) {
            committed += Long.parseLong(generation.group(1));
            used += Long.parseLong(generation.group(2));
            found = true;
        }
        return found ? (used / 1024) + " MB used of " + (committed / 1024) + " MB committed"
                : "? (" + heapInfo.lines().findFirst().orElse("") + ")";
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor(60, TimeUnit.SECONDS);
        return output;
    }

    private static java.util.Optional<String> grep(Path log, Pattern pattern) throws IOException {
        Matcher matcher = pattern.matcher(Files.readString(log));
        return matcher.find() ? java.util.Optional.of(matcher.group(1)) : java.util.Optional.empty();
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The same server's URL with another database name. */
    static String withDatabase(String url, String name) {
        return url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
