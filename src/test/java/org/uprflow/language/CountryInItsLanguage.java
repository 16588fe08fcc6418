package org.uprflow.language;

import static org.assertj.core.api.Assertions.assertThat;

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
        Http.Response onboarded = world.admin().postJson("/api/countries",
                "{\"code\":\"" + code + "\",\"language\":\"" + language + "\"}");
        assertThat(onboarded.status()).as(onboarded.toString()).isIn(201, 409);
        Http.Response added = world.admin().postJson("/api/countries/" + code + "/participants", """
                {"userId":"%s","role":"CSO","firstName":"%s","lastName":"%s","email":"%s@example.org","password":"%s"}
                """.formatted(cso, firstName, lastName, cso, World.PASSWORD));
        assertThat(added.status()).as(added.toString()).isIn(201, 409);
        Http.Response opened = world.admin().postJson("/api/countries/" + code + "/cycles",
                "{\"cycleNumber\":1,\"wgSession\":50,\"reviewDate\":\"" + LocalDate.now().plusMonths(9) + "\"}");
        assertThat(opened.status()).as(opened.toString()).isIn(201, 409);
        return world.admin().get("/engine-rest/task?processInstanceBusinessKey=" + code + "-1&taskDefinitionKey="
                + STAKEHOLDER_REPORT).json().get(0).get("id").asText();
    }
}
