package org.uprflow.engine;

/**
 * Marks an exception that refuses what a caller sent (a form value, a start variable): wherever
 * it surfaces in the engine, {@code /engine-rest} answers 400 with its message, not 500.
 */
public interface RejectedInput {
}
