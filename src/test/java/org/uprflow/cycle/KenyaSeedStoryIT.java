package org.uprflow.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.RegisterFixture;
import org.uprflow.testing.TaskForms;
import org.uprflow.testing.World;

/**
 * The seed's story (UPR Info, "Successful first dialogue-day between CSOs and Government in
 * Kenya") entered as Kenya's people would enter it, and what the dashboard and the mid-term report
 * then say. Kenya's second cycle (review on 21 January 2015) comes to the platform after its
 * pre-session (December 2014): the programme manager opens it at the review's phase with the
 * pre-session recorded; the register, the positions and the adoption (June 2015) follow; the CSOs'
 * workshop on the implementation plan in Nairobi (March 2015) is recorded after the adoption though
 * it was held before it; the coordination meeting of 13-14 July 2015 (organised by UPR Info with
 * the KNCHR and the KHRC, supported by OHCHR's Nairobi office; 50 CSO members, over 15 government
 * representatives): day 1 the CSO workshop in parallel with the government's UPR training, day 2
 * the dialogue that agreed to meet again in September to finalise the matrix; the September 2015
 * follow-up meeting where both sides agree to the same matrix version, which is then final; the
 * mid-term report of 2017.
 *
 * <p>Cycle number 3: KE-2 is run from the start by {@link KenyaCycleIT}, KE-7 is the late-entry
 * test's, KE-4, 5, 8 and 9 belong to other tests, KE-1 and KE-6 must stay unopened, and a
 * programme manager can open 1-9 only. All tests share one database.
 *
 * <p>Figures the seed does not give are marked "not in the seed" where the forms require one; so are
 * the days of the contributions and of the publication, which the seed dates only "2017".
 *
 * <p>Every step carries the day its user states, and the dashboard and the report show those days,
 * not the day the story was typed in (docs/cycle.md, "Dates as stated"): the adoption of 25 June
 * 2015 after the workshop of March, the matrix final on 17 September 2015, the contributions and
 * the publication in 2017. Along the way the stated days a user gets wrong are refused with 400
 * naming the field, and nothing is written: a day after today, before the review or before the
 * round's follow-up meeting, a number for a day, another side's day, a publication before the
 * last contribution; another country's manager publishes nothing.
 */
class KenyaSeedStoryIT extends PostgresIntegrationTest {

    private static final int CYCLE = 3;
    private static final String KEY = "KE-" + CYCLE;
    private static final String BASE = "/api/countries/KE/cycles/" + CYCLE;
    private static final String ORGANISERS = "UPR Info with the Kenya National Commission on Human Rights and the Kenya "
            + "Human Rights Commission, supported by OHCHR's Nairobi office";
    private static final String AGREED_IN_JULY = "To meet again in September to finalise the matrix";
    private static final String AGREED_IN_SEPTEMBER = "The implementation matrix, version 1, agreed by both sides";
    /** A fresh NHRI user: World's ke.nhri is kept for the wrong-password test (KenyaCycleIT makes the same one). */
    private static final String KE_NHRI = "ke.nhri2";
    /** Malawi's programme manager, who must not publish Kenya's report. */
    private static final String MW_MANAGER = "mw.manager.seed";
    // the days of 2017 are not in the seed, which says "2017"
    private static final String GOVERNMENT_CONTRIBUTED = "2017-05-15";
    private static final String CSO_CONTRIBUTED = "2017-06-01";
    private static final String NHRI_CONTRIBUTED = "2017-06-20";
    private static final String PUBLISHED = "2017-07-20";

    private Http.Caller admin() {
        return world.admin();
    }

    @Test
    void kenyasSecondCycleAsTheSeedTellsItIsWhatTheDashboardAndTheMidTermReportShow() {
        World.addParticipant(admin(), "KE", World.Person.of(KE_NHRI, "NHRI", "Faith", "Njeri"))
                .expect("adding " + KE_NHRI, 201, 409);
        World.addParticipant(admin(), "MW", World.Person.of(MW_MANAGER, "PROGRAMME_MANAGER", "Grace", "Mwale"))
                .expect("adding " + MW_MANAGER, 201, 409);

        String instance = openAfterThePreSession();
        reviewAndPositions();
        csoWorkshopOfMarch2015();
        coordinationMeetingOf13And14July2015();
        followUpMeetingOfSeptember2015();
        monitoringUntilTheMidTermReport(instance);
        midTermContributions();

        dashboardShowsTheStory();
        midTermReportShowsTheStory();
        assertThat(admin().get("/engine-rest/process-instance/" + instance).status()).as("the cycle closed").isEqualTo(404);
        closedCycleKeepsItsStory();
    }

    /** Closed, the cycle is still on its country page with every day as stated, the publication of 2017 last. */
    private void closedCycleKeepsItsStory() {
        JsonNode country = world.as(World.KE_MANAGER).get("/api/dashboard/countries/KE?cycle=" + CYCLE).json();
        assertThat(country.get("phase").asText()).isEqualTo("CLOSED");
        assertThat(country.get("cycle").get("open").asBoolean()).isFalse();
        assertThat(country.get("meetings").findValuesAsText("heldOn"))
                .containsExactly("2014-12-15", "2015-03-20", "2015-07-13", "2015-07-13", "2015-07-14", "2015-09-17");
        Map<String, JsonNode> timeline = timeline(country);
        assertSpan(timeline, "REVIEW_AND_POSITIONS", "2015-01-21", "2015-06-25");
        assertSpan(timeline, "MATRIX_AGREEMENT", "2015-09-17", "2015-09-17");
        assertSpan(timeline, "MID_TERM_REPORT", GOVERNMENT_CONTRIBUTED, PUBLISHED);
        assertThat(timeline.get("MID_TERM_REPORT").get("state").asText()).isEqualTo("DONE");
    }

    /** The programme manager opens KE-3 at the review's phase, the pre-session of December 2014 recorded. */
    private String openAfterThePreSession() {
        Http.Response opened = world.as(World.KE_MANAGER).postJson("/api/countries/KE/cycles", """
                {"cycleNumber":%d,"wgSession":21,"reviewDate":"2015-01-21","phase":"REVIEW_AND_POSITIONS",
                 "stepsDone":[{"phase":"PRE_SESSION","doneOn":"2014-12-15","note":"Pre-sessions on Kenya",
                               "documents":["https://www.upr-info.org/en/review/kenya"]}],
                 "meetingsHeld":[{"kind":"PRE_SESSION","heldOn":"2014-12-15","place":"Geneva","organisers":"UPR Info"}]}
                """.formatted(CYCLE));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(opened.json().get("businessKey").asText()).isEqualTo(KEY);
        assertThat(opened.json().get("openedAtPhase").asText()).isEqualTo("REVIEW_AND_POSITIONS");
        assertThat(admin().get("/engine-rest/process-instance/count?processDefinitionKey=overdue-task-follow-up"
                + "&businessKey=" + KEY).json().get("count").asInt()).as("nothing overdue at the opening").isZero();
        return opened.json().get("processInstanceId").asText();
    }

    /** The manager imports the Working Group's recommendations, the government records the positions, the adoption of June 2015. */
    private void reviewAndPositions() {
        Http.Response imported = RegisterFixture.importFile(world.as(World.KE_MANAGER), "KE", CYCLE,
                RegisterFixture.utf8(RegisterFixture.HEADER
                        + "Adopt a law against gender-based violence,Côte d'Ivoire,Kenya,,Women's rights,4\n"
                        + "Ratify the Optional Protocol to the Convention against Torture,Denmark,Kenya,,Torture,5\n"
                        + "Abolish the death penalty,France,Kenya,,Death penalty,3\n"));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        complete("register-recommendations", World.KE_MANAGER,
                Map.of("workingGroupReportLink", "https://www.upr-info.org/en/review/kenya"));

        Http.Caller government = world.as(World.KE_GOV);
        String register = RegisterFixture.recommendations("KE", CYCLE);
        for (JsonNode recommendation : government.get(register + "?position=NONE").json().get("items")) {
            String position = recommendation.get("recommendingState").asText().equals("France") ? "NOTED" : "SUPPORTED";
            Http.Response recorded = government.putJson(register + "/" + recommendation.get("id").asText() + "/position",
                    "{\"position\":\"" + position + "\"}", null);
            assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        }
        complete("record-positions", World.KE_GOV, Map.of());
        refused("record-outcome-adoption", World.KE_MANAGER, Map.of("outcomeAdoptedOn", "2014-06-25", "councilSession", 29L),
                "'Date of adoption' is 2014-06-25, before the review (2015-01-21)");
        refused("record-outcome-adoption", World.KE_MANAGER,
                Map.of("outcomeAdoptedOn", LocalDate.now().plusDays(1).toString(), "councilSession", 29L),
                "'Date of adoption' is " + LocalDate.now().plusDays(1) + ", after today");
        complete("record-outcome-adoption", null, Map.of("outcomeAdoptedOn", "2015-06-25", "councilSession", 29L));
    }

    /** Held in Nairobi in March 2015, before the adoption of June 2015, recorded after it. */
    private void csoWorkshopOfMarch2015() {
        Http.Caller cso = world.as(World.KE_CSO);
        addMatrixRow(cso, """
                {"themeCluster":"Torture","goal":"No torture in custody","actions":"Ratify OPCAT; train police commanders",
                 "indicators":"OPCAT ratified; officers trained","responsibleInstitution":"Office of the Attorney General",
                 "timeline":"2015-2017","status":"IN_PROCESS","recommendationNumbers":[2]}""");
        complete("draft-implementation-plan", World.KE_CSO, Map.of("csoWorkshopDate", "2015-03-20",
                "csoWorkshopPlace", "Nairobi", "csoWorkshopOrganisers", "UPR Info",
                "csoWorkshopAttendance", 40L)); // attendance: not in the seed
    }

    private void coordinationMeetingOf13And14July2015() {
        complete("plan-coordination-meeting", World.KE_MANAGER, Map.of("coordinationMeetingFirstDay", "2015-07-13",
                "coordinationMeetingSecondDay", "2015-07-14", "coordinationMeetingPlace", "Nairobi",
                "coordinationMeetingOrganisers", ORGANISERS));
        // day 1: the CSOs update the plan and indicators of March ...
        addMatrixRow(world.as(World.KE_CSO), """
                {"themeCluster":"Women's rights","goal":"A law against gender-based violence","actions":"Draft and table the bill",
                 "indicators":"Bill tabled","responsibleInstitution":"State Department of Gender",
                 "timeline":"2015-2016","status":"NOT_STARTED","recommendationNumbers":[1]}""");
        complete("hold-cso-follow-up-workshop", World.KE_CSO,
                Map.of("csoFollowUpWorkshopHeldOn", "2015-07-13", "csoWorkshopAttendanceDayOne", 50L));
        // ... while the government's representatives are trained on the UPR
        complete("hold-government-training", World.KE_GOV, Map.of("governmentTrainingHeldOn", "2015-07-13",
                "governmentTrainingAttendance", 16L, "governmentTrainingTopics", "The UPR; preparing a dialogue with CSOs"));
        // day 2: the dialogue ("over 15" government representatives: 16; the NHRI's figure is not in the seed)
        complete("record-dialogue", null, Map.of("dialogueHeldOn", "2015-07-14", "dialogueCsoAttendance", 50L,
                "dialogueGovernmentAttendance", 16L, "dialogueNhriAttendance", 2L, "agreedNextSteps", AGREED_IN_JULY,
                "followUpMeetingPlannedFor", "2015-09-17"));
    }

    /** Both sides agree to version 1 of the matrix: it is final in the same completion. */
    private void followUpMeetingOfSeptember2015() {
        complete("record-follow-up-meeting", null, Map.of("followUpMeetingDate", "2015-09-17",
                "followUpMeetingPlace", "Nairobi", "followUpMeetingOrganisers", ORGANISERS,
                "followUpCsoAttendance", 50L, "followUpGovernmentAttendance", 16L, // not in the seed
                "followUpMeetingAgreed", AGREED_IN_SEPTEMBER));
        assertThat(world.as(World.KE_CSO).get(BASE + "/matrix/versions").json().findValuesAsText("status"))
                .as("still a draft until both sides agreed").containsExactly("DRAFT");
        String tomorrow = LocalDate.now().plusDays(1).toString();
        refused("agree-matrix-cso", World.KE_CSO, Map.of("csoMatrixVersion", 1L, "csoAgreesMatrix", "yes",
                "csoAgreedOn", tomorrow), "'Day the CSOs agreed' is " + tomorrow + ", after today");
        refused("agree-matrix-cso", World.KE_CSO, Map.of("csoMatrixVersion", 1L, "csoAgreesMatrix", "yes",
                "csoAgreedOn", "2015-09-01"), "'Day the CSOs agreed' is 2015-09-01, before the follow-up meeting of the "
                + "round (2015-09-17)");
        refused("agree-matrix-cso", World.KE_CSO, Map.of("csoMatrixVersion", 1L, "csoAgreesMatrix", "yes",
                "governmentAgreedOn", "2015-09-17"), "'governmentAgreedOn' is not a field of the form");
        JsonNode untouched = world.as(World.KE_CSO).get(BASE + "/matrix/versions").json().get(0);
        assertThat(untouched.get("csoAgreedBy").isNull()).as("no refused answer is recorded: %s", untouched).isTrue();
        assertThat(untouched.get("csoAgreedOn").isNull()).isTrue();
        complete("agree-matrix-cso", World.KE_CSO, Map.of("csoMatrixVersion", 1L, "csoAgreesMatrix", "yes",
                "csoAgreedOn", "2015-09-17"));
        assertThat(world.as(World.KE_CSO).get(BASE + "/matrix/versions").json().findValuesAsText("status"))
                .as("one side agreeing finalises nothing").containsExactly("DRAFT");
        complete("agree-matrix-government", World.KE_GOV, Map.of("governmentMatrixVersion", 1L,
                "governmentAgreesMatrix", "yes", "governmentAgreedOn", "2015-09-17"));
        JsonNode version = world.as(World.KE_GOV).get(BASE + "/matrix/versions").json().get(0);
        assertThat(version.get("status").asText()).as("both sides agreed to version 1").isEqualTo("FINAL");
        assertThat(version.get("finalisedOn").asText()).as("final at the September meeting, not today")
                .isEqualTo("2015-09-17");
        assertThat(version.get("csoAgreedOn").asText()).isEqualTo("2015-09-17");
    }

    /**
     * Monitoring runs on the re-planned calendar, months ahead; the mid-term report's timer is fired
     * here as the job executor would on its day (there is no way to state "2017" for it).
     */
    private void monitoringUntilTheMidTermReport(String instance) {
        JsonNode jobs = admin().get("/engine-rest/job?processInstanceId=" + instance + "&activityId="
                + UprCycleProcess.MID_TERM_REPORT_DUE).json();
        assertThat(jobs).as("monitoring waits for the mid-term report's timer").hasSize(1);
        assertThat(admin().postJson("/engine-rest/job/" + jobs.get(0).get("id").asText() + "/execute", "").status())
                .isEqualTo(204);
    }

    private void midTermContributions() {
        complete("contribute-government-mid-term-report", World.KE_GOV, Map.of("governmentMidTermLink",
                "https://www.upr-info.org/en/review/kenya/government-mid-term",
                "governmentMidTermSubmittedOn", GOVERNMENT_CONTRIBUTED));
        String csoLink = "https://www.upr-info.org/en/review/kenya/cso-mid-term";
        refused("contribute-cso-mid-term-report", World.KE_CSO, Map.of("csoMidTermLink", csoLink,
                "csoMidTermSubmittedOn", 20170601L), "'Day the contribution was submitted' must be a date");
        refused("contribute-cso-mid-term-report", World.KE_CSO, Map.of("csoMidTermLink", csoLink,
                "governmentMidTermSubmittedOn", CSO_CONTRIBUTED), "'governmentMidTermSubmittedOn' is not a field of the form");
        complete("contribute-cso-mid-term-report", World.KE_CSO,
                Map.of("csoMidTermLink", csoLink, "csoMidTermSubmittedOn", CSO_CONTRIBUTED));
        refused("contribute-nhri-mid-term-report", KE_NHRI, Map.of("nhriMidTermLink", "https://www.knchr.org/upr-mid-term",
                "nhriMidTermSubmittedOn", "2014-06-20"), "'Day the contribution was submitted' is 2014-06-20, before the review");
        // a contribution reports on the agreed matrix, final on 17 September 2015: not on a day before it
        Map<String, Object> beforeTheMatrix = Map.of("nhriMidTermLink", "https://www.knchr.org/upr-mid-term",
                "nhriMidTermSubmittedOn", "2015-08-01");
        refused("contribute-nhri-mid-term-report", KE_NHRI, beforeTheMatrix, "'Day the contribution was submitted' is "
                + "2015-08-01, before the day the implementation matrix was final (2015-09-17)");
        refusedInTasklist("contribute-nhri-mid-term-report", KE_NHRI, beforeTheMatrix, "fr",
                "'Jour où la contribution a été remise' est le 2015-08-01, "
                        + "avant le jour où la matrice de mise en œuvre est devenue définitive (2015-09-17)");
        complete("contribute-nhri-mid-term-report", KE_NHRI, Map.of("nhriMidTermLink",
                "https://www.knchr.org/upr-mid-term", "nhriMidTermSubmittedOn", NHRI_CONTRIBUTED));
        complete("compile-mid-term-report", World.KE_MANAGER, Map.of());
    }

    /** The country page and the overview for Kenya's manager while the report waits to be published. */
    private void dashboardShowsTheStory() {
        Http.Caller manager = world.as(World.KE_MANAGER);
        JsonNode country = manager.get("/api/dashboard/countries/KE?cycle=" + CYCLE).json();
        assertThat(country.get("cycle").get("businessKey").asText()).isEqualTo(KEY);
        assertThat(country.get("cycle").get("reviewDate").asText()).isEqualTo("2015-01-21");
        assertThat(country.get("phase").asText()).isEqualTo("MID_TERM_REPORT");
        Map<String, JsonNode> timeline = timeline(country);
        assertThat(timeline.get("PRE_SESSION").get("state").asText()).isEqualTo("DONE");
        assertThat(timeline.get("PRE_SESSION").get("ended").asText()).as("the day stated").isEqualTo("2014-12-15");
        assertThat(timeline.get("PRE_SESSION").get("beforePlatform").asBoolean()).isTrue();
        for (String phase : List.of("REVIEW_AND_POSITIONS", "IMPLEMENTATION_PLAN", "COORDINATION_MEETING",
                "MATRIX_AGREEMENT", "IMPLEMENTATION_MONITORING")) {
            assertThat(timeline.get(phase).get("state").asText()).as(phase).isEqualTo("DONE");
            assertThat(timeline.get(phase).get("beforePlatform").asBoolean()).as(phase).isFalse();
        }
        assertThat(timeline.get("MID_TERM_REPORT").get("state").asText()).isEqualTo("CURRENT");
        // the days as stated, not the day they were typed: the workshop of March before the adoption of June
        assertSpan(timeline, "REVIEW_AND_POSITIONS", "2015-01-21", "2015-06-25");
        assertSpan(timeline, "IMPLEMENTATION_PLAN", "2015-03-20", "2015-03-20");
        assertSpan(timeline, "COORDINATION_MEETING", "2015-07-13", "2015-07-14");
        assertSpan(timeline, "MATRIX_AGREEMENT", "2015-09-17", "2015-09-17");
        assertThat(timeline.get("MID_TERM_REPORT").get("started").asText()).isEqualTo(GOVERNMENT_CONTRIBUTED);
        assertThat(timeline.get("MID_TERM_REPORT").get("stated").asBoolean()).isTrue();
        assertThat(timeline.get("IMPLEMENTATION_MONITORING").get("stated").asBoolean())
                .as("nobody states a day of monitoring: the engine's days").isFalse();
        assertThat(country.get("openTasks").findValuesAsText("businessKey")).containsOnly(KEY);
        assertThat(country.get("matrix").get("overall").get("version").asInt()).isEqualTo(1);
        assertThat(country.get("matrix").get("overall").get("versionStatus").asText()).isEqualTo("FINAL");
        assertThat(country.get("matrix").get("overall").get("entries").asInt()).isEqualTo(2);

        JsonNode meetings = country.get("meetings");
        assertThat(meetings.findValuesAsText("kind")).containsExactly("PRE_SESSION", "IMPLEMENTATION_PLAN_WORKSHOP",
                "COORDINATION_CSO_WORKSHOP", "GOVERNMENT_TRAINING", "COORDINATION_DIALOGUE", "FOLLOW_UP_MEETING");
        assertThat(meetings.findValuesAsText("heldOn")).as("held on the days stated, not today")
                .containsExactly("2014-12-15", "2015-03-20", "2015-07-13", "2015-07-13", "2015-07-14", "2015-09-17");
        JsonNode dialogue = meetings.get(4);
        assertThat(dialogue.get("place").asText()).isEqualTo("Nairobi");
        assertThat(dialogue.get("organisers").asText()).isEqualTo(ORGANISERS);
        assertThat(dialogue.get("csoAttendance").asInt()).isEqualTo(50);
        assertThat(dialogue.get("governmentAttendance").asInt()).isGreaterThan(15);
        assertThat(dialogue.get("nhriAttendance").asInt()).isEqualTo(2);
        assertThat(dialogue.get("agreed").asText()).isEqualTo(AGREED_IN_JULY);
        assertThat(dialogue.get("recordedBy").asText()).isEqualTo(World.KE_MANAGER);
        assertThat(meetings.get(2).get("csoAttendance").asInt()).as("day 1, CSOs").isEqualTo(50);
        assertThat(meetings.get(2).get("governmentAttendance").isNull()).isTrue();
        assertThat(meetings.get(3).get("governmentAttendance").asInt()).as("day 1, the government's training").isEqualTo(16);
        assertThat(meetings.get(3).get("organisers").asText()).isEqualTo(ORGANISERS);
        assertThat(meetings.get(5).get("agreed").asText()).isEqualTo(AGREED_IN_SEPTEMBER);
        assertThat(meetings.get(5).get("matrixRound").asInt()).isEqualTo(1);

        JsonNode card = null;
        for (JsonNode candidate : manager.get("/api/dashboard").json().get("countries")) {
            if (candidate.path("cycle").path("businessKey").asText().equals(KEY)) {
                card = candidate;
            }
        }
        assertThat(card).as("the overview has a card for %s", KEY).isNotNull();
        assertThat(card.get("phase").asText()).isEqualTo("MID_TERM_REPORT");
        assertThat(card.get("matrix").get("versionStatus").asText()).isEqualTo("FINAL");
        assertThat(card.get("meetings").findValuesAsText("heldOn")).contains("2015-07-13", "2015-07-14", "2015-09-17");
        Map<String, JsonNode> cardTimeline = timeline(card);
        assertSpan(cardTimeline, "REVIEW_AND_POSITIONS", "2015-01-21", "2015-06-25");
        assertSpan(cardTimeline, "MATRIX_AGREEMENT", "2015-09-17", "2015-09-17");
        assertThat(card.get("tasks").get("open").asInt()).as("only the publication waits").isEqualTo(1);
        assertThat(world.as(World.MW_CSO).get("/api/dashboard/countries/KE?cycle=" + CYCLE).status())
                .as("a Malawian asks for Kenya's page").isIn(403, 404);
    }

    /** Published on the report page on the final matrix (no reason needed), then the task that records it. */
    private void midTermReportShowsTheStory() {
        Http.Caller manager = world.as(World.KE_MANAGER);
        String publication = BASE + "/report/publication";
        String tomorrow = LocalDate.now().plusDays(1).toString();
        publicationRefused(manager.postJson(publication, "{\"publishedOn\":\"" + tomorrow + "\"}"), 400,
                "The report cannot be published on " + tomorrow + ", after today");
        publicationRefused(manager.postJson(publication, "{\"publishedOn\":\"2014-06-01\"}"), 400,
                "before the review (2015-01-21)");
        publicationRefused(manager.postJson(publication, "{\"publishedOn\":\"2017-06-01\"}"), 400,
                "before the last contribution to the report (" + NHRI_CONTRIBUTED + ")");
        publicationRefused(manager.postJson(publication, "{\"publishedOn\":\"July 2017\"}"), 400, "LocalDate");
        publicationRefused(world.as(MW_MANAGER).postJson(publication, "{\"publishedOn\":\"" + PUBLISHED + "\"}"), 404,
                null);
        publicationRefused(world.as(World.KE_CSO).postJson(publication, "{\"publishedOn\":\"" + PUBLISHED + "\"}"),
                403, null);
        Http.Response published = manager.postJson(publication, "{\"publishedOn\":\"" + PUBLISHED + "\"}");
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        complete("publish-mid-term-report", World.KE_MANAGER, Map.of());

        JsonNode report = manager.get(BASE + "/report").json();
        assertThat(report.get("state").asText()).isEqualTo("PUBLISHED");
        assertThat(report.get("businessKey").asText()).isEqualTo(KEY);
        assertThat(report.get("reviewDate").asText()).isEqualTo("2015-01-21");
        assertThat(report.get("wgSession").asInt()).isEqualTo(21);
        assertThat(report.get("matrix").get("version").asInt()).as("the version both sides agreed to").isEqualTo(1);
        assertThat(report.get("matrix").get("status").asText()).isEqualTo("FINAL");
        assertThat(report.get("draftReason").isNull()).isTrue();
        assertThat(report.get("publishedOn").asText()).as("published in 2017, as stated").isEqualTo(PUBLISHED);
        assertThat(report.get("outcomeAdoptedOn").asText()).isEqualTo("2015-06-25");
        assertThat(report.get("matrix").get("finalisedOn").asText()).isEqualTo("2015-09-17");
        assertThat(report.get("contributions").findValuesAsText("submittedOn"))
                .containsExactly(GOVERNMENT_CONTRIBUTED, CSO_CONTRIBUTED, NHRI_CONTRIBUTED);
        assertThat(report.get("positions").get("supported").asInt()).isEqualTo(2);
        assertThat(report.get("positions").get("noted").asInt()).isEqualTo(1);
        assertThat(report.get("positions").get("none").asInt()).isZero();
        assertThat(report.get("entries")).hasSize(2);
        assertThat(report.get("contributions").findValuesAsText("completedBy"))
                .containsExactlyInAnyOrder(World.KE_GOV, World.KE_CSO, KE_NHRI);

        JsonNode meetings = report.get("meetings");
        assertThat(meetings.findValuesAsText("heldOn"))
                .containsExactly("2014-12-15", "2015-03-20", "2015-07-13", "2015-07-13", "2015-07-14", "2015-09-17");
        JsonNode dialogue = meetings.get(4);
        assertThat(dialogue.get("kind").asText()).isEqualTo("COORDINATION_DIALOGUE");
        assertThat(dialogue.get("place").asText()).isEqualTo("Nairobi");
        assertThat(dialogue.get("organisers").asText()).isEqualTo(ORGANISERS);
        assertThat(dialogue.get("cso").asInt()).isEqualTo(50);
        assertThat(dialogue.get("government").asInt()).isEqualTo(16);
        assertThat(dialogue.get("nhri").asInt()).isEqualTo(2);
        assertThat(dialogue.get("agreed").asText()).isEqualTo(AGREED_IN_JULY);
        assertThat(meetings.get(5).get("kind").asText()).isEqualTo("FOLLOW_UP_MEETING");
        assertThat(meetings.get(5).get("round").asInt()).isEqualTo(1);
        assertThat(meetings.get(5).get("agreed").asText()).isEqualTo(AGREED_IN_SEPTEMBER);

        List<String> happened = report.get("timeline").get("happened").findValuesAsText("activityId");
        assertThat(happened).as("the phases run on the platform").contains(UprCycleProcess.REVIEW_AND_POSITIONS,
                UprCycleProcess.DRAFT_IMPLEMENTATION_PLAN, UprCycleProcess.COORDINATION_MEETING,
                UprCycleProcess.RECORD_FOLLOW_UP_MEETING, UprCycleProcess.IMPLEMENTATION_MONITORING,
                UprCycleProcess.MID_TERM_REPORT);
        Map<String, JsonNode> steps = new HashMap<>();
        report.get("timeline").get("happened").forEach(step -> steps.putIfAbsent(step.get("activityId").asText(), step));
        JsonNode preSession = steps.get(UprCycleProcess.PRE_SESSION);
        assertThat(preSession.get("beforePlatform").asBoolean()).as("the pre-session was before the platform").isTrue();
        assertThat(preSession.get("endedOn").asText()).isEqualTo("2014-12-15");
        assertThat(happened.get(0)).as("what happened before the platform comes first").isEqualTo(UprCycleProcess.PRE_SESSION);
        assertStated(steps.get(UprCycleProcess.REVIEW_AND_POSITIONS), "2015-01-21", "2015-06-25");
        assertStated(steps.get(UprCycleProcess.DRAFT_IMPLEMENTATION_PLAN), "2015-03-20", "2015-03-20");
        assertStated(steps.get(UprCycleProcess.COORDINATION_MEETING), "2015-07-13", "2015-07-14");
        assertStated(steps.get(UprCycleProcess.RECORD_FOLLOW_UP_MEETING), "2015-09-17", "2015-09-17");
        assertStated(steps.get(UprCycleProcess.AGREE_MATRIX_CSO), "2015-09-17", "2015-09-17");
        assertStated(steps.get(UprCycleProcess.AGREE_MATRIX_GOVERNMENT), "2015-09-17", "2015-09-17");
        assertThat(steps.get(UprCycleProcess.MID_TERM_REPORT).get("startedOn").asText()).isEqualTo(GOVERNMENT_CONTRIBUTED);
        assertThat(steps.get(UprCycleProcess.IMPLEMENTATION_MONITORING).get("startedOn").isNull())
                .as("no day stated for monitoring").isTrue();

        assertThat(world.as(World.MW_CSO).get(BASE + "/report").status()).as("Malawi asks for Kenya's report").isEqualTo(404);
        assertThat(world.as(World.KE_CSO).get(BASE + "/report").json().get("meetings").findValuesAsText("heldOn"))
                .as("Kenya's CSOs read the same report").contains("2015-07-14");
        // the report's document (the page's, and the PDF's template) prints the days as stated
        Http.Response document = world.as(World.KE_CSO, "en").get(BASE + "/report.html");
        assertThat(document.status()).as(document.toString()).isEqualTo(200);
        assertThat(document.body()).contains("PUBLISHED on July 20, 2017 by " + World.KE_MANAGER,
                "outcome of the review adopted on June 25, 2015", "final since September 17, 2015",
                "Contributed on May 15, 2017 by " + World.KE_GOV, "Contributed on June 20, 2017 by " + KE_NHRI,
                "July 13, 2015 → July 14, 2015", "Pre-session (before the platform)");
    }

    private static Map<String, JsonNode> timeline(JsonNode countryOrCard) {
        Map<String, JsonNode> timeline = new HashMap<>();
        countryOrCard.get("timeline").forEach(step -> timeline.put(step.get("phase").asText(), step));
        return timeline;
    }

    private static void assertSpan(Map<String, JsonNode> timeline, String phase, String started, String ended) {
        JsonNode step = timeline.get(phase);
        assertThat(step.get("started").asText()).as("%s started, as stated: %s", phase, step).isEqualTo(started);
        assertThat(step.get("ended").asText()).as("%s ended, as stated: %s", phase, step).isEqualTo(ended);
        assertThat(step.get("stated").asBoolean()).as(phase).isTrue();
    }

    private static void assertStated(JsonNode step, String startedOn, String endedOn) {
        assertThat(step.get("startedOn").asText()).as("%s", step).isEqualTo(startedOn);
        assertThat(step.get("endedOn").asText()).as("%s", step).isEqualTo(endedOn);
    }

    /** A refused publication leaves the report a draft; {@code detail} (when given) is in the answer. */
    private void publicationRefused(Http.Response answer, int status, String detail) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        if (detail != null) {
            assertThat(answer.body()).as("names the field").contains("publishedOn").contains(detail);
        }
        assertThat(world.as(World.KE_MANAGER).get(BASE + "/report").json().get("state").asText()).isEqualTo("DRAFT");
    }

    /**
     * Completing the open task with this form is refused with 400 naming the field ({@code problem}
     * in the answer); nothing is written: the task stays open and the variables it sees are as before.
     */
    private void refused(String formId, String user, Map<String, Object> values, String problem) {
        String taskId = openTaskWithForm(formId);
        Http.Caller caller = world.as(user);
        Http.Response claimed = caller.postJson("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}");
        assertThat(claimed.status()).as("%s claims %s: %s", user, formId, claimed).isEqualTo(204);
        JsonNode before = admin().get("/engine-rest/task/" + taskId + "/variables").json();
        Http.Response answer = caller.postJson("/engine-rest/task/" + taskId + "/complete",
                TaskForms.engineRestVariables(values));
        assertThat(answer.status()).as("%s completes %s with %s: %s", user, formId, values, answer).isEqualTo(400);
        assertThat(answer.body()).contains(problem);
        assertThat(admin().get("/engine-rest/task/" + taskId).status()).as("the task stays open").isEqualTo(200);
        assertThat(admin().get("/engine-rest/task/" + taskId + "/variables").json()).as("nothing written")
                .isEqualTo(before);
    }

    private void addMatrixRow(Http.Caller cso, String row) {
        Http.Response added = cso.postJson(BASE + "/matrix/entries", row);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
    }

    /**
     * The open task of KE-3 with this form, claimed and completed over {@code /engine-rest} by
     * {@code user} (null: the programme manager, whose candidate group is global) with these fields.
     */
    /** The same refusal through Tasklist's own form submit (a 400 with the rule's words, never a 500), in {@code language}. */
    private void refusedInTasklist(String formId, String user, Map<String, Object> values, String language,
            String problem) {
        String taskId = openTaskWithForm(formId);
        JsonNode before = admin().get("/engine-rest/task/" + taskId + "/variables").json();
        Http.Response answer = http.webappLogin(user, World.PASSWORD, "tasklist").inLanguage(language).postJson(
                "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
                TaskForms.engineRestVariables(values));
        assertThat(answer.status()).as("%s submits %s in Tasklist with %s: %s", user, formId, values, answer)
                .isEqualTo(400);
        assertThat(answer.json().get("message").asText()).contains(problem);
        assertThat(admin().get("/engine-rest/task/" + taskId).status()).as("the task stays open").isEqualTo(200);
        assertThat(admin().get("/engine-rest/task/" + taskId + "/variables").json()).as("nothing written")
                .isEqualTo(before);
    }

    private void complete(String formId, String user, Map<String, Object> values) {
        String taskId = openTaskWithForm(formId);
        String worker = user == null ? World.KE_MANAGER : user;
        Http.Caller caller = world.as(worker);
        Http.Response claimed = caller.postJson("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + worker + "\"}");
        assertThat(claimed.status()).as("%s claims %s: %s", worker, formId, claimed).isEqualTo(204);
        Http.Response completed = caller.postJson("/engine-rest/task/" + taskId + "/complete",
                TaskForms.engineRestVariables(values));
        assertThat(completed.status()).as("%s completes %s: %s", worker, formId, completed).isEqualTo(204);
    }

    private String openTaskWithForm(String formId) {
        JsonNode open = admin().get("/engine-rest/task?processInstanceBusinessKey=" + KEY
                + "&sortBy=created&sortOrder=asc").json();
        for (JsonNode task : open) {
            String id = task.get("id").asText();
            if (admin().get("/engine-rest/task/" + id + "/form").json().path("camundaFormRef").path("key").asText()
                    .equals(formId)) {
                return id;
            }
        }
        throw new AssertionError("no open task with form " + formId + " in " + KEY + ": "
                + open.findValuesAsText("name") + " (today " + LocalDate.now() + ")");
    }
}
