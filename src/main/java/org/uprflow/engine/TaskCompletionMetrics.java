package org.uprflow.engine;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Counts completed user tasks per country ({@code uprflow.tasks.completed{country="ke"}}) once their
 * transaction has committed: a completion that lost an optimistic-locking race (409, retried by the
 * client) is not counted twice. The tag is the tenant id, the country code; no task name, user or
 * variable goes into a metric. Each node counts what it completed; Prometheus sums the nodes. The
 * metrics endpoint is for admins only (security.ActuatorSecurity).
 */
final class TaskCompletionMetrics extends AbstractProcessEnginePlugin {

    static final String METER = "uprflow.tasks.completed";
    private static final String NO_COUNTRY = "none";

    private final MeterRegistry registry;

    TaskCompletionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> listeners =
                configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
                        : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new CountOnComplete(this::countAfterCommit));
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private void countAfterCommit(DelegateTask task) {
        Counter counter = Counter.builder(METER).description("User tasks completed (committed), per country")
                .tag("country", task.getTenantId() == null ? NO_COUNTRY : task.getTenantId()).register(registry);
        Context.getCommandContext().getTransactionContext()
                .addTransactionListener(TransactionState.COMMITTED, committed -> counter.increment());
    }

    /** Adds the counting listener to every user task of every model, the platform's and a country's own. */
    private static final class CountOnComplete extends AbstractBpmnParseListener {
        private final TaskListener listener;

        CountOnComplete(TaskListener listener) {
            this.listener = listener;
        }

        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
            }
        }
    }
}
