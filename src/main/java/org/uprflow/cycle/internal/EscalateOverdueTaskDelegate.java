package org.uprflow.cycle.internal;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Component;
import org.uprflow.cycle.CycleCalendar;
import org.uprflow.cycle.UprCycleProcess;

/**
 * Behind every "Programme manager asked to follow up" end event: finds the task whose overdue
 * timer led here (the end event's incoming flow comes from a boundary event attached to it) and
 * starts an {@code overdue-task-follow-up} instance for the programme managers. The overdue task
 * stays open with its owners.
 */
@Component("escalateOverdueTaskDelegate")
public class EscalateOverdueTaskDelegate implements JavaDelegate {

    private final CycleCalendar calendar;

    public EscalateOverdueTaskDelegate(CycleCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FlowNode endEvent = (FlowNode) execution.getBpmnModelElementInstance();
        BoundaryEvent timer = (BoundaryEvent) endEvent.getIncoming().iterator().next().getSource();
        String overdueKey = timer.getAttachedTo().getId();

        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        Task overdue = tasks.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(overdueKey)
                .list().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No open task " + overdueKey + " in " + execution.getProcessInstanceId()));

        LocalDateTime now = LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
        Map<String, Object> variables = new HashMap<>();
        // The follow-up belongs to the overdue task's country: its instance's tenant, never a variable.
        variables.put(UprCycleProcess.COUNTRY_CODE, execution.getTenantId());
        variables.put(OverdueTaskFollowUpProcess.OVERDUE_TASK_NAME, overdue.getName());
        variables.put(OverdueTaskFollowUpProcess.OVERDUE_TASK_KEY, overdueKey);
        variables.put(OverdueTaskFollowUpProcess.OVERDUE_TASK_ID, overdue.getId());
        variables.put(OverdueTaskFollowUpProcess.OVERDUE_TASK_DUE, overdue.getDueDate() == null ? null
                : CycleCalendar.iso(LocalDateTime.ofInstant(overdue.getDueDate().toInstant(), ZoneId.systemDefault())));
        variables.put(OverdueTaskFollowUpProcess.OVERDUE_TASK_GROUPS, candidateGroups(tasks.getIdentityLinksForTask(overdue.getId())));
        variables.put(OverdueTaskFollowUpProcess.OVERDUE_PROCESS_INSTANCE_ID, execution.getProcessInstanceId());
        variables.put(OverdueTaskFollowUpProcess.FOLLOW_UP_DUE, CycleCalendar.iso(calendar.overdueFollowUpDue(now)));

        execution.getProcessEngineServices().getRuntimeService()
                .createProcessInstanceByKey(OverdueTaskFollowUpProcess.KEY)
                .businessKey(execution.getProcessBusinessKey())
                .setVariables(variables)
                .execute();
    }

    private static String candidateGroups(List<IdentityLink> links) {
        return links.stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .collect(Collectors.joining(", "));
    }
}
