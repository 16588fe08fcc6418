package org.uprflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker-compose.yml} parsed as Compose reads it (YAML with its merge keys) and checked for what
 * running the cluster needs; there is no Docker engine here to start it. ClusterIT runs the same
 * topology (two jars, HAProxy with the same configuration file, PostgreSQL) on this machine.
 */
class ComposeFileTest {

    private static final List<String> PLATFORM_NODES = List.of("platform-1", "platform-2");

    private static Map<String, Object> services;
    private static Map<String, Object> compose;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
            compose = new Yaml().load(reader);
        }
        services = (Map<String, Object>) compose.get("services");
    }

    @Test
    void runsTwoNodesBehindABalancerWithTheDatabaseAndTheMailCatcher() {
        assertThat(services).containsOnlyKeys("lb", "platform-1", "platform-2", "db", "mailpit");
        Map<String, Object> balancer = service("lb");
        assertThat(balancer.get("image").toString()).startsWith("haproxy:");
        assertThat((List<Object>) cast(balancer.get("volumes"))).contains("./deploy/haproxy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro");
        assertThat(environment("lb")).containsEntry("UPRFLOW_NODE1", "platform-1:8080").containsEntry("UPRFLOW_NODE2", "platform-2:8080");
        assertThat((List<Object>) cast(balancer.get("ports"))).isNotEmpty();
    }

    @Test
    void everyServiceHasAHealthCheckAMemoryLimitAndAStopPeriod() {
        services.keySet().forEach(name -> {
            Map<String, Object> service = service(name);
            assertThat(service).as(name).containsKeys("healthcheck", "stop_grace_period", "restart");
            assertThat(at(service, "deploy", "resources", "limits", "memory")).as("memory limit of %s", name).isNotNull();
            assertThat((Map<String, Object>) cast(service.get("healthcheck"))).as(name).containsKey("test");
        });
    }

    @Test
    void nodesAreReachedOnlyThroughTheBalancerAndStopGracefully() throws IOException {
        Duration platformShutdown = Duration.parse("PT" + applicationProperty("spring", "lifecycle", "timeout-per-shutdown-phase")
                .toUpperCase());
        for (String node : PLATFORM_NODES) {
            Map<String, Object> service = service(node);
            assertThat(service).as("%s publishes no port", node).doesNotContainKey("ports");
            Duration grace = Duration.parse("PT" + service.get("stop_grace_period").toString().toUpperCase());
            assertThat(grace).as("%s: Docker's kill comes after the platform's own graceful stop", node)
                    .isGreaterThan(platformShutdown.plusSeconds(10));
            assertThat(at(service, "depends_on", "db", "condition")).isEqualTo("service_healthy");
        }
        assertThat(applicationProperty("server", "shutdown")).isEqualTo("graceful");
    }

    @Test
    void forwardedHeadersAreTrustedFromTheBalancersAddressOnly() {
        String balancerAddress = at(service("lb"), "networks", "uprflow", "ipv4_address").toString();
        for (String node : PLATFORM_NODES) {
            String trusted = environment(node).get("UPRFLOW_TRUSTED_PROXIES").toString();
            assertThat(balancerAddress).matches(trusted);
            assertThat("172.28.0.11").as("another container of the network").doesNotMatch(trusted);
        }
    }

    @Test
    void nodesSendMailThroughMailpit() {
        assertThat(service("mailpit").get("image").toString()).startsWith("axllent/mailpit");
        assertThat((List<Object>) cast(service("mailpit").get("expose"))).contains("1025");
        for (String node : PLATFORM_NODES) {
            assertThat(environment(node)).containsEntry("SPRING_MAIL_HOST", "mailpit").containsEntry("SPRING_MAIL_PORT", "1025")
                    .containsEntry("SPRING_PROFILES_ACTIVE", "postgres");
        }
    }

    @Test
    void theDatabaseKeepsItsDataInAVolume() {
        assertThat((List<Object>) cast(service("db").get("volumes"))).contains("uprflow-db:/var/lib/postgresql/data");
        assertThat((Map<String, Object>) cast(compose.get("volumes"))).containsKey("uprflow-db");
    }

    @Test
    void theBalancerChecksReadinessAndSticksToNothing() throws IOException {
        String config = Files.readString(Path.of("deploy/haproxy/haproxy.cfg"));
        assertThat(config).contains("option httpchk GET /actuator/health/readiness").contains("balance roundrobin")
                .contains("http-request del-header X-Forwarded-For");
        assertThat(config.lines().map(String::trim).filter(line -> !line.startsWith("#")))
                .noneMatch(line -> line.startsWith("cookie") || line.startsWith("stick") || line.contains("balance source"));
        assertThat(Path.of("Dockerfile")).exists();
    }

    /** The Dockerfile, {@code mvn spring-boot:run} and the footprint benchmark start the JVM alike (docs/operations.md, Memory). */
    @Test
    void everyWayToStartThePlatformUsesTheSameJvmOptions() throws Exception {
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("COPY deploy/jvm.options /app/jvm.options")
                .contains("ENV MALLOC_ARENA_MAX=2").contains("ENTRYPOINT [\"java\", \"@/app/jvm.options\", \"-jar\"");
        assertThat(Files.readString(Path.of("pom.xml")))
                .contains("<jvmArguments>@${project.basedir}/deploy/jvm.options</jvmArguments>")
                .contains("<MALLOC_ARENA_MAX>2</MALLOC_ARENA_MAX>");
        // A misspelt option stops the JVM before it starts: the file must be one this Java accepts.
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@deploy/jvm.options", "-version").redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes());
        assertThat(java.waitFor()).as(output).isZero();
    }

    private static Map<String, Object> service(String name) {
        return cast(services.get(name));
    }

    private static Map<String, Object> environment(String name) {
        return cast(service(name).get("environment"));
    }

    private static Object at(Map<String, Object> map, String... keys) {
        Object value = map;
        for (String key : keys) {
            value = value instanceof Map<?, ?> nested ? nested.get(key) : null;
        }
        return value;
    }

    /** A value of the platform's own configuration, from the documents of application.yml. */
    private static String applicationProperty(String... keys) throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.yml"))) {
            for (Object document : new Yaml().loadAll(reader)) {
                Object value = at(cast(document), keys);
                if (value != null) {
                    return value.toString();
                }
            }
        }
        throw new AssertionError("no " + String.join(".", keys) + " in application.yml");
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
