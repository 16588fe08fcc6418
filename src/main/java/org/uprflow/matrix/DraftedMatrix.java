package org.uprflow.matrix;

/** The latest version of a cycle's matrix in figures: its number, its rows, the rows that name indicators. */
record DraftedMatrix(int version, long rows, long rowsWithIndicators) {
}
