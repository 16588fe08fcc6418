package org.uprflow.benchmark;

import java.util.concurrent.atomic.AtomicBoolean;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.uprflow.cycle.TaskInputRules;
import org.uprflow.cycle.ValidateTaskInputListener;

/**
 * The data checks of a task's completion on or off, for the benchmark alone: what the checks that
 * read the register, the matrix, the meetings and the report ({@code TaskCompletionCheck}s, run by
 * {@code validateTaskInputListener}) cost a completion, measured in one run. The harness adds this
 * post-processor to the platform it starts (never the production configuration, which has no such
 * switch): the engine's listener bean is wrapped by one that hands each completion to the listener
 * as the platform built it (on) or to one built with the form's rules alone (off, the constructor
 * the engine tests use). On, the completion runs the shipped code plus one call through the wrapper.
 */
final class CompletionDataChecks implements BeanPostProcessor {

    static final String LISTENER = "validateTaskInputListener";

    private final BeanFactory beans;
    private final AtomicBoolean on = new AtomicBoolean(true);
    private volatile TaskListener formRulesOnly;

    CompletionDataChecks(BeanFactory beans) {
        this.beans = beans;
    }

    void set(boolean checks) {
        if (!checks && formRulesOnly == null) {
            formRulesOnly = new ValidateTaskInputListener(beans.getBean(TaskInputRules.class));
        }
        on.set(checks);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (!LISTENER.equals(name)) {
            return bean;
        }
        TaskListener shipped = (TaskListener) bean;
        return (TaskListener) task -> (on.get() ? shipped : formRulesOnly).notify(task);
    }

    /** Whether the listener the engine calls is this harness's wrapper (else the rows would compare nothing). */
    static boolean installedIn(BeanFactory beans) {
        return !(beans.getBean(LISTENER) instanceof ValidateTaskInputListener);
    }
}
