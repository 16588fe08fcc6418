package org.uprflow.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.uprflow.engine.EngineAuthentication;
import org.uprflow.security.PlatformUser;

/**
 * What the notices read from the engine: people of a group or a country, and the open tasks due
 * in a time window. Runs as the platform (no authorization check): the caller may be a CSO
 * completing a task, or a scheduler thread with no user at all.
 */
@Component
class NoticeEngineQueries {

    private final IdentityService identity;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final EngineAuthentication engineAuthentication;

    NoticeEngineQueries(IdentityService identity, TaskService tasks, RuntimeService runtime,
            EngineAuthentication engineAuthentication) {
        this.identity = identity;
        this.tasks = tasks;
        this.runtime = runtime;
        this.engineAuthentication = engineAuthentication;
    }

    List<Recipient> members(String groupId) {
        return engineAuthentication.asPlatform(() ->
                identity.createUserQuery().memberOfGroup(groupId).list().stream().map(NoticeEngineQueries::recipient).toList());
    }

    /** The programme managers who are members of the country. */
    List<Recipient> managers(String countryCode) {
        return engineAuthentication.asPlatform(() -> identity.createUserQuery()
                .memberOfGroup(PlatformUser.PROGRAMME_MANAGERS_GROUP).memberOfTenant(countryCode).list().stream()
                .map(NoticeEngineQueries::recipient).toList());
    }

    Optional<Recipient> user(String userId) {
        return engineAuthentication.asPlatform(() ->
                Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult()).map(NoticeEngineQueries::recipient));
    }

    /** A member of the country's tenant, directly (managers) or through one of its groups. */
    boolean belongsTo(String userId, String countryCode) {
        return engineAuthentication.asPlatform(() -> identity.createTenantQuery().tenantId(countryCode)
                .userMember(userId).includingGroupsOfUser(true).count() > 0);
    }

    /** An open task's due date and country, before anything else of it is read. */
    record Due(String taskId, String countryCode, Instant due) {
    }

    /** The open tasks of every country due after {@code from} and before {@code to}: one query, whatever the number of countries. */
    List<Due> tasksDue(Instant from, Instant to) {
        return engineAuthentication.asPlatform(() -> tasks.createTaskQuery().dueAfter(Date.from(from))
                .dueBefore(Date.from(to)).active().list().stream().filter(task -> task.getTenantId() != null)
                .map(task -> new Due(task.getId(), task.getTenantId(), task.getDueDate().toInstant())).toList());
    }

    /** These tasks as the notices need them: with their role groups and cycle (asked 500 at a time). */
    List<TaskEvent> describe(List<String> taskIds) {
        List<TaskEvent> described = new ArrayList<>();
        for (int from = 0; from < taskIds.size(); from += 500) {
            described.addAll(describeFew(taskIds.subList(from, Math.min(taskIds.size(), from + 500))));
        }
        return described;
    }

    private List<TaskEvent> describeFew(List<String> taskIds) {
        return engineAuthentication.asPlatform(() -> {
            List<Task> found = tasks.createTaskQuery().taskIdIn(taskIds.toArray(String[]::new)).list();
            Set<String> instanceIds = found.stream().map(Task::getProcessInstanceId).filter(id -> id != null)
                    .collect(Collectors.toSet());
            Map<String, String> cycleKeys = instanceIds.isEmpty() ? Map.of()
                    : runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
                            .filter(instance -> instance.getBusinessKey() != null)
                            .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
            return found.stream().map(task -> new TaskEvent(task.getTenantId(), cycleKeys.get(task.getProcessInstanceId()),
                    task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getDueDate().toInstant(),
                    candidateGroups(tasks.getIdentityLinksForTask(task.getId())), task.getAssignee())).toList();
        });
    }

    private static List<String> candidateGroups(List<IdentityLink> links) {
        return links.stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    private static Recipient recipient(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return new Recipient(user.getId(), name.isEmpty() ? user.getId() : name, user.getEmail());
    }

}
