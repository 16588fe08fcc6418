package org.uprflow.matrix;

import java.time.LocalDate;

/**
 * A side's answer in a round of the follow-up meeting ({@code side}: CSO or GOVERNMENT): whether it
 * agreed to version {@code version}, on the day it states. Kept per round, so that a round that
 * ended without agreement keeps its days too.
 */
public record MatrixAnswer(int round, String side, int version, boolean agrees, LocalDate statedOn) {
}
