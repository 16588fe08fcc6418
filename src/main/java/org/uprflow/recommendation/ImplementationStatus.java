package org.uprflow.recommendation;

/** How far the implementation of a matrix row (and its recommendations) has come. */
public enum ImplementationStatus {
    FULLY_IMPLEMENTED,
    PARTIALLY_IMPLEMENTED,
    IN_PROCESS,
    LITTLE_OR_NO_ACTION,
    NOT_STARTED
}
