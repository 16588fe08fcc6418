package org.uprflow.dashboard;

/**
 * Where a phase of a cycle's timeline stands on the dashboard; the names are what the API and the
 * page's styles ({@code .timeline li.CURRENT}) read.
 */
enum PhaseState {
    /** Ran and ended, or done before the platform. */
    DONE,
    /** Something of it runs. */
    CURRENT,
    /** The phase after the last one that ran, in a cycle still open. */
    NEXT,
    /** After that, or never reached in a closed cycle. */
    LATER
}
