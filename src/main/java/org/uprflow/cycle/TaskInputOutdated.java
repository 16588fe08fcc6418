package org.uprflow.cycle;

import org.uprflow.engine.ConflictingInput;

/**
 * A task's form names the platform's data as it was, not as it is (a matrix version that is no
 * longer the latest); the task stays open. As a {@link ConflictingInput}, {@code /engine-rest}
 * answers 409 with the message, which says what the data is now.
 */
public class TaskInputOutdated extends RuntimeException implements ConflictingInput {

    /** {@code refusal}: the whole sentence, in the caller's language ({@code task.input.refused}). */
    public TaskInputOutdated(String refusal) {
        super(refusal);
    }
}
