package org.uprflow.cycle;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;
import org.uprflow.engine.EngineAuthentication;
import org.uprflow.shared.CountryCode;

/**
 * Where a country's cycle stands, as the engine knows it: whether one of its tasks is open now or
 * was completed. The features ask it to refuse writes outside their phase (an agreement to the
 * matrix while no agreement task is open, a participant's position after the positions phase),
 * so that the phase is read from the engine, never from a copy of it. Each question is one query
 * on the engine's tenant and business key, whatever the caller may see in Tasklist.
 */
@Component
public class CycleSteps {

    private final TaskService tasks;
    private final HistoryService history;
    private final EngineAuthentication engine;

    CycleSteps(TaskService tasks, HistoryService history, EngineAuthentication engine) {
        this.tasks = tasks;
        this.history = history;
        this.engine = engine;
    }

    /** Whether a task with this definition key is open in the cycle (or one of its phases). */
    public boolean isOpen(CountryCode country, int cycleNumber, String taskDefinitionKey) {
        return engine.asPlatform(() -> tasks.createTaskQuery().tenantIdIn(country.value())
                .processInstanceBusinessKey(CycleLauncher.businessKey(country, cycleNumber))
                .taskDefinitionKey(taskDefinitionKey).count() > 0);
    }

    /**
     * The variables {@code names} as the open task with this definition key sees them (its own, its
     * round's, its cycle's), for a page that acts in the task's stead (the matrix page's agreement
     * reads the round and its meeting's day); empty when no such task is open. Two queries.
     */
    public Optional<Map<String, Object>> openTaskVariables(CountryCode country, int cycleNumber,
            String taskDefinitionKey, String... names) {
        return engine.asPlatform(() -> tasks.createTaskQuery().tenantIdIn(country.value())
                .processInstanceBusinessKey(CycleLauncher.businessKey(country, cycleNumber))
                .taskDefinitionKey(taskDefinitionKey).listPage(0, 1).stream().findFirst()
                .map(task -> tasks.getVariables(task.getId(), List.of(names))));
    }

    /** Whether a task with this definition key was completed in the cycle (or one of its phases). */
    public boolean isDone(CountryCode country, int cycleNumber, String taskDefinitionKey) {
        return engine.asPlatform(() -> history.createHistoricTaskInstanceQuery().tenantIdIn(country.value())
                .processInstanceBusinessKey(CycleLauncher.businessKey(country, cycleNumber))
                .taskDefinitionKey(taskDefinitionKey).finished().count() > 0);
    }
}
