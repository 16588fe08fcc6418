package org.uprflow.language;

import java.time.LocalDate;

import org.uprflow.testing.Http;
import org.uprflow.testing.World;

/** A country onboarded in a language, with a CSO member and the first task of its cycle 1 (idempotent). */
final class CountryInItsLanguage {

    static final String STAKEHOLDER_REPORT = "Task_SubmitStakeholderReport";

    private CountryInItsLanguage() {
    }

    /** The id of the country's "Submit the stakeholder report" task of cycle 1. */
    static String withATask(World world, String code, String language, String cso, String firstName, String lastName) {
        Http.Caller admin = world.admin();
        World.onboard(admin, code, language).expect("onboarding " + code, 201, 409);
        World.addParticipant(admin, code, World.Person.of(cso, "CSO", firstName, lastName))
                .expect("adding " + cso, 201, 409);
        World.openCycle(admin, code, 1, 50, LocalDate.now().plusMonths(9)).expect("opening " + code + "-1", 201, 409);
        return world.admin().get("/engine-rest/task?processInstanceBusinessKey=" + code + "-1&taskDefinitionKey="
                + STAKEHOLDER_REPORT).json().get(0).get("id").asText();
    }
}
