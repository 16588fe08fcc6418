package org.uprflow.engine;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A user's attempt to set or remove variables of a task, an execution or a process instance
 * outside a task's form: the platform owns them. An {@link AuthorizationException}, so Camunda's
 * REST APIs answer 403 with the message.
 */
class RefusedVariableWrite extends AuthorizationException {

    RefusedVariableWrite(String message) {
        super(message);
    }
}
