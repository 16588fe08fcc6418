package org.uprflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The tests' fixture kit: onboarding a country, adding its people and opening its cycles through
 * the platform's own API ({@link #onboard}, {@link #addParticipant}, {@link #addToCountry},
 * {@link #openCycle}: bodies written by Jackson, the answer left to the caller to check), used by
 * the integration tests' fixtures and the benchmark alike.
 *
 * <p>An instance is the integration tests' world: the two countries of the isolation tests, Kenya
 * and Malawi, with their users, and a small probe process that gives each country a CSO task and a
 * government task. Made once per test JVM, through the platform's own APIs as the admin would.
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

    /** Someone added to a country: what the admin or a programme manager gives for them. */
    public record Person(String userId, String role, String firstName, String lastName, String email,
            String password) {

        /** A person with the tests' {@link #PASSWORD} and an address at example.org. */
        public static Person of(String userId, String role, String firstName, String lastName) {
            return new Person(userId, role, firstName, lastName, userId + "@example.org", PASSWORD);
        }

        /** The same person with another password (the benchmark's own). */
        public Person withPassword(String other) {
            return new Person(userId, role, firstName, lastName, email, other);
        }
    }

    /** {@code POST /api/countries}: onboards the country (its tenant, groups and filters). */
    public static Http.Response onboard(Http.Caller admin, String code) {
        return admin.postJson("/api/countries", Http.json("code", code));
    }

    /** Onboards the country with its working language ("fr", "es"). */
    public static Http.Response onboard(Http.Caller admin, String code, String language) {
        return admin.postJson("/api/countries", Http.json("code", code, "language", language));
    }

    /** {@code POST /api/countries/{code}/participants}: a new user, a participant of the country. */
    public static Http.Response addParticipant(Http.Caller by, String country, Person person) {
        return by.postJson("/api/countries/" + country + "/participants", Http.json("userId", person.userId(),
                "role", person.role(), "firstName", person.firstName(), "lastName", person.lastName(),
                "email", person.email(), "password", person.password()));
    }

    /** Gives a user who exists already (of another country) a role in this one too. */
    public static Http.Response addToCountry(Http.Caller by, String country, String userId, String role) {
        return by.postJson("/api/countries/" + country + "/participants", Http.json("userId", userId, "role", role));
    }

    /** {@code POST /api/countries/{code}/cycles}: opens the country's cycle (its process starts). */
    public static Http.Response openCycle(Http.Caller by, String country, int number, int wgSession,
            LocalDate reviewDate) {
        return by.postJson("/api/countries/" + country + "/cycles", Http.json("cycleNumber", number,
                "wgSession", wgSession, "reviewDate", reviewDate.toString()));
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
        addToCountry(admin(), "MW", BOTH_MANAGER, "PROGRAMME_MANAGER")
                .expect("existing user gets a second country", 201);
        MultiValueMap<String, Object> deployment = new LinkedMultiValueMap<>();
        deployment.add("deployment-name", "isolation-probe");
        deployment.add("data", new ClassPathResource("fixtures/isolation-probe.bpmn"));
        Http.Response deployed = admin().postForm("/engine-rest/deployment/create", deployment,
                MediaType.MULTIPART_FORM_DATA);
        assertThat(deployed.status()).as("admin deploys the probe: %s", deployed).isEqualTo(200);
    }

    private void onboard(String code) {
        onboard(admin(), code).expect("onboarding " + code, 201);
    }

    private void participant(String country, String userId, String role, String firstName, String lastName) {
        addParticipant(admin(), country, Person.of(userId, role, firstName, lastName)).expect("adding " + userId, 201);
    }

    /**
     * A participant of {@code country} in {@code role} who chose {@code language} for themselves
     * ({@code PUT /api/profile/language}): a person's own choice comes before their country's working
     * language and their browser's (language.RequestLanguage), so what they are answered is in it. Made
     * once, chosen again on every call.
     */
    public Http.Caller speaking(String language, String country, String userId, String role) {
        addParticipant(admin(), country, Person.of(userId, role, "Test", "User")).expect("adding " + userId, 201, 409);
        Http.Caller caller = as(userId);
        caller.putJson("/api/profile/language", Http.json("language", language), null)
                .expect(userId + " choosing " + language, 200);
        return caller;
    }

    /** Makes sure {@link #MW_ONLY_MANAGER} exists: a manager of Malawi and of no other country. */
    public void malawiOnlyManager() {
        addParticipant(admin(), "MW", Person.of(MW_ONLY_MANAGER, "PROGRAMME_MANAGER", "Test", "User"))
                .expect("adding " + MW_ONLY_MANAGER, 201, 409);
    }

    /** A running probe instance of the country: its id and its CSO and government tasks. */
    public record Probe(String processInstanceId, String csoTaskId, String governmentTaskId) {
    }

    /** Starts a probe for the country over {@code /engine-rest}, as the admin. */
    public Probe startProbe(String countryCode) {
        Http.Response started = admin().postJson("/engine-rest/process-definition/key/" + PROBE_PROCESS + "/start",
                TaskForms.engineRestVariables(Map.of("countryCode", countryCode, "stakeholderReport",
                        "Draft of the " + countryCode + " report")));
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
            openCycle(admin(), countryCode, number, 40 + number, LocalDate.now().plusYears(1))
                    .expect("opening " + countryCode + "-" + number, 201, 409);
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
