package org.uprflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.transaction.PlatformTransactionManager;
import org.uprflow.UprFlowApplication;
import org.uprflow.recommendation.RecommendationImports;
import org.uprflow.report.MidTermReports;
import org.uprflow.notification.NotificationSwitch;
import org.uprflow.recommendation.RecommendationRegister;
import org.uprflow.testing.Client;
import org.uprflow.testing.TestDatabase;

/**
 * The harness of issue 6, run by {@code mvn -B -Pbenchmark verify} (never by the normal build):
 * the platform on PostgreSQL (postgres profile, random port) in this JVM, its data built here,
 * the four cases side by side, the table printed and written to {@code target/benchmarks/}.
 * {@code -Dbenchmark.scale=smoke} runs it with tiny sizes.
 */
class PlatformBenchmark {

    /**
     * How long a harness user waits for one of the pool's 20 connections. The shipped 3 s (fail fast while the
     * database is away, issue 15) is for an outage, not for a queue: at 32 users in process on 2 cores, 12 of
     * them always wait for a connection while 20 queries share the cores, each about ten times as long as it
     * takes alone. The rows measure that queue (their p95), so the harness's users wait longer than a row
     * lasts; production keeps 3 s (docs/benchmarks.md, case 3).
     */
    static final String USERS_WAIT_FOR_A_CONNECTION = "--spring.datasource.hikari.connection-timeout=60000";

    @Test
    void measuresThePlatformAgainstTheBareEngineAndPostgresql() throws Exception {
        Scale scale = Scale.fromSystemProperties();
        Report report = new Report(scale);
        TestDatabase database = TestDatabase.get();
        long launched = System.nanoTime();
        // The notices of every case go to a real SMTP server in a JVM of its own, as they would to a mail relay.
        try (MailRelay mailRelay = MailRelay.start();
                ConfigurableApplicationContext platform = start(database, mailRelay.port());
                StockCamundaRest stock = StockCamundaRest.start(platform)) {
            report.add(Figure.value("4 footprint", "in-process platform (postgres profile, test JVM)",
                    String.format(Locale.ROOT, "context started in %.1f s", (System.nanoTime() - launched) / 1e9)));
            int port = ((WebServerApplicationContext) platform).getWebServer().getPort();
            Client client = new Client("http://localhost:" + port);
            ProcessEngine engine = platform.getBean(ProcessEngine.class);
            PlatformTransactionManager transactions = platform.getBean(PlatformTransactionManager.class);
            Population world = Population.build(client, report, scale.inboxCountries(), scale.cycleCountries());
            DataSource dataSource = platform.getBean(DataSource.class);
            PlanCacheMode planCache = new PlanCacheMode(dataSource);
            planCache.use(PlanCacheMode.SHIPPED);
            CpuMeter cpu = CpuMeter.of(dataSource).withMailRelay(mailRelay.pid());

            // Case 5 is not among the default cases: it opens cycles 1-4 of every country itself, which the
            // cycle case does too. Run it on its own: -Dbenchmark.cases=dashboard (docs/benchmarks.md).
            if (scale.runs("dashboard")) {
                if (scale.runs("cycle") || scale.runs("inbox")) {
                    throw new IllegalArgumentException("Run the dashboard case on its own: -Dbenchmark.cases=dashboard");
                }
                new DashboardAtScale(engine, platform.getBean(DataSource.class), transactions, client, world, scale,
                        report).run();
                judgeDashboard(report);
            }
            // Case 7 opens cycles 1 and 2 of every staffed country, as the cycle case does: on its own too.
            if (scale.runs("notify")) {
                if (scale.runs("cycle") || scale.runs("inbox") || scale.runs("dashboard")) {
                    throw new IllegalArgumentException("Run the notices case on its own: -Dbenchmark.cases=notify");
                }
                new NoticesAtScale(engine, dataSource, platform.getBean(NotificationSwitch.class), client, world, scale,
                        report, cpu).run();
            }
            if (scale.runs("health")) {
                new HealthProbe(client, scale, report, cpu).run();
            }
            if (scale.runs("ceiling")) {
                new CommitCeiling(database, scale, report).run();
            }
            CycleThroughput cycle = new CycleThroughput(engine, platform.getBean(AuthenticationProvider.class),
                    transactions, client, new Client(stock.baseUrl()), world, scale, report, planCache, cpu, dataSource,
                    platform.getBean(CompletionDataChecks.class));
            assertThat(CompletionDataChecks.installedIn(platform)).as("the completion listener is switchable").isTrue();
            if (scale.runs("cycle")) {
                cycle.run();
                judgeThroughput(report, scale);
                judgeDataChecks(report, scale);
            }
            if (scale.runs("inbox")) {
                new InboxQuery(engine, dataSource, transactions, client, world, scale, report, planCache).run();
                judgeInbox(report, scale);
                // They open their own cycles first, so they measure with the inbox case alone too (-Dbenchmark.cases=inbox).
                cycle.completeAtInboxScale(eightOrMost(scale));
            }
            // After the inbox case, when it runs: the nodes then read an inbox of its size.
            if (scale.runs("cluster")) {
                new ClusterCase(database, cycle, world, scale, report, cpu).run(eightOrMost(scale));
            }
            if (scale.runs("importfiles")) {
                new ImportFilesCase(platform.getBean(AuthenticationProvider.class),
                        platform.getBean(RecommendationImports.class), client, world, scale, report, cpu, dataSource).run();
                judgeImportFiles(report, scale);
            }
            if (scale.runs("register")) {
                new RegisterCase(platform.getBean(AuthenticationProvider.class), platform.getBean(RecommendationRegister.class),
                        client, world, scale, report, cpu, dataSource).run();
                judgeRegister(report, scale);
            }

            if (scale.runs("language")) {
                new LanguageCase(client, world, scale, report, cpu).run();
            }
            if (scale.runs("report")) {
                new ReportCase(platform.getBean(AuthenticationProvider.class), platform.getBean(MidTermReports.class),
                        client, world, scale, report, cpu, dataSource).run();
                judgeReport(report);
            }

            if (scale.runs("slowlink")) {
                new SlowLink("http://localhost:" + port, world, report).run();
            }

            System.gc();
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            report.add(Figure.value("4 footprint", "in-process platform after the run (test JVM, with the harness)",
                    String.format(Locale.ROOT, "heap after System.gc(): %d MB used of %d MB committed",
                            heap.getUsed() >> 20, heap.getCommitted() >> 20)));
        }
        if (scale.runs("footprint")) {
            new Footprint(Path.of("target", "upr-flow-0.1.0-SNAPSHOT.jar"), database, report).run();
        }
        Path written = report.finish();
        assertThat(written).exists();
    }

    private static ConfigurableApplicationContext start(TestDatabase database, int smtpPort) {
        // Command-line arguments outrank the profile's ${DB_URL:...} defaults.
        // The completion's data checks can be switched off for a row: in this harness only (CompletionDataChecks).
        return new SpringApplicationBuilder(UprFlowApplication.class).profiles("postgres").initializers(context -> {
            CompletionDataChecks checks = new CompletionDataChecks(context.getBeanFactory());
            context.getBeanFactory().registerSingleton("completionDataChecks", checks);
            context.getBeanFactory().addBeanPostProcessor(checks);
        }).run(
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--UPRFLOW_ADMIN_PASSWORD=" + Population.ADMIN_PASSWORD,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                // plan_cache_mode from the database, so that the run can switch it (PlanCacheMode)
                "--spring.datasource.hikari.connection-init-sql=" + PlanCacheMode.INIT_SQL,
                USERS_WAIT_FOR_A_CONNECTION);
    }

    /** The throughput aim of issue 6, met or missed, from the figures of this run, for both planning modes. */
    private static void judgeThroughput(Report report, Scale scale) {
        int eight = eightOrMost(scale);
        Figure bare = report.find(CycleThroughput.CASE, CycleThroughput.JAVA_COMPLETE_UNTUNED, eight);
        String rounds = CycleThroughput.OVER_THE_ROUNDS;
        Figure stock = report.find(CycleThroughput.CASE, CycleThroughput.STOCK_REST_COMPLETE + rounds, eight);
        Figure shipped = report.find(CycleThroughput.CASE, CycleThroughput.REST_COMPLETE + rounds, eight);
        report.aim("task completions over the platform's REST at " + eight + " users >= stock Camunda REST (same run, "
                + CycleThroughput.DATA_CHECK_ROUNDS + " alternating rounds each)", shipped.opsPerSecond() >= stock.opsPerSecond(),
                String.format(Locale.ROOT, "platform %.0f/s vs stock %.0f/s (%.2f)", shipped.opsPerSecond(),
                        stock.opsPerSecond(), shipped.opsPerSecond() / stock.opsPerSecond()));
        for (String mode : new String[] {"", CycleThroughput.CUSTOM_PLANS}) {
            Figure rest = report.find(CycleThroughput.CASE, CycleThroughput.REST_COMPLETE + mode, eight);
            report.aim("task completions over secured REST" + (mode.isEmpty() ? " (as shipped)" : mode) + " at " + eight
                    + " users >= untuned bare engine (Java API, same run)", rest.opsPerSecond() >= bare.opsPerSecond(),
                    String.format(Locale.ROOT, "REST %.0f/s vs untuned Java API %.0f/s (%.2f)", rest.opsPerSecond(),
                            bare.opsPerSecond(), rest.opsPerSecond() / bare.opsPerSecond()));
        }
    }

    /** Issue 10's speed aim: completions with the data checks within 10% of those without, same run, both channels. */
    private static void judgeDataChecks(Report report, Scale scale) {
        int eight = eightOrMost(scale);
        for (String channel : List.of(CycleThroughput.REST_COMPLETE, CycleThroughput.JAVA_COMPLETE)) {
            Figure on = report.find(CycleThroughput.CASE, channel + CycleThroughput.DATA_CHECKS_ON
                    + CycleThroughput.OVER_THE_ROUNDS, eight);
            Figure off = report.find(CycleThroughput.CASE, channel + CycleThroughput.DATA_CHECKS_OFF
                    + CycleThroughput.OVER_THE_ROUNDS, eight);
            report.aim("task completions (" + channel + ") at " + eight + " users with the data checks >= 0.9 x "
                    + "without (same run, alternating rounds)", on.opsPerSecond() >= 0.9 * off.opsPerSecond(),
                    String.format(Locale.ROOT, "on %.0f/s vs off %.0f/s (%.2f); medians %.1f vs %.1f ms",
                            on.opsPerSecond(), off.opsPerSecond(), on.opsPerSecond() / off.opsPerSecond(),
                            on.medianMs(), off.medianMs()));
        }
    }

    private static int eightOrMost(Scale scale) {
        return scale.users().contains(8) ? 8 : scale.maxUsers();
    }

    /** The speed aims of issue 4: an import of 10,000 well under a few seconds, a filtered page well under 100 ms. */
    private static void judgeRegister(Report report, Scale scale) {
        Figure imported = report.find(RegisterCase.CASE, RegisterCase.REST_IMPORT + ", over the rounds", 1);
        report.aim("import of " + scale.importRows() + " recommendations (REST) well under a few seconds (< 2 s)",
                imported.medianMs() < 2000, String.format(Locale.ROOT, "median %.0f ms, p95 %.0f ms",
                        imported.medianMs(), imported.p95Ms()));
        double worst = report.figures().stream().filter(f -> f.channel().startsWith(RegisterCase.REST_LIST) && f.users() == 1)
                .mapToDouble(Figure::p95Ms).max().orElse(Double.NaN);
        report.aim("filtered list page (REST, 1 user) well under 100 ms (p95 < 50 ms)", worst < 50,
                String.format(Locale.ROOT, "worst p95 over the filters %.1f ms", worst));
    }

    /** Issue 11's aim: preview and import of a 10,000-row workbook and single-byte CSV under 3 s each. */
    private static void judgeImportFiles(Report report, Scale scale) {
        for (String kind : List.of(ImportFilesCase.XLSX, ImportFilesCase.CSV)) {
            for (String step : List.of(ImportFilesCase.PREVIEW, ImportFilesCase.CONFIRM)) {
                Figure figure = report.find(ImportFilesCase.CASE, step + kind + ", over the rounds", 1);
                report.aim(step + kind + " of " + scale.importRows() + " rows < 3 s", figure.medianMs() < 3000,
                        String.format(Locale.ROOT, "median %.0f ms, p95 %.0f ms", figure.medianMs(), figure.p95Ms()));
            }
        }
    }

    /** Issue 14's aim: the PDF of a real country's report (300 recommendations, 20 clusters) under 2 s on 2 cores. */
    private static void judgeReport(Report report) {
        Figure pdf = report.find(ReportCase.CASE, ReportCase.DRAFT_PDF, 1);
        report.aim("draft report PDF (300 recommendations, 20 clusters, 960 notes) < 2 s (REST, median)",
                pdf.medianMs() < 2000, String.format(Locale.ROOT, "median %.0f ms, p95 %.0f ms", pdf.medianMs(),
                        pdf.p95Ms()));
    }

    /** Issue 5's aims for the dashboard at 193 countries, one user. */
    private static void judgeDashboard(Report report) {
        Figure overview = report.find(DashboardAtScale.CASE, DashboardAtScale.OVERVIEW, 1);
        Figure country = report.find(DashboardAtScale.CASE, DashboardAtScale.COUNTRY, 1);
        report.aim("dashboard overview p95 < 300 ms (REST, 1 user)", overview.p95Ms() < 300,
                String.format(Locale.ROOT, "p95 %.1f ms, median %.1f ms", overview.p95Ms(), overview.medianMs()));
        report.aim("dashboard country page p95 < 150 ms (REST, 1 user)", country.p95Ms() < 150,
                String.format(Locale.ROOT, "p95 %.1f ms, median %.1f ms", country.p95Ms(), country.medianMs()));
    }

    private static void judgeInbox(Report report, Scale scale) {
        // Issue 15 asks it at 8 users (the run's most when it has fewer), as shipped.
        int eight = eightOrMost(scale);
        Figure inbox = report.find(InboxQuery.CASE, InboxQuery.REST_PAGE, eight);
        report.aim("inbox p95 < 50 ms with " + scale.inboxTasks() + " open tasks (REST, " + eight + " users, as shipped)",
                inbox.p95Ms() < 50, String.format(Locale.ROOT, "p95 %.1f ms, median %.1f ms", inbox.p95Ms(), inbox.medianMs()));
    }
}
