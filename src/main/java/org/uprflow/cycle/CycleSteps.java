package org.uprflow.cycle;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;
import org.uprflow.country.CountryCode;
import org.uprflow.engine.EngineAuthentication;

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

    /** Whether a task with this definition key was completed in the cycle (or one of its phases). */
    public boolean isDone(CountryCode country, int cycleNumber, String taskDefinitionKey) {
        return engine.asPlatform(() -> history.createHistoricTaskInstanceQuery().tenantIdIn(country.value())
                .processInstanceBusinessKey(CycleLauncher.businessKey(country, cycleNumber))
                .taskDefinitionKey(taskDefinitionKey).finished().count() > 0);
    }
}
