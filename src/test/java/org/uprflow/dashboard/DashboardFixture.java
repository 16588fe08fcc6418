package org.uprflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.uprflow.cycle.CoordinationMeetingProcess;
import org.uprflow.cycle.UprCycleProcess;
import org.uprflow.meeting.CycleWalk;
import org.uprflow.testing.Http;
import org.uprflow.testing.World;

/**
 * Two countries of the dashboard tests alone, made once per test JVM: Zambia's third cycle at the
 * matrix agreement (every meeting before it held, a matrix of three rows, nothing overdue) and
 * Botswana's first cycle at its pre-session with the stakeholder report overdue. Each has a
 * programme manager of its own; {@link #BOTH_MANAGER} manages both.
 */
final class DashboardFixture {

    static final String ZAMBIA_MANAGER = "zm.pm";
    static final String ZAMBIA_CSO = "zm.cso";
    static final String BOTSWANA_MANAGER = "bw.pm";
    static final String BOTH_MANAGER = "zmbw.pm";
    /** The browser test's manager, who onboards countries of its own through the page's form. */
    static final String FORMS_MANAGER = "forms.pm";
    static final int ZAMBIA_CYCLE = 3;
    static final int DIALOGUE_CSO = 40;
    static final int DIALOGUE_GOVERNMENT = 12;

    private static boolean built;

    private DashboardFixture() {
    }

    static synchronized void ensure(World world) {
        if (built) {
            return;
        }
        Http.Caller admin = world.admin();
        for (String code : new String[] {"ZM", "BW"}) {
            Http.Response onboarded = admin.postJson("/api/countries", "{\"code\":\"" + code + "\"}");
            assertThat(onboarded.status()).as("onboarding %s: %s", code, onboarded).isEqualTo(201);
        }
        participant(admin, "ZM", ZAMBIA_MANAGER, "PROGRAMME_MANAGER", true);
        participant(admin, "ZM", ZAMBIA_CSO, "CSO", true);
        participant(admin, "BW", BOTSWANA_MANAGER, "PROGRAMME_MANAGER", true);
        participant(admin, "ZM", BOTH_MANAGER, "PROGRAMME_MANAGER", true);
        participant(admin, "BW", BOTH_MANAGER, "PROGRAMME_MANAGER", false);
        participant(admin, "ZM", FORMS_MANAGER, "PROGRAMME_MANAGER", true);

        CycleWalk walk = new CycleWalk(admin);
        open(world.as(ZAMBIA_MANAGER), "ZM", ZAMBIA_CYCLE, LocalDate.now().plusMonths(8));
        walk.until("ZM-3", UprCycleProcess.DRAFT_IMPLEMENTATION_PLAN);
        Http.Caller cso = world.as(ZAMBIA_CSO);
        entry(cso, "Torture", "IN_PROCESS", "IPOA");
        entry(cso, "Torture", "FULLY_IMPLEMENTED", "National Police Service");
        entry(cso, "Justice", "NOT_STARTED", "Judiciary");
        walk.until("ZM-3", CoordinationMeetingProcess.RECORD_DIALOGUE);
        Http.Response dialogue = walk.complete(walk.task("ZM-3", CoordinationMeetingProcess.RECORD_DIALOGUE),
                Map.of("dialogueCsoAttendance", (long) DIALOGUE_CSO, "dialogueGovernmentAttendance",
                        (long) DIALOGUE_GOVERNMENT));
        assertThat(dialogue.status()).as(dialogue.toString()).isEqualTo(204);
        walk.until("ZM-3", UprCycleProcess.AGREE_MATRIX_CSO);

        // Reviewed today: the stakeholder report was due seven months ago, overdue from the start.
        open(world.as(BOTSWANA_MANAGER), "BW", 1, LocalDate.now());
        built = true;
    }

    private static void open(Http.Caller manager, String code, int number, LocalDate review) {
        Http.Response opened = manager.postJson("/api/countries/" + code + "/cycles",
                "{\"cycleNumber\":" + number + ",\"wgSession\":40,\"reviewDate\":\"" + review + "\"}");
        assertThat(opened.status()).as("opening %s-%d: %s", code, number, opened).isEqualTo(201);
    }

    private static void entry(Http.Caller cso, String cluster, String status, String institution) {
        Http.Response added = cso.postJson("/api/countries/ZM/cycles/" + ZAMBIA_CYCLE + "/matrix/entries", """
                {"themeCluster":"%s","goal":"A goal","actions":"Actions","indicators":"Indicators",
                 "responsibleInstitution":"%s","timeline":"2026-2028","status":"%s","recommendationIds":[]}"""
                .formatted(cluster, institution, status));
        assertThat(added.status()).as("matrix entry: %s", added).isEqualTo(201);
    }

    private static void participant(Http.Caller admin, String country, String userId, String role, boolean isNew) {
        String body = isNew ? """
                {"userId":"%s","role":"%s","firstName":"Test","lastName":"%s","email":"%s@example.org","password":"%s"}
                """.formatted(userId, role, userId, userId, World.PASSWORD)
                : "{\"userId\":\"" + userId + "\",\"role\":\"" + role + "\"}";
        Http.Response added = admin.postJson("/api/countries/" + country + "/participants", body);
        assertThat(added.status()).as("adding %s to %s: %s", userId, country, added).isEqualTo(201);
    }
}
