package org.uprflow.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.uprflow.UprFlowApplication;
import org.uprflow.testing.Client;
import org.uprflow.testing.SqlCapture;

/**
 * Not the harness: case 3's inbox on a database that outlives the run, so that its plans can be read and
 * changed between runs. The first run on an empty database builds the harness's world (193 countries, 40
 * staffed) and case 3's open tasks ({@code -Dbenchmark.inboxTasks}, with {@code -Dbenchmark.scale=smoke}, through
 * {@link InboxQuery}); every run then measures the CSO's first page in process and over REST at 1 and 8 users
 * with the CPU per call, and prints the SQL of one REST page with PostgreSQL's EXPLAIN (ANALYZE, BUFFERS) of each
 * statement. A {@code main}: {@code java -cp ... org.uprflow.benchmark.InboxProbe <jdbc url> <user> [calls [rounds]]}.
 */
final class InboxProbe {

    private static final int COUNTRIES = 193;
    private static final int STAFFED = 40;

    private InboxProbe() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        try (ConfigurableApplicationContext platform = new SpringApplicationBuilder(UprFlowApplication.class)
                .profiles("postgres").run("--server.port=0", "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + user, "--spring.datasource.password=",
                        "--UPRFLOW_ADMIN_PASSWORD=" + Population.ADMIN_PASSWORD,
                        "--spring.datasource.hikari.connection-init-sql=" + PlanCacheMode.INIT_SQL,
                        PlatformBenchmark.USERS_WAIT_FOR_A_CONNECTION)) {
            int port = ((WebServerApplicationContext) platform).getWebServer().getPort();
            Client client = new Client("http://localhost:" + port);
            ProcessEngine engine = platform.getBean(ProcessEngine.class);
            DataSource dataSource = platform.getBean(DataSource.class);
            PlanCacheMode planCache = new PlanCacheMode(dataSource);
            planCache.use(PlanCacheMode.SHIPPED);
            Scale scale = Scale.fromSystemProperties();
            Report report = new Report(scale);
            if (engine.getIdentityService().createTenantQuery().count() < COUNTRIES) {
                Population world = Population.build(client, report, COUNTRIES, STAFFED);
                new InboxQuery(engine, dataSource, platform.getBean(PlatformTransactionManager.class), client, world,
                        scale, report, planCache).run();
            }
            System.out.println("open tasks: " + engine.getTaskService().createTaskQuery().count());
            String country = Population.isoCountries(COUNTRIES).get(0);
            String cso = Population.cso(country);
            List<String> groups = List.of(country + "-cso");
            List<String> tenants = List.of(country);
            engine.getIdentityService().setAuthentication(cso, groups, tenants);
            String filterId;
            try {
                filterId = engine.getFilterService().createTaskFilterQuery().list().stream()
                        .filter(filter -> "role-tasks".equals(filter.getProperties().get("uprflowView")))
                        .map(Filter::getId).findFirst().orElseThrow();
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
            CpuMeter cpu = CpuMeter.of(dataSource);
            String authorization = Client.basic(cso, Population.PASSWORD);
            Load.Operation rest = (u, n) -> {
                client.expect(200, client.post(authorization, "/engine-rest/filter/" + filterId
                        + "/list?firstResult=0&maxResults=15", "{}"), "inbox");
                return true;
            };
            Load.Operation tasklist = (u, n) -> {
                client.expect(200, client.post(authorization, "/engine-rest/filter/" + filterId
                        + "/list?firstResult=0&maxResults=15", InboxQuery.TASKLIST_BODY, InboxQuery.HAL), "inbox as Tasklist asks");
                return true;
            };
            Load.Operation page = (u, n) -> {
                engine.getIdentityService().setAuthentication(cso, groups, tenants);
                try {
                    engine.getFilterService().listPage(filterId, 0, 15);
                } finally {
                    engine.getIdentityService().clearAuthentication();
                }
                return true;
            };
            Load.Operation count = (u, n) -> {
                engine.getIdentityService().setAuthentication(cso, groups, tenants);
                try {
                    engine.getFilterService().count(filterId);
                } finally {
                    engine.getIdentityService().clearAuthentication();
                }
                return true;
            };
            Duration limit = Duration.ofSeconds(60);
            for (int round = 1; round <= rounds; round++) {
                for (int users : List.of(1, 8)) {
                    print(Load.run("probe", "in-process page, round " + round, users, 20, calls, limit, cpu.meter(), page));
                    print(Load.run("probe", "REST page, round " + round, users, 20, calls, limit, cpu.meter(), rest));
                    print(Load.run("probe", "Tasklist's page, round " + round, users, 20, calls, limit, cpu.meter(), tasklist));
                }
                print(Load.run("probe", "in-process count, round " + round, 1, 20, calls, limit, cpu.meter(), count));
            }
            for (Load.Operation channel : List.of(rest, tasklist)) {
                System.out.println(channel == rest ? "\n== REST page" : "\n== Tasklist's page");
                for (String sql : SqlCapture.statements(SqlCapture.ENGINE_STATEMENTS, () -> channel.run(0, 0))) {
                    System.out.println("\n" + sql + "\n");
                    System.out.println(SqlCapture.explainAnalyze(dataSource, sql));
                }
            }
        }
    }

    private static void print(Figure figure) {
        System.out.printf(Locale.ROOT, "%-30s %d users %4d ops %7.1f/s median %6.1f ms p95 %6.1f ms  %s%n",
                figure.channel(), figure.users(), figure.operations(), figure.opsPerSecond(), figure.medianMs(),
                figure.p95Ms(), figure.note());
    }
}
