package org.uprflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.uprflow.cycle.ReviewAndPositionsProcess;
import org.uprflow.cycle.UprCycleProcess;

/**
 * Walks a cycle forward over {@code /engine-rest} as the admin: completes its open tasks, oldest
 * first, with values their forms accept (and the register and matrix data the tasks about them
 * need), until a given task is open. For tests that need a cycle standing at some phase with its
 * history behind it.
 */
public final class CycleWalk {

    private static final int MAX_STEPS = 60;

    private final Http.Caller admin;

    public CycleWalk(Http.Caller admin) {
        this.admin = admin;
    }

    /** Completes tasks of the cycle {@code businessKey} until one with key {@code stopAt} is open; their keys in order. */
    public List<String> until(String businessKey, String stopAt) {
        List<String> done = new ArrayList<>();
        for (int step = 0; step < MAX_STEPS; step++) {
            JsonNode open = openTasks(businessKey);
            assertThat(open).as("open tasks of %s before %s", businessKey, stopAt).isNotEmpty();
            if (open.findValuesAsText("taskDefinitionKey").contains(stopAt)) {
                return done;
            }
            JsonNode next = open.get(0);
            provideDataFor(businessKey, next.get("taskDefinitionKey").asText());
            Http.Response completed = complete(next.get("id").asText(), Map.of());
            assertThat(completed.status()).as("completing %s: %s", next.get("taskDefinitionKey"), completed).isEqualTo(204);
            done.add(next.get("taskDefinitionKey").asText());
        }
        throw new AssertionError(businessKey + " never reached " + stopAt);
    }

    /**
     * The tasks about the register and the matrix complete only when their data is there: if the
     * cycle has none yet, one recommendation with a position before the register task, one matrix
     * row before the CSO workshop's, as the country's people would enter them on the pages.
     */
    private void provideDataFor(String businessKey, String taskKey) {
        String country = businessKey.substring(0, businessKey.indexOf('-'));
        int cycle = Integer.parseInt(businessKey.substring(businessKey.indexOf('-') + 1));
        String base = "/api/countries/" + country + "/cycles/" + cycle;
        if (taskKey.equals(ReviewAndPositionsProcess.REGISTER_RECOMMENDATIONS)
                && admin.get(RegisterFixture.recommendations(country, cycle)).json().get("total").asInt() == 0) {
            Http.Response imported = RegisterFixture.importFile(admin, country, cycle, RegisterFixture.utf8(
                    RegisterFixture.HEADER + "Ratify the Optional Protocol to the Convention against Torture,Denmark,"
                            + country + ",Supported,Torture,5\n"));
            assertThat(imported.status()).as("register of %s: %s", businessKey, imported).isEqualTo(201);
        }
        if (taskKey.equals(UprCycleProcess.DRAFT_IMPLEMENTATION_PLAN)
                && admin.get(base + "/matrix/versions").json().isEmpty()) {
            Http.Response added = admin.postJson(base + "/matrix/entries", """
                    {"themeCluster":"Torture","goal":"No torture in custody","actions":"Training of police commanders",
                     "indicators":"Officers trained","responsibleInstitution":"Police","timeline":"2026-2028",
                     "status":"NOT_STARTED","recommendationNumbers":[1]}""");
            assertThat(added.status()).as("matrix of %s: %s", businessKey, added).isEqualTo(201);
        }
    }

    public JsonNode openTasks(String businessKey) {
        return admin.get("/engine-rest/task?processInstanceBusinessKey=" + businessKey + "&sortBy=created&sortOrder=asc")
                .json();
    }

    /** The open task with this key in the cycle. */
    public String task(String businessKey, String taskKey) {
        for (JsonNode task : openTasks(businessKey)) {
            if (task.get("taskDefinitionKey").asText().equals(taskKey)) {
                return task.get("id").asText();
            }
        }
        throw new AssertionError("no open " + taskKey + " in " + businessKey);
    }

    /** Completes the task with values its form accepts, changed by {@code overrides}. */
    public Http.Response complete(String taskId, Map<String, Object> overrides) {
        String form = admin.get("/engine-rest/task/" + taskId + "/form").json().path("camundaFormRef").path("key").asText();
        Map<String, Object> values = TaskForms.validInput(form);
        values.putAll(overrides);
        return admin.postJson("/engine-rest/task/" + taskId + "/complete", TaskForms.engineRestVariables(values));
    }
}
