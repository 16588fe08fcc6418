package org.uprflow.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.uprflow.testing.CycleWalk;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/**
 * A cycle that began before the platform, entered truthfully: Kenya's second cycle (review on
 * 21 January 2015) entered today at the follow-up meeting, with its earlier phases and meetings on
 * the days they happened. Cycle number 7 here, because KenyaCycleIT runs KE-2 itself from the start.
 */
class CycleBeforePlatformIT extends PostgresIntegrationTest {

    static final String ORGANISERS = "UPR Info with the Kenya National Commission on Human Rights and the Kenya "
            + "Human Rights Commission, supported by OHCHR's Nairobi office";
    static final String AGREED = "To meet again in September to finalise the matrix";
    private static final String KENYA = "/api/countries/KE/cycles";
    private static final DateTimeFormatter ENGINE_REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    /** The seed's history: the CSO workshop on the plan (March 2015) came before the adoption (June 2015). */
    static final String KENYA_ENTERED_AT_THE_FOLLOW_UP_MEETING = """
            {"cycleNumber":7,"wgSession":21,"reviewDate":"2015-01-21","phase":"MATRIX_AGREEMENT",
             "stepsDone":[
              {"phase":"PRE_SESSION","doneOn":"2014-12-15","note":"Pre-session in Geneva",
               "documents":["https://www.upr-info.org/en/review/kenya"]},
              {"phase":"REVIEW_AND_POSITIONS","doneOn":"2015-06-25","note":"Outcome adopted; 192 supported, 61 noted"},
              {"phase":"IMPLEMENTATION_PLAN","doneOn":"2015-03-20","note":"CSO workshop in Nairobi"},
              {"phase":"COORDINATION_MEETING","doneOn":"2015-07-14"}],
             "meetingsHeld":[
              {"kind":"PRE_SESSION","heldOn":"2014-12-15","place":"Geneva","organisers":"UPR Info"},
              {"kind":"IMPLEMENTATION_PLAN_WORKSHOP","heldOn":"2015-03-20","place":"Nairobi","csoAttendance":40},
              {"kind":"COORDINATION_CSO_WORKSHOP","heldOn":"2015-07-13","place":"Nairobi","organisers":"%1$s",
               "csoAttendance":50},
              {"kind":"GOVERNMENT_TRAINING","heldOn":"2015-07-13","place":"Nairobi","organisers":"%1$s",
               "governmentAttendance":16},
              {"kind":"COORDINATION_DIALOGUE","heldOn":"2015-07-14","place":"Nairobi","organisers":"%1$s",
               "csoAttendance":50,"governmentAttendance":16,"nhriAttendance":3,"agreed":"%2$s",
               "documents":["https://www.upr-info.org/en/news/kenya-coordination-meeting"]}]}
            """.formatted(ORGANISERS, AGREED);

    @Test
    void kenyasSecondCycleEnteredLateStartsAtTheFollowUpMeetingWithNothingOverdueAndItsStatedDates() throws IOException {
        Http.Response opened = world.as(World.KE_MANAGER).postJson(KENYA, KENYA_ENTERED_AT_THE_FOLLOW_UP_MEETING);

        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(opened.json().get("openedAtPhase").asText()).isEqualTo("MATRIX_AGREEMENT");
        assertThat(LocalDate.parse(opened.json().get("calendarFrom").asText()))
                .as("the calendar still ahead counts from after the opening").isAfter(LocalDate.of(2015, 1, 21));
        String instance = opened.json().get("processInstanceId").asText();
        Http.Caller admin = world.admin();

        JsonNode tasks = new CycleWalk(admin).openTasks("KE-7");
        assertThat(tasks.findValuesAsText("taskDefinitionKey")).containsExactly(UprCycleProcess.RECORD_FOLLOW_UP_MEETING);
        assertThat(OffsetDateTime.parse(tasks.get(0).get("due").asText(), ENGINE_REST_DATE).toLocalDate())
                .isAfter(LocalDate.now().plusDays(10));
        JsonNode jobs = admin.get("/engine-rest/job?processInstanceId=" + instance).json();
        assertThat(jobs).as("the overdue timer is there").isNotEmpty();
        jobs.forEach(job -> assertThat(OffsetDateTime.parse(job.get("dueDate").asText(), ENGINE_REST_DATE))
                .as("no timer falls due at the opening: %s", job).isAfter(OffsetDateTime.now().plusDays(10)));
        assertThat(admin.get("/engine-rest/process-instance/count?processDefinitionKey=overdue-task-follow-up"
                + "&businessKey=KE-7").json().get("count").asInt()).as("no overdue follow-up").isZero();
        assertThat(admin.get("/engine-rest/history/activity-instance/count?processInstanceId=" + instance
                + "&activityId=" + UprCycleProcess.PRE_SESSION).json().get("count").asInt())
                .as("the phases done before the platform do not run again").isZero();
        assertThat(LocalDateTime.parse(admin.get("/engine-rest/process-instance/" + instance + "/variables/"
                + UprCycleProcess.Due.MONITORING_ENDS).json().get("value").asText()))
                .as("monitoring lies ahead, not skipped by the 2017 date").isAfter(LocalDateTime.now().plusYears(1));

        JsonNode meetings = world.as(World.KE_CSO).get(KENYA + "/7/meetings").json();
        assertThat(meetings.findValuesAsText("heldOn")).containsExactly("2014-12-15", "2015-03-20", "2015-07-13",
                "2015-07-13", "2015-07-14");
        JsonNode dialogue = meetings.get(4);
        assertThat(dialogue.get("kind").asText()).isEqualTo("COORDINATION_DIALOGUE");
        assertThat(dialogue.get("organisers").asText()).isEqualTo(ORGANISERS);
        assertThat(dialogue.get("agreed").asText()).isEqualTo(AGREED);
        assertThat(dialogue.get("nhriAttendance").asInt()).isEqualTo(3);
        assertThat(dialogue.get("documents").get(0).asText()).startsWith("https://www.upr-info.org/");
        assertThat(dialogue.get("taskId").isNull()).as("held before the platform, no task behind it").isTrue();

        JsonNode country = world.as(World.KE_MANAGER).get("/api/dashboard/countries/KE?cycle=7").json();
        Map<String, JsonNode> timeline = new java.util.HashMap<>();
        country.get("timeline").forEach(step -> timeline.put(step.get("phase").asText(), step));
        assertThat(timeline.get("PRE_SESSION").get("ended").asText()).isEqualTo("2014-12-15");
        assertThat(timeline.get("IMPLEMENTATION_PLAN").get("ended").asText()).isEqualTo("2015-03-20");
        assertThat(timeline.get("REVIEW_AND_POSITIONS").get("ended").asText()).isEqualTo("2015-06-25");
        assertThat(timeline.get("COORDINATION_MEETING").get("state").asText()).isEqualTo("DONE");
        assertThat(timeline.get("COORDINATION_MEETING").get("beforePlatform").asBoolean()).isTrue();
        assertThat(timeline.get("MATRIX_AGREEMENT").get("state").asText()).isEqualTo("CURRENT");
        assertThat(timeline.get("MATRIX_AGREEMENT").get("beforePlatform").asBoolean()).isFalse();
        assertThat(country.get("phase").asText()).isEqualTo("MATRIX_AGREEMENT");
        assertThat(country.get("meetings").findValuesAsText("organisers")).contains(ORGANISERS);

        JsonNode report = world.as(World.KE_MANAGER).get(KENYA + "/7/report").json();
        assertThat(report.get("meetings").findValuesAsText("heldOn")).contains("2015-07-14");
        assertThat(report.get("meetings").findValuesAsText("agreed")).contains(AGREED);
        String pdf = text(world.as(World.KE_MANAGER).getBytes(KENYA + "/7/report.pdf"));
        assertThat(pdf.replaceAll("\\s+", " ")).contains("July 14, 2015").contains("Organised by UPR Info with the Kenya")
                .contains(AGREED);

        // the follow-up meeting of September 2015, recorded now on the day it was held
        CycleWalk walk = new CycleWalk(admin);
        assertThat(walk.complete(walk.task("KE-7", UprCycleProcess.RECORD_FOLLOW_UP_MEETING),
                Map.of("followUpMeetingDate", "2015-09-17", "followUpMeetingAgreed", "The matrix, final")).status())
                .isEqualTo(204);
        JsonNode followUp = world.as(World.KE_CSO).get(KENYA + "/7/meetings").json().get(5);
        assertThat(followUp.get("kind").asText()).isEqualTo("FOLLOW_UP_MEETING");
        assertThat(followUp.get("heldOn").asText()).isEqualTo("2015-09-17");
        assertThat(followUp.get("agreed").asText()).isEqualTo("The matrix, final");
        assertThat(world.as(World.MW_CSO).get(KENYA + "/7/meetings").status()).as("Malawi asks for Kenya's").isEqualTo(404);
    }

    @Test
    void anOpeningWhosePhaseAndDatesContradictEachOtherIs400NamingTheFieldAndStartsNothing() {
        Http.Caller manager = world.as(World.KE_MANAGER);
        String today = LocalDate.now().toString();
        String tomorrow = LocalDate.now().plusDays(1).toString();
        String past = "\"cycleNumber\":6,\"wgSession\":21,\"reviewDate\":\"2015-01-21\"";

        assertField(manager.postJson(KENYA, "{\"cycleNumber\":6,\"wgSession\":21,\"reviewDate\":\""
                + LocalDate.now().plusYears(1) + "\",\"phase\":\"IMPLEMENTATION_MONITORING\"}"), "phase");
        assertField(manager.postJson(KENYA, "{" + past + ",\"phase\":\"NOWHERE\"}"), "phase");
        assertField(manager.postJson(KENYA, "{" + past + ",\"phase\":\"IMPLEMENTATION_MONITORING\","
                + "\"knownDates\":{\"monitoringEnds\":\"2017-04-21\"}}"), "knownDates.monitoringEnds");
        Map<String, String> steps = Map.of(
                "{'phase':'PRE_SESSION','doneOn':'" + tomorrow + "'}", "stepsDone[0].doneOn",
                "{'phase':'COORDINATION_MEETING','doneOn':'2015-07-14'}", "stepsDone[0].phase",
                "{'phase':'IMPLEMENTATION_PLAN','doneOn':'2014-12-01'}", "stepsDone[0].doneOn",
                "{'phase':'PRE_SESSION','doneOn':'2015-03-01'}", "stepsDone[0].doneOn",
                "{'phase':'PRE_SESSION','doneOn':'2014-12-15','documents':['javascript:alert(1)']}",
                "stepsDone[0].documents[0]",
                "{'phase':'PRE_SESSION','doneOn':'2014-12-15'},{'phase':'PRE_SESSION','doneOn':'" + today + "'}",
                "stepsDone[1].phase");
        steps.forEach((step, field) -> assertField(manager.postJson(KENYA,
                late("COORDINATION_MEETING", "stepsDone", step)), field));
        Map<String, String> meetings = Map.of(
                "{'kind':'TEA_PARTY','heldOn':'2015-03-20'}", "meetingsHeld[0].kind",
                "{'kind':'COORDINATION_DIALOGUE','heldOn':'2015-07-14'}", "meetingsHeld[0].kind",
                "{'kind':'IMPLEMENTATION_PLAN_WORKSHOP','heldOn':'2014-11-20'}", "meetingsHeld[0].heldOn",
                "{'kind':'PRE_SESSION','heldOn':'" + tomorrow + "'}", "meetingsHeld[0].heldOn",
                "{'kind':'PRE_SESSION','heldOn':'2014-12-15','csoAttendance':-5}", "meetingsHeld[0].csoAttendance");
        meetings.forEach((meeting, field) -> assertField(manager.postJson(KENYA,
                late("COORDINATION_MEETING", "meetingsHeld", meeting)), field));

        assertThat(world.admin().get("/engine-rest/process-instance/count?businessKey=KE-6").json().get("count").asInt())
                .as("nothing started").isZero();
        assertThat(manager.get(KENYA).json().findValuesAsText("businessKey")).doesNotContain("KE-6");
        assertThat(manager.get(KENYA + "/6/meetings").status()).as("nothing written: the cycle was never opened").isEqualTo(404);
    }

    @Test
    void theRefusalSpeaksTheCallersLanguageAndOnlyTheCountrysManagersEnterACycle() {
        Http.Response inFrench = http.as(World.KE_MANAGER, World.PASSWORD, "fr").postJson(KENYA,
                "{\"cycleNumber\":6,\"wgSession\":21,\"reviewDate\":\"" + LocalDate.now().plusYears(1)
                        + "\",\"phase\":\"MATRIX_AGREEMENT\"}");
        assertField(inFrench, "phase");
        assertThat(inFrench.json().get("errors").get("phase").asText()).contains("examen").contains("pré-session");

        assertThat(world.as(World.KE_CSO).postJson(KENYA, KENYA_ENTERED_AT_THE_FOLLOW_UP_MEETING.replace(
                "\"cycleNumber\":7", "\"cycleNumber\":6")).status()).isEqualTo(403);
        assertThat(world.as(World.KE_MANAGER).postJson("/api/countries/MW/cycles", KENYA_ENTERED_AT_THE_FOLLOW_UP_MEETING
                .replace("\"cycleNumber\":7", "\"cycleNumber\":6")).status()).isEqualTo(404);
        assertThat(world.admin().get("/engine-rest/process-instance/count?businessKey=KE-6").json().get("count").asInt())
                .isZero();
        assertThat(world.admin().get("/engine-rest/process-instance/count?businessKey=MW-6").json().get("count").asInt())
                .isZero();
    }

    /** Kenya's cycle 6 with the review of 2015, opened at {@code phase} with steps or meetings (JSON in single quotes). */
    private static String late(String phase, String list, String items) {
        return "{\"cycleNumber\":6,\"wgSession\":21,\"reviewDate\":\"2015-01-21\",\"phase\":\"" + phase + "\",\""
                + list + "\":[" + items.replace('\'', '"') + "]}";
    }

    private static void assertField(Http.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").has(field)).as(field + " in " + response).isTrue();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
