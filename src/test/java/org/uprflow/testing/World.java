package org.uprflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The two countries of the isolation tests, Kenya and Malawi, with their users, and a small
 * probe process that gives each country a CSO task and a government task. Made once per test
 * JVM, through the platform's own APIs as the admin would.
 */
public final class World {

    public static final String PASSWORD = "it-password-1";
    public static final String KE_CSO = "ke.cso";
    public static final String KE_GOV = "ke.gov";
    public static final String KE_MANAGER = "ke.manager";
    /** Only for the wrong-password test: a failed login locks the account for a few seconds. */
    public static final String KE_NHRI = "ke.nhri";
    /** A programme manager of both countries. */
    public static final String BOTH_MANAGER = "pm.both";
    public static final String MW_CSO = "mw.cso";
    public static final String MW_GOV = "mw.gov";
    public static final String PROBE_PROCESS = "isolation-probe";
    /** A programme manager of Malawi only, for the isolation matrices ({@link #malawiOnlyManager}). */
    public static final String MW_ONLY_MANAGER = "mw.manager.matrix";

    /** The highest cycle number a programme manager may open (OpenCycle). */
    private static final int OPENABLE_CYCLES = 9;

    private static World instance;

    private final Http http;

    private World(Http http) {
        this.http = http;
    }

    public static synchronized World ensure(Http http) {
        if (instance == null) {
            World world = new World(http);
            world.build();
            instance = world;
        }
        return instance;
    }

    /** The same countries, users and probe on another platform, such as a cluster test's own database. */
    public static World buildOn(Http http) {
        World world = new World(http);
        world.build();
        return world;
    }

    public Http.Caller admin() {
        return http.as(PostgresIntegrationTest.ADMIN, PostgresIntegrationTest.ADMIN_PASSWORD);
    }

    public Http.Caller as(String user) {
        return http.as(user, PASSWORD);
    }

    /** The user, with a browser that asks for {@code language} ("fr", "es"). */
    public Http.Caller as(String user, String language) {
        return http.as(user, PASSWORD, language);
    }

    private void build() {
        onboard("KE");
        onboard("MW");
        participant("KE", KE_CSO, "CSO", "Amina", "Wanjiru");
        participant("KE", KE_GOV, "GOVERNMENT", "David", "Otieno");
        participant("KE", KE_NHRI, "NHRI", "Grace", "Mutua");
        participant("KE", KE_MANAGER, "PROGRAMME_MANAGER", "Marie", "Dupont");
        participant("MW", MW_CSO, "CSO", "Chikondi", "Banda");
        participant("MW", MW_GOV, "GOVERNMENT", "Kondwani", "Phiri");
        participant("KE", BOTH_MANAGER, "PROGRAMME_MANAGER", "Sofia", "Reyes");
        Http.Response second = admin().postJson("/api/countries/MW/participants",
                "{\"userId\":\"" + BOTH_MANAGER + "\",\"role\":\"PROGRAMME_MANAGER\"}");
        assertThat(second.status()).as("existing user gets a second country: %s", second).isEqualTo(201);
        MultiValueMap<String, Object> deployment = new LinkedMultiValueMap<>();
        deployment.add("deployment-name", "isolation-probe");
        deployment.add("data", new ClassPathResource("fixtures/isolation-probe.bpmn"));
        Http.Response deployed = admin().postForm("/engine-rest/deployment/create", deployment,
                MediaType.MULTIPART_FORM_DATA);
        assertThat(deployed.status()).as("admin deploys the probe: %s", deployed).isEqualTo(200);
    }

    private void onboard(String code) {
        Http.Response response = admin().postJson("/api/countries", "{\"code\":\"" + code + "\"}");
        assertThat(response.status()).as("onboarding %s: %s", code, response).isEqualTo(201);
    }

    private void participant(String country, String userId, String role, String firstName, String lastName) {
        Http.Response response = admin().postJson("/api/countries/" + country + "/participants", """
                {"userId":"%s","role":"%s","firstName":"%s","lastName":"%s","email":"%s@example.org","password":"%s"}
                """.formatted(userId, role, firstName, lastName, userId, PASSWORD));
        assertThat(response.status()).as("adding %s: %s", userId, response).isEqualTo(201);
    }

    /**
     * A participant of {@code country} in {@code role} who chose {@code language} for themselves
     * ({@code PUT /api/profile/language}): a person's own choice comes before their country's working
     * language and their browser's (language.RequestLanguage), so what they are answered is in it. Made
     * once, chosen again on every call.
     */
    public Http.Caller speaking(String language, String country, String userId, String role) {
        Http.Response added = admin().postJson("/api/countries/" + country + "/participants", """
                {"userId":"%s","role":"%s","firstName":"Test","lastName":"User","email":"%s@example.org","password":"%s"}
                """.formatted(userId, role, userId, PASSWORD));
        assertThat(added.status()).as("adding %s: %s", userId, added).isIn(201, 409);
        Http.Caller caller = as(userId);
        Http.Response chosen = caller.putJson("/api/profile/language", "{\"language\":\"" + language + "\"}", null);
        assertThat(chosen.status()).as("%s choosing %s: %s", userId, language, chosen).isEqualTo(200);
        return caller;
    }

    /** Makes sure {@link #MW_ONLY_MANAGER} exists: a manager of Malawi and of no other country. */
    public void malawiOnlyManager() {
        Http.Response added = admin().postJson("/api/countries/MW/participants", """
                {"userId":"%s","role":"PROGRAMME_MANAGER","firstName":"Test","lastName":"User","email":"%s@example.org","password":"%s"}
                """.formatted(MW_ONLY_MANAGER, MW_ONLY_MANAGER, PASSWORD));
        assertThat(added.status()).as("adding %s: %s", MW_ONLY_MANAGER, added).isIn(201, 409);
    }

    /** A running probe instance of the country: its id and its CSO and government tasks. */
    public record Probe(String processInstanceId, String csoTaskId, String governmentTaskId) {
    }

    /** Starts a probe for the country over {@code /engine-rest}, as the admin. */
    public Probe startProbe(String countryCode) {
        Http.Response started = admin().postJson("/engine-rest/process-definition/key/" + PROBE_PROCESS + "/start",
                "{\"variables\":{\"countryCode\":{\"value\":\"" + countryCode + "\",\"type\":\"String\"},"
                        + "\"stakeholderReport\":{\"value\":\"Draft of the " + countryCode + " report\",\"type\":\"String\"}}}");
        assertThat(started.status()).as("starting a probe: %s", started).isEqualTo(200);
        String instanceId = started.json().get("id").asText();
        return new Probe(instanceId, taskOf(instanceId, countryCode + "-cso"), taskOf(instanceId, countryCode + "-government"));
    }

    private String taskOf(String instanceId, String group) {
        JsonNode tasks = admin().get("/engine-rest/task?processInstanceId=" + instanceId + "&candidateGroup=" + group).json();
        assertThat(tasks).hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    /**
     * Makes sure the country has the cycle: everything addressed to a cycle needs one that was
     * opened. Numbers a manager may open (1-9) are opened through the API as the admin, a real
     * cycle with its process (review a year ahead, so nothing escalates during the tests). The
     * register and matrix tests use numbers above that, so that they never meet a real cycle's
     * tasks; for those the platform's record of the cycle is written directly, with no process.
     */
    public void ensureCycle(String countryCode, int number) {
        if (number <= OPENABLE_CYCLES) {
            Http.Response opened = admin().postJson("/api/countries/" + countryCode + "/cycles",
                    "{\"cycleNumber\":%d,\"wgSession\":%d,\"reviewDate\":\"%s\"}".formatted(number, 40 + number,
                            LocalDate.now().plusYears(1)));
            assertThat(opened.status()).as("opening %s-%d: %s", countryCode, number, opened).isIn(201, 409);
            return;
        }
        TestDatabase database = TestDatabase.get();
        String key = countryCode.toUpperCase(Locale.ROOT) + "-" + number;
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                PreparedStatement insert = connection.prepareStatement("insert into cycle (country_code, cycle_number, "
                        + "business_key, wg_session, review_date, process_instance_id, opened_at, opened_by) "
                        + "values (?, ?, ?, ?, ?, ?, now(), 'test-fixture') on conflict do nothing")) {
            insert.setString(1, countryCode.toLowerCase(Locale.ROOT));
            insert.setInt(2, number);
            insert.setString(3, key);
            insert.setInt(4, 40 + number);
            insert.setObject(5, LocalDate.now().plusYears(1));
            insert.setString(6, "no-process-" + key);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("recording cycle " + key, e);
        }
    }

    public static List<String> ids(JsonNode array) {
        return array.findValuesAsText("id");
    }
}
