package org.uprflow.engine;

/**
 * Marks an exception that refuses what a caller sent because the platform's data has moved on
 * since the caller looked (agreeing to a matrix version that is no longer the latest): wherever it
 * surfaces in the engine, {@code /engine-rest} answers 409 with its message, not 500.
 */
public interface ConflictingInput {
}
