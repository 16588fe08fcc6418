package org.uprflow.meeting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;
import org.uprflow.cycle.ValidateTaskInputListener;

/**
 * On the completion of a task that records a meeting (after {@code validateTaskInputListener} has
 * accepted its values): writes the meeting to the {@link MeetingLog}. Attached in the BPMN to the
 * tasks whose form {@link MeetingKind} names; ProcessModelRulesTest keeps the two in step.
 */
@Component("recordMeetingListener")
public class RecordMeetingListener implements TaskListener {

    private final MeetingLog meetings;

    public RecordMeetingListener(MeetingLog meetings) {
        this.meetings = meetings;
    }

    @Override
    public void notify(DelegateTask task) {
        String formId = ((UserTask) task.getBpmnModelElementInstance()).getCamundaFormRef();
        MeetingKind kind = MeetingKind.recordedBy(formId).orElseThrow(() -> new IllegalStateException(
                "Task " + task.getTaskDefinitionKey() + " records a meeting, but its form " + formId + " is no meeting's"));
        Authentication caller = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String recordedBy = caller != null ? caller.getUserId() : task.getAssignee();
        meetings.record(kind, ValidateTaskInputListener.variablesOf(task), task.getProcessInstanceId(), task.getId(), recordedBy,
                ClockUtil.getCurrentTime().toInstant());
    }
}
