package org.uprflow.testing;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole platform on PostgreSQL (the production profile), served on a random port. All
 * integration tests share this one context and database, so fixtures are created idempotently.
 * Metrics are exported as in production (Spring Boot's tests would keep only an in-memory registry).
 * The platform's clock is a {@link MovableClock}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "UPRFLOW_ADMIN_PASSWORD=" + PostgresIntegrationTest.ADMIN_PASSWORD)
@ActiveProfiles("postgres")
@AutoConfigureObservability(tracing = false)
@Import(MovableClock.Config.class)
public abstract class PostgresIntegrationTest {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "it-admin-secret";

    @LocalServerPort
    protected int port;

    protected World world;

    protected Http http;

    @Autowired
    private ConfigurableApplicationContext context;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase database = TestDatabase.get();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
        // Every notice of the integration tests goes to a real SMTP server in this JVM.
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> TestMailServer.get().port());
    }

    @BeforeEach
    void connect() {
        TestDatabase.closeAtExitBeforeDatabase(context);
        http = new Http("http://localhost:" + port);
        world = World.ensure(http);
    }
}
