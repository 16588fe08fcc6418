package org.uprflow.task;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Reads tasks with the engine identity of the current request, so the engine filters by the
 * caller's countries (tenant check) and task authorizations.
 */
@Component
class TaskInbox {

    private final TaskService taskService;

    TaskInbox(TaskService taskService) {
        this.taskService = taskService;
    }

    List<OpenTask> openTasks(int first, int max) {
        return taskService.createTaskQuery().active().orderByDueDate().asc().orderByTaskCreateTime().asc()
                .listPage(first, max).stream().map(TaskInbox::toOpenTask).toList();
    }

    private static OpenTask toOpenTask(Task task) {
        return new OpenTask(task.getId(), task.getName(),
                task.getTenantId() == null ? null : task.getTenantId().toUpperCase(Locale.ROOT),
                task.getProcessInstanceId(), task.getAssignee(), utc(task.getCreateTime()), utc(task.getDueDate()));
    }

    private static OffsetDateTime utc(Date date) {
        return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
    }
}
