package org.uprflow.engine;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Every user task is named with the business key of its process instance, "Update the
 * implementation plan and indicators (KE-4)": with two cycles of a country open at once, Tasklist
 * (which lists a task's name and its process's name, nothing else) would otherwise show two
 * identical tasks. The business key is the platform's (given when a cycle is opened, copied to
 * its phases and follow-ups), never a variable a user could write. Added as a built-in listener
 * of every user task when the engine parses a process, so no process model has to declare it and
 * a modification that skips custom listeners still names its tasks.
 */
final class TaskNamesShowTheirCycle extends AbstractProcessEnginePlugin implements TaskListener {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
                            TaskNamesShowTheirCycle.this);
                }
            }
        });
    }

    @Override
    public void notify(DelegateTask task) {
        String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        if (businessKey != null && task.getName() != null) {
            task.setName(named(task.getName(), businessKey));
        }
    }

    /** The name with the cycle once, whatever the model's name already says. */
    static String named(String name, String businessKey) {
        String suffix = " (" + businessKey + ")";
        return name.endsWith(suffix) ? name : name + suffix;
    }
}
