package org.uprflow.country;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.uprflow.testing.Http;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/**
 * A country onboarded before filters named their role (issue 12) keeps its role filters as they were written:
 * their stored name is English and nothing in them says which role they are for. The step of every start
 * ({@link CountryProvisioning#nameTheRolesOfEarlierFilters()}) gives them their role, read from the group they are
 * granted to, and Tasklist then names them in the user's language like any other. On PostgreSQL, with the role
 * filters of Gabon (working in French) written back the old way through the engine's REST API.
 */
class EarlierFiltersIT extends PostgresIntegrationTest {

    private static final String CSO = "ga.cso";
    private static final String GOVERNMENT = "ga.gov";

    @Autowired
    private CountryProvisioning provisioning;

    @Test
    void roleFiltersWrittenBeforeTheLanguageWorkAreNamedInTheUsersLanguageAfterTheStep() {
        onboardGabon();
        List<String> oldWay = writeTheRoleFiltersTheOldWay();
        assertThat(oldWay).as("Gabon's three role filters").hasSize(3);
        assertThat(roleFilterNames(CSO)).as("before the step: the name as written").containsExactly("Gabon · CSO tasks");

        provisioning.nameTheRolesOfEarlierFilters();
        provisioning.nameTheRolesOfEarlierFilters(); // a second start finds nothing to do

        assertThat(roleFilterNames(CSO)).containsExactly("Gabon · tâches OSC");
        assertThat(roleFilterNames(GOVERNMENT)).containsExactly("Gabon · tâches Gouvernement");
        assertThat(world.as(CSO, "es").get("/engine-rest/filter?resourceType=Task").json().findValuesAsText("name"))
                .as("the browser's language, the person having chosen none").contains("Gabón · tareas de OSC");
        JsonNode stored = world.admin().get("/engine-rest/filter/" + oldWay.get(0)).json();
        assertThat(stored.path("name").asText()).as("the stored name stays as written").contains("tasks");
        assertThat(stored.path("properties").path("uprflowRole").asText()).startsWith("country.role.");
        for (String id : oldWay) {
            assertThat(world.admin().get("/engine-rest/filter/" + id).json().path("properties").path("uprflowView")
                    .asText()).isEqualTo("role-tasks");
        }
    }

    private void onboardGabon() {
        World.onboard(world.admin(), "GA", "fr").expect("onboarding GA", 201, 409);
        for (String[] member : new String[][] {{CSO, "CSO"}, {GOVERNMENT, "GOVERNMENT"}}) {
            World.addParticipant(world.admin(), "GA", World.Person.of(member[0], member[1], "Old", "Filters"))
                    .expect("adding " + member[0], 201, 409);
        }
    }

    /** Gabon's role filters as onboarding wrote them before issue 12: no uprflowRole, the English name. */
    private List<String> writeTheRoleFiltersTheOldWay() {
        List<String> ids = new ArrayList<>();
        for (JsonNode filter : world.admin().get("/engine-rest/filter?resourceType=Task").json()) {
            JsonNode properties = filter.path("properties");
            if ("ga".equals(properties.path("uprflowCountry").asText())
                    && "role-tasks".equals(properties.path("uprflowView").asText())) {
                ObjectNode old = filter.deepCopy();
                ((ObjectNode) old.path("properties")).remove("uprflowRole");
                Http.Response written = world.admin().putJson("/engine-rest/filter/" + filter.path("id").asText(),
                        old.toString(), null);
                assertThat(written.status()).as(written.toString()).isEqualTo(204);
                ids.add(filter.path("id").asText());
            }
        }
        return ids;
    }

    /** The names of the caller's role filters, as Tasklist lists them, in the country's language. */
    private List<String> roleFilterNames(String user) {
        List<String> names = new ArrayList<>();
        for (JsonNode filter : world.as(user).get("/engine-rest/filter?resourceType=Task").json()) {
            if ("role-tasks".equals(filter.path("properties").path("uprflowView").asText())) {
                names.add(filter.path("name").asText());
            }
        }
        return names;
    }
}
