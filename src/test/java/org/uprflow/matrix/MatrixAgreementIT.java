package org.uprflow.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.uprflow.cycle.UprCycleProcess;
import org.uprflow.testing.Browser;
import org.uprflow.testing.CycleWalk;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.RegisterFixture;
import org.uprflow.testing.TaskForms;
import org.uprflow.testing.World;

/**
 * Agreeing to the implementation matrix is an act on a named version, in the cycle's follow-up
 * meeting rounds, on PostgreSQL over {@code /engine-rest} and {@code /api}: each side answers for
 * the version its task shows; both sides agreeing to the same version finalises it in the same
 * transaction and the cycle moves on; a version that is no longer the latest is refused (409), one
 * the country's matrix does not have (another country's) too (400); a draft changed after one side
 * agreed, or a side saying no, starts the next round from the draft as it stands. The matrix page's
 * agreement states its day under the task form's rules, and every round keeps each side's answer
 * and day, which the report's timeline shows round by round.
 */
class MatrixAgreementIT extends PostgresIntegrationTest {

    /** A country of this class alone (Tanzania), so that its cycles are nobody else's. */
    private static final String COUNTRY = "TZ";
    private static final String CSO = "tz.cso";
    private static final String GOV = "tz.gov";
    private static final String MANAGER = "tz.manager";
    /** A Malawian cycle (a platform record: Malawi's 1-9 are other tests') whose matrix has a version 2, which Tanzania's has not. */
    private static final int MALAWI_CYCLE = 28;

    @BeforeEach
    void tanzania() {
        World.onboard(world.admin(), COUNTRY).expect("onboarding " + COUNTRY, 201, 409);
        participant(CSO, "CSO");
        participant(GOV, "GOVERNMENT");
        participant(MANAGER, "PROGRAMME_MANAGER");
    }

    private void participant(String userId, String role) {
        World.addParticipant(world.admin(), COUNTRY, World.Person.of(userId, role, "Test", userId))
                .expect("adding " + userId, 201, 409);
    }

    private static String matrix(String country, int cycle) {
        return "/api/countries/" + country + "/cycles/" + cycle + "/matrix";
    }

    @Test
    void bothSidesAgreeingToTheLatestVersionFinaliseItAndTheCycleMovesOn() {
        int cycle = 1;
        String businessKey = open(cycle);
        CycleWalk walk = new CycleWalk(world.admin());
        walk.until(businessKey, UprCycleProcess.RECORD_FOLLOW_UP_MEETING);
        Http.Caller cso = world.as(CSO);
        Http.Caller gov = world.as(GOV);

        Http.Response early = cso.postJson(matrix(COUNTRY, cycle) + "/versions/1/agreement", "");
        assertThat(early.status()).as("before the round's agreement tasks: %s", early).isEqualTo(409);

        walk.until(businessKey, UprCycleProcess.AGREE_MATRIX_CSO);
        assertThat(cso.get(matrix(COUNTRY, cycle) + "/permissions").json().get("agree").asBoolean())
                .as("the page offers the agreement during the round").isTrue();
        String csoTask = walk.task(businessKey, UprCycleProcess.AGREE_MATRIX_CSO);
        JsonNode shown = cso.get("/engine-rest/task/" + csoTask + "/form-variables").json();
        assertThat(shown.path(UprCycleProcess.CSO_MATRIX_VERSION).path("value").asInt())
                .as("the task shows the version it asks about: %s", shown).isEqualTo(1);

        // another country's version 2 is no version of Tanzania's matrix
        Http.Caller admin = world.admin();
        world.ensureCycle("MW", MALAWI_CYCLE);
        admin.postJson(matrix("MW", MALAWI_CYCLE) + "/entries", """
                {"themeCluster":"Justice","status":"NOT_STARTED","recommendationIds":[]}""");
        assertThat(admin.postJson(matrix("MW", MALAWI_CYCLE) + "/versions/1/finalise", "").status()).isEqualTo(200);
        assertThat(admin.postJson(matrix("MW", MALAWI_CYCLE) + "/versions", "").status()).isEqualTo(201);
        Http.Response foreign = answer(cso, CSO, csoTask, "agree-matrix-cso", "yes", 2);
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(400);
        assertThat(foreign.json().get("message").asText()).contains("has no version 2");
        assertThat(cso.postJson(matrix("MW", MALAWI_CYCLE) + "/versions/2/agreement", "").status())
                .as("Malawi's matrix through the API").isEqualTo(404);

        // the manager finalises version 1 in the meeting room and the CSOs open version 2: version 1 is stale
        assertThat(world.as(MANAGER).postJson(matrix(COUNTRY, cycle) + "/versions/1/finalise", "").status())
                .isEqualTo(200);
        assertThat(cso.postJson(matrix(COUNTRY, cycle) + "/versions", "").status()).isEqualTo(201);
        Http.Response stale = answer(cso, CSO, csoTask, "agree-matrix-cso", "yes", 1);
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.json().get("message").asText())
                .contains("Version 1 of the implementation matrix of TZ-1 is no longer the latest: version 2 is");
        // the same refusal for a CSO member who chose French for herself (her country works in English)
        assertThat(cso.putJson("/api/profile/language", "{\"language\":\"fr\"}", null).status()).isEqualTo(200);
        try {
            Http.Response staleFr = answer(cso, CSO, csoTask, "agree-matrix-cso", "yes", 1);
            assertThat(staleFr.status()).isEqualTo(409);
            assertThat(staleFr.json().get("message").asText()).contains("n'est plus la dernière");
        } finally {
            assertThat(cso.delete("/api/profile/language").status()).isIn(200, 204);
        }
        Http.Response staleApi = gov.postJson(matrix(COUNTRY, cycle) + "/versions/1/agreement", "");
        assertThat(staleApi.status()).as(staleApi.toString()).isEqualTo(409);
        assertThat(staleApi.json().get("detail").asText()).contains("no longer the latest: version 2 is");
        assertThat(walk.task(businessKey, UprCycleProcess.AGREE_MATRIX_CSO)).as("the task stays open").isEqualTo(csoTask);

        assertThat(answer(cso, CSO, csoTask, "agree-matrix-cso", "yes", 2).status()).isEqualTo(204);
        JsonNode afterCso = version(cso, cycle, 2);
        assertThat(afterCso.get("status").asText()).isEqualTo("DRAFT");
        assertThat(afterCso.get("csoAgreedBy").asText()).isEqualTo(CSO);
        assertThat(walk.openTasks(businessKey).findValuesAsText("taskDefinitionKey"))
                .containsExactly(UprCycleProcess.AGREE_MATRIX_GOVERNMENT);

        String govTask = walk.task(businessKey, UprCycleProcess.AGREE_MATRIX_GOVERNMENT);
        assertThat(answer(gov, GOV, govTask, "agree-matrix-government", "yes", 2).status()).isEqualTo(204);
        JsonNode agreed = version(cso, cycle, 2);
        assertThat(agreed.get("status").asText()).as("both sides agreed to version 2").isEqualTo("FINAL");
        assertThat(agreed.get("governmentAgreedBy").asText()).isEqualTo(GOV);
        assertThat(walk.openTasks(businessKey).findValuesAsText("taskDefinitionKey"))
                .as("the cycle moved on to implementation monitoring").containsExactly(UprCycleProcess.REPORT_PROGRESS);
        assertThat(new RegisterFixture(world).auditActions(COUNTRY, cycle)).contains("MATRIX_AGREED", "MATRIX_FINALISED");
        assertThat(gov.postJson(matrix(COUNTRY, cycle) + "/versions/2/agreement", "").status())
                .as("after the phase").isEqualTo(409);
    }

    @Test
    void aDraftChangedAfterOneSideAgreedOrASideSayingNoStartsTheNextRoundFromTheDraft() {
        int cycle = 2;
        String businessKey = open(cycle);
        CycleWalk walk = new CycleWalk(world.admin());
        walk.until(businessKey, UprCycleProcess.AGREE_MATRIX_CSO);
        Http.Caller cso = world.as(CSO);
        Http.Caller gov = world.as(GOV);

        assertThat(answer(cso, CSO, walk.task(businessKey, UprCycleProcess.AGREE_MATRIX_CSO),
                "agree-matrix-cso", "yes", 1).status()).isEqualTo(204);
        JsonNode row = cso.get(matrix(COUNTRY, cycle) + "/versions/1").json().get("entries").get(0);
        Http.Response edited = cso.putJson(matrix(COUNTRY, cycle) + "/versions/1/entries/" + row.get("key").asText(), """
                {"themeCluster":"Torture","goal":"No torture in custody","status":"IN_PROCESS","recommendationIds":[]}""",
                "\"" + row.get("version").asInt() + "\"");
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(answer(gov, GOV, walk.task(businessKey, UprCycleProcess.AGREE_MATRIX_GOVERNMENT),
                "agree-matrix-government", "yes", 1).status()).isEqualTo(204);

        JsonNode draft = version(cso, cycle, 1);
        assertThat(draft.get("status").asText()).as("the CSOs agreed to the draft before it changed").isEqualTo("DRAFT");
        assertThat(walk.openTasks(businessKey).findValuesAsText("taskDefinitionKey"))
                .as("another round of the follow-up meeting").containsExactly(UprCycleProcess.RECORD_FOLLOW_UP_MEETING);

        walk.until(businessKey, UprCycleProcess.AGREE_MATRIX_CSO);
        assertThat(answer(gov, GOV, walk.task(businessKey, UprCycleProcess.AGREE_MATRIX_GOVERNMENT),
                "agree-matrix-government", "no", 1).status()).isEqualTo(204);
        assertThat(version(cso, cycle, 1).get("governmentAgreedBy").isNull()).as("the government withdrew").isTrue();
        assertThat(answer(cso, CSO, walk.task(businessKey, UprCycleProcess.AGREE_MATRIX_CSO),
                "agree-matrix-cso", "yes", 1).status()).isEqualTo(204);
        assertThat(version(cso, cycle, 1).get("status").asText()).isEqualTo("DRAFT");
        assertThat(walk.openTasks(businessKey).findValuesAsText("taskDefinitionKey"))
                .as("a third round").containsExactly(UprCycleProcess.RECORD_FOLLOW_UP_MEETING);
        assertThat(new RegisterFixture(world).auditActions(COUNTRY, cycle)).contains("MATRIX_DISAGREED");
    }

    @Test
    void thePagesAgreementStatesItsDayAndEveryRoundKeepsEachSidesDay() {
        int cycle = 3;
        String businessKey = open(cycle);
        CycleWalk walk = new CycleWalk(world.admin());
        // round 1's follow-up meeting is held on 13 July 2015 (the walk's day)
        walk.until(businessKey, UprCycleProcess.AGREE_MATRIX_CSO);
        Http.Caller cso = world.as(CSO);
        Http.Caller gov = world.as(GOV);
        String agreement = matrix(COUNTRY, cycle) + "/versions/1/agreement";

        String tomorrow = LocalDate.now().plusDays(1).toString();
        Http.Response ahead = cso.postJson(agreement, "{\"agreedOn\":\"" + tomorrow + "\"}");
        assertThat(ahead.status()).as(ahead.toString()).isEqualTo(400);
        assertThat(ahead.json().get("errors").get("agreedOn").asText())
                .contains("'Day your side agreed' is " + tomorrow + ", after today");
        Http.Response beforeMeeting = cso.postJson(agreement, "{\"agreedOn\":\"2015-07-12\"}");
        assertThat(beforeMeeting.status()).as(beforeMeeting.toString()).isEqualTo(400);
        assertThat(beforeMeeting.json().get("errors").get("agreedOn").asText())
                .contains("is 2015-07-12, before the follow-up meeting of the round (2015-07-13)");
        Http.Response beforeMeetingFr = cso.inLanguage("fr").postJson(agreement, "{\"agreedOn\":\"2015-07-12\"}");
        assertThat(beforeMeetingFr.json().get("errors").get("agreedOn").asText())
                .contains("'Jour de l'accord de votre partie' est le 2015-07-12, avant la réunion de suivi du tour");
        Http.Response notADay = cso.postJson(agreement, "{\"agreedOn\":\"July\"}");
        assertThat(notADay.status()).as(notADay.toString()).isEqualTo(400);
        assertThat(notADay.body()).contains("agreedOn");
        assertThat(version(cso, cycle, 1).get("csoAgreedBy").isNull()).as("nothing recorded").isTrue();

        Http.Response agreed = cso.postJson(agreement, "{\"agreedOn\":\"2015-07-14\"}");
        assertThat(agreed.status()).as(agreed.toString()).isEqualTo(200);
        assertThat(agreed.json().get("csoAgreedOn").asText()).as("the day stated on the page").isEqualTo("2015-07-14");
        // the task's answer in the same round; the government says no on the 15th: round 2
        assertThat(answer(cso, CSO, walk.task(businessKey, UprCycleProcess.AGREE_MATRIX_CSO), "agree-matrix-cso", "yes",
                1, "2015-07-14").status()).isEqualTo(204);
        assertThat(answer(gov, GOV, walk.task(businessKey, UprCycleProcess.AGREE_MATRIX_GOVERNMENT),
                "agree-matrix-government", "no", 1, "2015-07-15").status()).isEqualTo(204);
        assertThat(walk.complete(walk.task(businessKey, UprCycleProcess.RECORD_FOLLOW_UP_MEETING),
                Map.of("followUpMeetingDate", "2015-09-17")).status()).isEqualTo(204);
        assertThat(answer(cso, CSO, walk.task(businessKey, UprCycleProcess.AGREE_MATRIX_CSO), "agree-matrix-cso", "yes",
                1, "2015-09-17").status()).isEqualTo(204);
        assertThat(answer(gov, GOV, walk.task(businessKey, UprCycleProcess.AGREE_MATRIX_GOVERNMENT),
                "agree-matrix-government", "yes", 1, "2015-09-18").status()).isEqualTo(204);
        assertThat(version(cso, cycle, 1).get("finalisedOn").asText()).isEqualTo("2015-09-18");

        JsonNode report = cso.get("/api/countries/" + COUNTRY + "/cycles/" + cycle + "/report").json();
        assertThat(report.get("matrix").get("answers").toString()).as("each round's answers with their days")
                .contains("{\"round\":1,\"side\":\"CSO\",\"version\":1,\"agrees\":true,\"statedOn\":\"2015-07-14\"}",
                        "{\"round\":1,\"side\":\"GOVERNMENT\",\"version\":1,\"agrees\":false,\"statedOn\":\"2015-07-15\"}",
                        "{\"round\":2,\"side\":\"CSO\",\"version\":1,\"agrees\":true,\"statedOn\":\"2015-09-17\"}",
                        "{\"round\":2,\"side\":\"GOVERNMENT\",\"version\":1,\"agrees\":true,\"statedOn\":\"2015-09-18\"}");
        List<String> csoDays = new ArrayList<>();
        List<String> govDays = new ArrayList<>();
        for (JsonNode step : report.get("timeline").get("happened")) {
            String activity = step.get("activityId").asText();
            if (activity.equals(UprCycleProcess.AGREE_MATRIX_CSO)) {
                csoDays.add(step.get("startedOn").asText() + "/" + step.get("endedOn").asText());
            } else if (activity.equals(UprCycleProcess.AGREE_MATRIX_GOVERNMENT)) {
                govDays.add(step.get("startedOn").asText() + "/" + step.get("endedOn").asText());
            }
        }
        assertThat(csoDays).as("the timeline dates every round").containsExactly("2015-07-14/2015-07-14",
                "2015-09-17/2015-09-17");
        assertThat(govDays).containsExactly("2015-07-15/2015-07-15", "2015-09-18/2015-09-18");
    }

    /** The matrix page's agreement in headless Chromium: the day field, a refusal next to it, the day kept. */
    @Test
    void theMatrixPageAsksForTheDayTheSideAgreed() {
        int cycle = 4;
        String businessKey = open(cycle);
        new CycleWalk(world.admin()).until(businessKey, UprCycleProcess.AGREE_MATRIX_CSO);

        try (Browser browser = Browser.open()) {
            WebDriver page = browser.driver();
            browser.logInToPages(http.baseUrl(), CSO, World.PASSWORD,
                    "/register/?country=" + COUNTRY + "&cycle=" + cycle + "&view=matrix");
            WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(30));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("agree-form")));
            WebElement day = page.findElement(By.id("agreed-on"));
            assertThat(day.getAttribute("value")).as("today by default").isEqualTo(LocalDate.now().toString());
            assertThat(page.findElement(By.cssSelector("label[for=agreed-on]")).getText()).isEqualTo("Day your side agreed");

            stateTheDay(browser, "agreed-on", "2015-07-12");
            page.findElement(By.id("agree")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agreed-on-error"),
                    "is 2015-07-12, before the follow-up meeting of the round (2015-07-13)"));
            assertThat(day.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(version(world.as(CSO), cycle, 1).get("csoAgreedBy").isNull()).as("nothing recorded").isTrue();

            stateTheDay(browser, "agreed-on", "2015-07-14");
            page.findElement(By.id("agree")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("version-status"),
                    "CSOs agreed: " + CSO + ", 2015-07-14"));
            browser.screenshot("matrix-agreed-on-a-stated-day");
        }
        JsonNode agreed = version(world.as(CSO), cycle, 1);
        assertThat(agreed.get("csoAgreedOn").asText()).as("the day stated on the page").isEqualTo("2015-07-14");
    }

    /**
     * The programme manager finalises a version agreed outside the platform on the matrix page, on the
     * day she states (a Kenyan cycle of this class, recorded as opened: finalising needs no task).
     */
    @Test
    void theMatrixPageFinalisesOnTheDayTheSidesAgreed() {
        int cycle = 20;
        world.ensureCycle("KE", cycle);
        Http.Response row = world.as(World.KE_CSO).postJson(matrix("KE", cycle) + "/entries", """
                {"themeCluster":"Justice","status":"NOT_STARTED","recommendationIds":[]}""");
        assertThat(row.status()).as(row.toString()).isEqualTo(201);

        try (Browser browser = Browser.open()) {
            WebDriver page = browser.driver();
            browser.logInToPages(http.baseUrl(), World.KE_MANAGER, World.PASSWORD,
                    "/register/?country=KE&cycle=" + cycle + "&view=matrix");
            WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(30));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("finalise-form")));
            assertThat(page.findElement(By.id("finalised-on")).getAttribute("value")).isEqualTo(LocalDate.now().toString());

            String tomorrow = LocalDate.now().plusDays(1).toString();
            stateTheDay(browser, "finalised-on", tomorrow);
            page.findElement(By.id("finalise")).click();
            wait.until(ExpectedConditions.alertIsPresent()).accept();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("finalised-on-error"),
                    "The matrix cannot be final on " + tomorrow + ", after today"));

            stateTheDay(browser, "finalised-on", "2015-09-17");
            page.findElement(By.id("finalise")).click();
            wait.until(ExpectedConditions.alertIsPresent()).accept();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("version-status"),
                    "finalised by " + World.KE_MANAGER + ", 2015-09-17"));
        }
        JsonNode finalised = version(world.as(World.KE_CSO), "KE", cycle, 1);
        assertThat(finalised.get("status").asText()).isEqualTo("FINAL");
        assertThat(finalised.get("finalisedOn").asText()).as("the day stated on the page").isEqualTo("2015-09-17");
    }

    /** Sets the date field {@code id} to {@code day} (its value is yyyy-MM-dd in every locale; typed keys follow the browser's). */
    private static void stateTheDay(Browser browser, String id, String day) {
        browser.script("const input = document.getElementById(arguments[0]); input.value = arguments[1];"
                + " input.dispatchEvent(new Event('input', {bubbles: true}));", id, day);
    }

    private String open(int cycle) {
        Http.Response opened = world.as(MANAGER).postJson("/api/countries/" + COUNTRY + "/cycles",
                "{\"cycleNumber\":" + cycle + ",\"wgSession\":40,\"reviewDate\":\"" + LocalDate.now().plusMonths(8) + "\"}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.json().get("businessKey").asText();
    }

    private static JsonNode version(Http.Caller caller, int cycle, int number) {
        return version(caller, COUNTRY, cycle, number);
    }

    private static JsonNode version(Http.Caller caller, String country, int cycle, int number) {
        return caller.get(matrix(country, cycle) + "/versions/" + number).json().get("version");
    }

    private static Http.Response answer(Http.Caller caller, String user, String taskId, String form, String answer,
            long version) {
        return answer(caller, user, taskId, form, answer, version, null);
    }

    /** A side's answer in its task, on {@code day} as the side states it (null: the form's default day). */
    private static Http.Response answer(Http.Caller caller, String user, String taskId, String form, String answer,
            long version, String day) {
        caller.postJson("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}");
        Map<String, Object> values = new HashMap<>(TaskForms.validInput(form));
        values.put(form.equals("agree-matrix-cso") ? UprCycleProcess.CSO_AGREES_MATRIX
                : UprCycleProcess.GOVERNMENT_AGREES_MATRIX, answer);
        values.put(form.equals("agree-matrix-cso") ? UprCycleProcess.CSO_MATRIX_VERSION
                : UprCycleProcess.GOVERNMENT_MATRIX_VERSION, version);
        if (day != null) {
            values.put(form.equals("agree-matrix-cso") ? UprCycleProcess.CSO_AGREED_ON
                    : UprCycleProcess.GOVERNMENT_AGREED_ON, day);
        }
        return caller.postJson("/engine-rest/task/" + taskId + "/complete", TaskForms.engineRestVariables(values));
    }
}
