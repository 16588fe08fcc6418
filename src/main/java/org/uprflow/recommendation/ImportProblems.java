package org.uprflow.recommendation;

/** How many problems an answer lists: more would bury the first ones; the total is always given. */
public final class ImportProblems {

    public static final int LISTED = 200;

    private ImportProblems() {
    }
}
