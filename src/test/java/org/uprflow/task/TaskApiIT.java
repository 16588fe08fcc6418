package org.uprflow.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uprflow.testing.World.ids;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;
import org.uprflow.testing.World.Probe;

/** {@code /api/tasks}: the caller's own country's tasks, nothing else. */
class TaskApiIT extends PostgresIntegrationTest {

    @Test
    void kenyaCsoListsKenyaTasksOnly() {
        Probe kenya = world.startProbe("ke");
        Probe malawi = world.startProbe("mw");

        JsonNode tasks = world.as(World.KE_CSO).get("/api/tasks?max=200").json();

        assertThat(ids(tasks)).contains(kenya.csoTaskId()).doesNotContain(malawi.csoTaskId(), malawi.governmentTaskId());
        assertThat(tasks.findValuesAsText("countryCode")).containsOnly("KE");
    }

    @Test
    void managerOfBothSeesBoth() {
        Probe kenya = world.startProbe("ke");
        Probe malawi = world.startProbe("mw");

        assertThat(ids(world.as(World.BOTH_MANAGER).get("/api/tasks?max=200").json()))
                .contains(kenya.governmentTaskId(), malawi.governmentTaskId());
    }

    @Test
    void badPagingIs400() {
        assertThat(world.as(World.KE_CSO).get("/api/tasks?max=0").status()).isEqualTo(400);
        assertThat(world.as(World.KE_CSO).get("/api/tasks?first=abc").status()).isEqualTo(400);
    }
}
