package org.uprflow.notification;

import java.time.Instant;
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

    /** The country's open tasks due after {@code from} and before {@code to}, with their role groups and cycle. */
    List<TaskEvent> openTasksDue(String countryCode, Instant from, Instant to) {
        return engineAuthentication.asPlatform(() -> {
            List<Task> due = tasks.createTaskQuery().tenantIdIn(countryCode).dueAfter(Date.from(from))
                    .dueBefore(Date.from(to)).active().list();
            if (due.isEmpty()) {
                return List.of();
            }
            Set<String> instanceIds = due.stream().map(Task::getProcessInstanceId).filter(id -> id != null)
                    .collect(Collectors.toSet());
            Map<String, String> cycleKeys = instanceIds.isEmpty() ? Map.of()
                    : runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
                            .filter(instance -> instance.getBusinessKey() != null)
                            .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
            return due.stream().map(task -> new TaskEvent(countryCode, cycleKeys.get(task.getProcessInstanceId()),
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
