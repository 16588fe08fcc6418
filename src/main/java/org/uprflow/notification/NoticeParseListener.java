package org.uprflow.notification;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;
import org.uprflow.cycle.UprCycleProcess;

/**
 * Adds the notices to every process the engine parses, so that no BPMN file has to name them:
 * a task listener on each user task (created, assigned) and an end listener on each phase of the
 * cycle. Runs in the engine's transaction: the event's row ({@link NoticeEvents}) commits or rolls
 * back with it; who is told is worked out after the commit.
 */
class NoticeParseListener extends AbstractBpmnParseListener {

    /** The phases of {@code upr-cycle} whose end the programme managers hear of. */
    private static final Set<String> PHASES = Set.of(UprCycleProcess.PRE_SESSION, UprCycleProcess.REVIEW_AND_POSITIONS,
            UprCycleProcess.COORDINATION_MEETING, UprCycleProcess.IMPLEMENTATION_MONITORING, UprCycleProcess.MID_TERM_REPORT);

    /** Looked up at the first event: the plugin that registers this listener is made before the beans it needs. */
    private final ObjectProvider<NoticeEvents> events;
    private final ObjectProvider<NotificationSwitch> notificationSwitch;

    private final TaskListener created = this::created;
    private final TaskListener assigned = this::assigned;
    private final ExecutionListener phaseEnded = this::phaseEnded;

    NoticeParseListener(ObjectProvider<NoticeEvents> events, ObjectProvider<NotificationSwitch> notificationSwitch) {
        this.events = events;
        this.notificationSwitch = notificationSwitch;
    }

    private boolean on() {
        return notificationSwitch.getObject().enabled();
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.addTaskListener(TaskListener.EVENTNAME_CREATE, created);
        definition.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, assigned);
    }

    @Override
    public void parseCallActivity(Element callActivityElement, ScopeImpl scope, ActivityImpl activity) {
        addPhaseListener(activity);
    }

    @Override
    public void parseSubProcess(Element subProcessElement, ScopeImpl scope, ActivityImpl activity) {
        addPhaseListener(activity);
    }

    private void addPhaseListener(ActivityImpl activity) {
        if (PHASES.contains(activity.getId())) {
            activity.addListener(ExecutionListener.EVENTNAME_END, phaseEnded);
        }
    }

    private void created(DelegateTask task) {
        if (task.getTenantId() != null && on()) {
            events.getObject().taskCreated(event(task));
        }
    }

    private void assigned(DelegateTask task) {
        if (task.getTenantId() != null && on()) {
            Authentication caller = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            events.getObject().taskAssigned(event(task), caller == null ? null : caller.getUserId());
        }
    }

    private void phaseEnded(DelegateExecution execution) {
        // The monitoring sub-process ends by its interrupting mid-term timer, which the engine counts as a
        // cancellation; any other phase cancelled (a cycle deleted) has not been completed.
        boolean completed = !execution.isCanceled() || UprCycleProcess.IMPLEMENTATION_MONITORING.equals(execution.getCurrentActivityId());
        if (completed && execution.getTenantId() != null && on()) {
            events.getObject().phaseCompleted(execution.getTenantId(), execution.getProcessBusinessKey(),
                    execution.getCurrentActivityId());
        }
    }

    private static TaskEvent event(DelegateTask task) {
        List<String> groups = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).toList();
        return new TaskEvent(task.getTenantId(), task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey(),
                task.getId(), task.getTaskDefinitionKey(), task.getName(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), groups, task.getAssignee());
    }
}
