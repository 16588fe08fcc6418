package org.uprflow.cycle;

import java.util.List;

import org.uprflow.engine.RejectedInput;

/**
 * A task's form sent values its rules refuse; the task stays open. Carries the problems in the
 * users' words so that the web layer can answer 400 with them.
 *
 * <p>Camunda 7.24 wraps any exception thrown by a task listener in a
 * {@code ProcessEngineException} ("ENGINE-03051 There was an exception while invoking the
 * TaskListener"), so engine-rest alone answers 500; as a {@link RejectedInput} it is found in the
 * cause chain and answered with 400.
 */
public class TaskInputRejected extends RuntimeException implements RejectedInput {

    private final String formId;
    private final transient List<String> problems;

    /** {@code message}: the refusal as the user reads it, in her language ({@link TaskInputRules#refusal}). */
    public TaskInputRejected(String message, String formId, List<String> problems) {
        super(message);
        this.formId = formId;
        this.problems = List.copyOf(problems);
    }

    public String formId() {
        return formId;
    }

    public List<String> problems() {
        return problems;
    }
}
