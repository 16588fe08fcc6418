package org.uprflow.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;
import org.uprflow.cycle.Cycle;
import org.uprflow.cycle.CycleLauncher;
import org.uprflow.cycle.OpenCycle;
import org.uprflow.cycle.TaskInputRules;
import org.uprflow.security.PlatformUser;
import org.uprflow.shared.CountryCode;

/**
 * Opens a demo country's cycle and does, with demo values, the tasks that lie before the phase the
 * country should be in, so that whoever logs in finds real work waiting. Runs in the caller's
 * transaction: the overdue timers of the tasks done here never reach the job executor.
 */
@Component
class DemoCycles {

    private static final int MAX_TASKS = 60;

    private final CycleLauncher launcher;
    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final TaskInputRules forms;

    DemoCycles(CycleLauncher launcher, TaskService taskService, RepositoryService repositoryService,
            TaskInputRules forms) {
        this.launcher = launcher;
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.forms = forms;
    }

    /**
     * Opens the cycle and completes tasks until {@code waitingAt} (a user task id) is open. Before
     * each task, {@code beforeTask} gets its id to put in place the data the task is about (the
     * register before the register task, the matrix before the CSO workshop's), as the country's
     * people would have on the pages.
     */
    void openAndAdvance(CountryCode country, int cycleNumber, int wgSession, LocalDate review, String waitingAt,
            PlatformUser by, Consumer<String> beforeTask) {
        Cycle cycle = launcher.open(country, new OpenCycle(cycleNumber, wgSession, review, null), by);
        DemoTaskInput input = new DemoTaskInput(country.displayName(Locale.ENGLISH), review);
        for (int done = 0; done < MAX_TASKS; done++) {
            List<Task> open = taskService.createTaskQuery().processInstanceBusinessKey(cycle.businessKey())
                    .tenantIdIn(country.value()).orderByTaskCreateTime().asc().list();
            if (open.isEmpty() || open.stream().anyMatch(task -> waitingAt.equals(task.getTaskDefinitionKey()))) {
                return;
            }
            Task next = open.get(0);
            beforeTask.accept(next.getTaskDefinitionKey());
            taskService.complete(next.getId(), input.forFields(forms.fieldKeys(formOf(next))));
        }
        throw new IllegalStateException("Demo cycle " + cycle.businessKey() + " never reached " + waitingAt);
    }

    private String formOf(Task task) {
        UserTask userTask = repositoryService.getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(task.getTaskDefinitionKey());
        return userTask.getCamundaFormRef();
    }
}
