package org.uprflow.task;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;
import org.uprflow.engine.EngineAuthentication;
import org.uprflow.shared.CountryCode;

/**
 * Reads tasks with the engine identity of the current request, so the engine filters by the
 * caller's countries (tenant check) and task authorizations.
 */
@Component
class TaskInbox {

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final EngineAuthentication engineAuthentication;

    TaskInbox(TaskService taskService, RuntimeService runtimeService, EngineAuthentication engineAuthentication) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.engineAuthentication = engineAuthentication;
    }

    /** A page of the caller's open tasks, of one country when {@code country} is given. */
    List<OpenTask> openTasks(CountryCode country, int first, int max) {
        TaskQuery query = taskService.createTaskQuery().active();
        if (country != null) {
            query.tenantIdIn(country.value());
        }
        List<Task> tasks = query.orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(first, max);
        Map<String, String> cycles = cyclesOf(tasks);
        return tasks.stream().map(task -> toOpenTask(task, cycles.get(task.getProcessInstanceId()))).toList();
    }

    /** How many open tasks the caller may see, in every country of theirs. */
    long countOpenTasks() {
        return taskService.createTaskQuery().active().count();
    }

    /**
     * The business key of each task's process instance, in one query. Read as the platform: a
     * participant may see a task without having read access to its process instance, and the
     * instances are only those of tasks the engine has just let the caller see.
     */
    private Map<String, String> cyclesOf(List<Task> tasks) {
        Set<String> instances = tasks.stream().map(Task::getProcessInstanceId).filter(id -> id != null)
                .collect(Collectors.toSet());
        if (instances.isEmpty()) {
            return Map.of();
        }
        return engineAuthentication.asPlatform(() -> runtimeService.createProcessInstanceQuery()
                .processInstanceIds(instances).list()).stream()
                .filter(instance -> instance.getBusinessKey() != null)
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
    }

    private static OpenTask toOpenTask(Task task, String cycle) {
        return new OpenTask(task.getId(), task.getName(),
                task.getTenantId() == null ? null : task.getTenantId().toUpperCase(Locale.ROOT), cycle,
                task.getProcessInstanceId(), task.getAssignee(), utc(task.getCreateTime()), utc(task.getDueDate()));
    }

    private static OffsetDateTime utc(Date date) {
        return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
    }
}
