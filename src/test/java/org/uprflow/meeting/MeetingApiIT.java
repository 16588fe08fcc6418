package org.uprflow.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.uprflow.cycle.CoordinationMeetingProcess;
import org.uprflow.cycle.UprCycleProcess;
import org.uprflow.testing.CycleWalk;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/**
 * Meetings are recorded as their tasks complete, through the engine's own REST API, and read by the
 * country's people only. Kenya's ninth cycle is this test's alone.
 */
class MeetingApiIT extends PostgresIntegrationTest {

    private static final String MEETINGS = "/api/countries/KE/cycles/9/meetings";

    @Test
    void recordsEachMeetingWithItsAttendanceAndShowsItToTheCountryAlone() {
        CycleWalk walk = new CycleWalk(world.admin());
        LocalDate review = LocalDate.now().plusMonths(8);
        Http.Response opened = world.as(World.KE_MANAGER).postJson("/api/countries/KE/cycles",
                "{\"cycleNumber\":9,\"wgSession\":60,\"reviewDate\":\"" + review + "\"}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);

        walk.until("KE-9", CoordinationMeetingProcess.RECORD_DIALOGUE);
        String dialogue = walk.task("KE-9", CoordinationMeetingProcess.RECORD_DIALOGUE);
        Http.Response refused = walk.complete(dialogue, Map.of("dialogueCsoAttendance", -3L));
        assertThat(refused.status()).as("negative attendance: %s", refused).isEqualTo(400);
        assertThat(world.as(World.KE_CSO).get(MEETINGS).json().findValuesAsText("kind"))
                .as("a refused completion records nothing").doesNotContain("COORDINATION_DIALOGUE");
        assertThat(walk.complete(dialogue, Map.of("dialogueCsoAttendance", 48L, "dialogueGovernmentAttendance", 17L,
                "dialogueNhriAttendance", 2L))
                .status()).isEqualTo(204);
        walk.until("KE-9", UprCycleProcess.AGREE_MATRIX_CSO);

        JsonNode meetings = world.as(World.KE_CSO).get(MEETINGS).json();
        assertThat(meetings.findValuesAsText("kind")).containsExactlyInAnyOrder("PRE_SESSION",
                "IMPLEMENTATION_PLAN_WORKSHOP", "COORDINATION_CSO_WORKSHOP", "GOVERNMENT_TRAINING", "COORDINATION_DIALOGUE",
                "FOLLOW_UP_MEETING");
        JsonNode held = ofKind(meetings, "COORDINATION_DIALOGUE");
        assertThat(held.get("countryCode").asText()).isEqualTo("KE");
        assertThat(held.get("cycleNumber").asInt()).isEqualTo(9);
        assertThat(held.get("csoAttendance").asInt()).isEqualTo(48);
        assertThat(held.get("governmentAttendance").asInt()).isEqualTo(17);
        assertThat(held.get("nhriAttendance").asInt()).as("the NHRI, counted at the dialogue").isEqualTo(2);
        assertThat(held.get("recordedBy").asText()).isEqualTo(ADMIN);
        assertThat(held.get("heldOn").asText()).as("the day held, from the dialogue's own form").isEqualTo("2015-07-13");
        assertThat(ofKind(meetings, "FOLLOW_UP_MEETING").get("matrixRound").asInt()).as("its round").isEqualTo(1);
        assertThat(ofKind(meetings, "PRE_SESSION").get("csoAttendance").isNull()).as("the pre-session counts no side")
                .isTrue();

        assertThat(world.as(World.MW_CSO).get(MEETINGS).status()).as("Malawi asks for Kenya's").isEqualTo(404);
        assertThat(world.as(World.MW_CSO).get("/api/countries/MW/cycles/9/meetings").status())
                .as("Malawi never opened a cycle 9").isEqualTo(404);
        assertThat(http.anonymous().get(MEETINGS).status()).isEqualTo(401);
        assertThat(world.as(World.KE_CSO).get("/api/countries/XX/cycles/9/meetings").status()).isEqualTo(400);
    }

    /**
     * The coordination meeting planned a month ahead and its day-1 workshop recorded today: held
     * today, not on the planned day; a day still ahead is refused.
     */
    @Test
    void aMeetingIsHeldOnTheDayItsRecorderStatesNeverOnThePlannedDayOrAhead() {
        CycleWalk walk = new CycleWalk(world.admin());
        Http.Response opened = world.as(World.KE_MANAGER).postJson("/api/countries/KE/cycles",
                "{\"cycleNumber\":8,\"wgSession\":61,\"reviewDate\":\"" + LocalDate.now().plusMonths(8) + "\"}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        walk.until("KE-8", CoordinationMeetingProcess.PLAN_COORDINATION_MEETING);
        LocalDate planned = LocalDate.now().plusMonths(1);
        assertThat(walk.complete(walk.task("KE-8", CoordinationMeetingProcess.PLAN_COORDINATION_MEETING), Map.of(
                CoordinationMeetingProcess.FIRST_DAY, planned.toString(),
                CoordinationMeetingProcess.SECOND_DAY, planned.plusDays(1).toString())).status()).isEqualTo(204);
        String workshop = walk.task("KE-8", CoordinationMeetingProcess.HOLD_CSO_FOLLOW_UP_WORKSHOP);

        Http.Response ahead = walk.complete(workshop, Map.of("csoFollowUpWorkshopHeldOn",
                LocalDate.now().plusDays(1).toString()));
        assertThat(ahead.status()).as("held tomorrow: %s", ahead).isEqualTo(400);
        assertThat(ahead.body()).contains("after today");
        assertThat(walk.complete(workshop, Map.of("csoFollowUpWorkshopHeldOn", LocalDate.now().toString())).status())
                .isEqualTo(204);

        JsonNode held = ofKind(world.as(World.KE_CSO).get("/api/countries/KE/cycles/8/meetings").json(),
                "COORDINATION_CSO_WORKSHOP");
        assertThat(held.get("heldOn").asText()).as("today, not the planned %s", planned)
                .isEqualTo(LocalDate.now().toString());
    }

    private static JsonNode ofKind(JsonNode meetings, String kind) {
        for (JsonNode meeting : meetings) {
            if (meeting.get("kind").asText().equals(kind)) {
                return meeting;
            }
        }
        throw new AssertionError("no " + kind + " in " + meetings);
    }
}
