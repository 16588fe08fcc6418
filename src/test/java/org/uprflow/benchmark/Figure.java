package org.uprflow.benchmark;

/**
 * One row of the results table: a case, the channel it went through, the number of concurrent
 * users, and what was measured. Latencies in milliseconds; {@code NaN} where a row has none.
 */
record Figure(String benchmarkCase, String channel, int users, long operations, double seconds,
        double opsPerSecond, double medianMs, double p95Ms, String note) {

    Figure withNote(String more) {
        return new Figure(benchmarkCase, channel, users, operations, seconds, opsPerSecond, medianMs, p95Ms,
                note == null || note.isEmpty() ? more : note + "; " + more);
    }

    /** A single value (a start-up time, a heap size) rather than a timed load. */
    static Figure value(String benchmarkCase, String channel, String note) {
        return new Figure(benchmarkCase, channel, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, note);
    }
}
