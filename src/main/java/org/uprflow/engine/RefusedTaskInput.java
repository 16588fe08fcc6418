package org.uprflow.engine;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A completion that sends what the task's form does not hold (a name that is not one of its
 * fields, a value of another type): refused before anything is written. A
 * {@link BadUserRequestException}, so that every JAX-RS application of Camunda (engine-rest and
 * the webapps' own engine API behind Tasklist) answers 400 with the message on its own.
 */
class RefusedTaskInput extends BadUserRequestException implements RejectedInput {

    private final transient List<String> problems;

    RefusedTaskInput(List<String> problems) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
