package org.uprflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/** A problem's sentence with no argument in it reads as written: a French apostrophe is one apostrophe. */
class ProblemTextsIT extends PostgresIntegrationTest {

    @Test
    void aFrenchRefusalWithoutArgumentsHasOneApostrophe() {
        world.ensureCycle("KE", 4);
        Http.Response refused = world.speaking("fr", "KE", "ke.cso.fr", "CSO")
                .postJson("/api/countries/KE/cycles/4/recommendations/carry-over", "");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText()).as(refused.toString())
                .contains("n'êtes").doesNotContain("''");
    }
}
