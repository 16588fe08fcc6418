package org.uprflow.benchmark;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.uprflow.testing.SqlCapture;
import org.uprflow.testing.TaskForms;
import org.uprflow.UprFlowApplication;
import org.uprflow.cycle.PreSessionProcess;
import org.uprflow.cycle.UprCycleProcess;
import org.uprflow.testing.Client;
import org.uprflow.testing.TestDatabase;

/**
 * Not the harness: what one REST completion of case 1 costs the JVM, against the same completion through the
 * Java API, in rounds that alternate the two on the same machine (CPU per operation from {@link CpuMeter}), the
 * SQL each sends (MyBatis' and JdbcTemplate's debug logs) and, with a third argument {@code profile}, a JFR
 * recording of a REST row summarised by inclusive frames of the request threads. A {@code main}:
 * {@code java -cp target/classes:target/test-classes:<dependencies> org.uprflow.benchmark.RestCompletionProbe
 * [rounds] [users] [profile]}.
 */
final class RestCompletionProbe {

    private static final String FORM = "submit-stakeholder-report";
    private static final int PER_ROW = Integer.getInteger("probe.perRow", 150);
    private static final int WARM_UP = Integer.getInteger("probe.warmUp", 300);

    private RestCompletionProbe() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        boolean profile = args.length > 2 && args[2].equals("profile");
        TestDatabase database = TestDatabase.get();
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try (ConfigurableApplicationContext platform = new SpringApplicationBuilder(UprFlowApplication.class)
                .profiles("postgres").run("--server.port=0", "--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.user(),
                        "--spring.datasource.password=" + database.password(),
                        "--UPRFLOW_ADMIN_PASSWORD=" + Population.ADMIN_PASSWORD, "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + mail.getSmtp().getPort(),
                        "--spring.datasource.hikari.connection-init-sql=" + PlanCacheMode.INIT_SQL)) {
            int port = ((WebServerApplicationContext) platform).getWebServer().getPort();
            Client client = new Client("http://localhost:" + port);
            ProcessEngine engine = platform.getBean(ProcessEngine.class);
            DataSource dataSource = platform.getBean(DataSource.class);
            new PlanCacheMode(dataSource).use(PlanCacheMode.SHIPPED);
            Report report = new Report(Scale.fromSystemProperties());
            Population world = Population.build(client, report, 4, 4);
            CpuMeter cpu = CpuMeter.of(dataSource);
            Map<String, Object> values = TaskForms.validInput(FORM);
            String body = TaskForms.engineRestVariables(values);
            int tasksNeeded = WARM_UP * 3 + rounds * 3 * PER_ROW + (profile ? 2 * PER_ROW : 0) + 20;
            open(engine, world.staffed(), tasksNeeded);
            new PlatformIndexes(dataSource).execute("analyze");
            ConcurrentLinkedQueue<String[]> tasks = new ConcurrentLinkedQueue<>();
            for (Task task : engine.getTaskService().createTaskQuery()
                    .taskDefinitionKey(PreSessionProcess.SUBMIT_STAKEHOLDER_REPORT).list()) {
                tasks.add(new String[] {task.getId(), task.getTenantId()});
            }
            System.out.println("open stakeholder-report tasks: " + tasks.size());
            Load.Operation rest = (user, n) -> {
                String[] task = tasks.poll();
                if (task == null) {
                    return false;
                }
                client.expect(204, client.post(Client.basic(Population.cso(task[1]), Population.PASSWORD),
                        "/engine-rest/task/" + task[0] + "/complete", body), "completing " + task[0]);
                return true;
            };
            StockCamundaRest stockServer = StockCamundaRest.start(platform);
            Client stockClient = new Client(stockServer.baseUrl());
            Load.Operation stock = (user, n) -> {
                String[] task = tasks.poll();
                if (task == null) {
                    return false;
                }
                stockClient.expect(204, stockClient.post(Client.basic(Population.cso(task[1]), Population.PASSWORD),
                        "/engine-rest/task/" + task[0] + "/complete", body), "completing " + task[0] + " (stock)");
                return true;
            };
            Load.Operation java = (user, n) -> {
                String[] task = tasks.poll();
                if (task == null) {
                    return false;
                }
                engine.getTaskService().complete(task[0], new HashMap<>(values));
                return true;
            };
            String cso = Client.basic(Population.cso(world.staffed().get(0)), Population.PASSWORD);
            Load.Operation version = (user, n) -> {
                client.expect(200, client.get(cso, "/engine-rest/version"), "version");
                return true;
            };
            Duration limit = Duration.ofMinutes(5);
            // one caller first: a cold Jersey and JIT on a loaded machine made a first burst of 8 exceed the client's timeout
            Load.run("warm", "rest", 1, 0, 5, limit, rest);
            Load.run("warm", "version", 1, 0, 5, limit, version);
            Load.run("warm", "stock", 1, 0, 5, limit, stock);
            Load.run("warm", "rest", users, 0, WARM_UP, limit, rest);
            Load.run("warm", "java", users, 0, WARM_UP, limit, java);
            Load.run("warm", "stock", users, 0, WARM_UP, limit, stock);
            Load.run("warm", "version", users, 0, WARM_UP, limit, version);
            System.out.println("SQL of one REST completion:");
            sql(rest).forEach(line -> System.out.println("  " + line));
            System.out.println("SQL of one stock Camunda REST completion:");
            sql(stock).forEach(line -> System.out.println("  " + line));
            System.out.println("SQL of one GET /engine-rest/version:");
            sql(version).forEach(line -> System.out.println("  " + line));
            System.out.println("SQL of one Java API completion:");
            sql(java).forEach(line -> System.out.println("  " + line));
            System.out.println("spring_session rows: " + count(dataSource, "select count(*) from spring_session"));
            for (int round = 1; round <= rounds; round++) {
                print(Load.run("probe", "REST complete, round " + round, users, 0, PER_ROW, limit, meter(cpu), rest));
                print(Load.run("probe", "stock complete, round " + round, users, 0, PER_ROW, limit, meter(cpu), stock));
                print(Load.run("probe", "Java complete, round " + round, users, 0, PER_ROW, limit, cpu.meter(), java));
            }
            System.out.println("spring_session rows: " + count(dataSource, "select count(*) from spring_session"));
            if (profile) {
                Path file = Path.of("target", "benchmarks", "probe-rest-complete.jfr");
                print(Profile.record(file, () -> Load.run("probe", "REST complete under JFR", users, 0, PER_ROW, limit,
                        cpu.meter(), rest)));
                System.out.println(Profile.summarise(file));
                System.out.println(inclusive(file, 70));
                Path stockFile = Path.of("target", "benchmarks", "probe-stock-complete.jfr");
                print(Profile.record(stockFile, () -> Load.run("probe", "stock complete under JFR", users, 0, PER_ROW, limit,
                        cpu.meter(), stock)));
                System.out.println(Profile.summarise(stockFile));
                System.out.println(inclusive(stockFile, 70));
            }
            stockServer.close();
        } finally {
            mail.stop();
        }
    }

    /** CPU per operation as {@link CpuMeter} has it, and the bytes the request threads allocated per operation. */
    private static Load.Meter meter(CpuMeter cpu) {
        Load.Meter inner = cpu.meter();
        return new Load.Meter() {
            private long before;

            @Override
            public void start() {
                before = requestThreadBytes();
                inner.start();
            }

            @Override
            public String stop(long operations) {
                String text = inner.stop(operations);
                return text + String.format(Locale.ROOT, "; request threads allocated %.0f kB per op",
                        (requestThreadBytes() - before) / 1024.0 / Math.max(1, operations));
            }
        };
    }

    private static long requestThreadBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long bytes = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("http-nio-")) {
                bytes += Math.max(0, threads.getThreadAllocatedBytes(thread.getId()));
            }
        }
        return bytes;
    }

    private static void print(Figure figure) {
        System.out.printf(Locale.ROOT, "%-32s %4d ops %7.1f/s median %6.1f ms  %s%n", figure.channel(),
                figure.operations(), figure.opsPerSecond(), figure.medianMs(), figure.note());
    }

    private static long count(DataSource dataSource, String sql) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Opens cycles through the Java API, 50 a transaction, two at a time. */
    private static void open(ProcessEngine engine, List<String> countries, int cycles) {
        String reviewDate = LocalDate.now().plusYears(1).toString();
        AtomicLong opened = new AtomicLong();
        Load.run("setup", "open", 2, 0, (cycles + 49) / 50, Duration.ofMinutes(20), (user, n) -> {
            for (int i = 0; i < 50; i++) {
                String code = countries.get((int) ((n * 50 + i) % countries.size()));
                Map<String, Object> variables = new HashMap<>();
                variables.put(UprCycleProcess.COUNTRY_CODE, code);
                variables.put(UprCycleProcess.CYCLE_NUMBER, 1);
                variables.put(UprCycleProcess.WG_SESSION, 40);
                variables.put(UprCycleProcess.REVIEW_DATE, reviewDate);
                engine.getRuntimeService().startProcessInstanceByKey(UprCycleProcess.KEY,
                        code.toUpperCase(Locale.ROOT) + "-P" + opened.incrementAndGet(), variables);
            }
            return true;
        });
    }

    /** The statements MyBatis and JdbcTemplate log while {@code work} runs. */
    private static List<String> sql(Load.Operation work) throws Exception {
        List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger(SqlCapture.ENGINE_STATEMENTS),
                (Logger) LoggerFactory.getLogger("org.springframework.jdbc.core.JdbcTemplate"));
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Map<Logger, Level> before = new LinkedHashMap<>();
        for (Logger logger : loggers) {
            before.put(logger, logger.getLevel());
            logger.addAppender(appender);
            logger.setLevel(Level.DEBUG);
        }
        try {
            work.run(0, 0);
        } finally {
            before.forEach((logger, level) -> {
                logger.setLevel(level);
                logger.detachAppender(appender);
            });
        }
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : appender.list) {
            String message = event.getFormattedMessage();
            if (message.startsWith("==>  Preparing:") || message.startsWith("Executing prepared SQL statement")
                    || message.startsWith("Executing SQL")) {
                lines.add("[" + event.getThreadName() + "] " + (message.length() > 220 ? message.substring(0, 220) + "…"
                        : message));
            }
        }
        return lines;
    }

    /** The frames most often on the request threads' stacks (each counted once a sample), with their share. */
    static String inclusive(Path file, int top) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            RecordedThread thread = event.getThread("sampledThread");
            if (thread == null || thread.getJavaName() == null || !thread.getJavaName().startsWith("http-nio-")) {
                continue;
            }
            samples++;
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                String name = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
                if (seen.add(name)) {
                    counts.merge(name, 1, Integer::sum);
                }
            }
        }
        int all = samples;
        StringBuilder text = new StringBuilder("request threads: " + all + " samples; inclusive frames:\n");
        counts.entrySet().stream().filter(e -> !e.getKey().startsWith("java.") && !e.getKey().startsWith("jdk.")
                && !e.getKey().startsWith("sun."))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> text.append(String.format(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * e.getValue() / all,
                        e.getKey())));
        return text.toString();
    }
}
