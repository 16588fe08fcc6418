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

    /** A ratio row: {@code compared}'s throughput divided by {@code base}'s, with their latencies' ratios in the note. */
    static Figure ratio(String benchmarkCase, String channel, int users, Figure base, Figure compared) {
        return new Figure(benchmarkCase, channel, users, 0, 0, compared.opsPerSecond() / base.opsPerSecond(), Double.NaN,
                Double.NaN, String.format(java.util.Locale.ROOT, "ops/s column = throughput ratio; median latency x%.2f, "
                        + "p95 x%.2f", compared.medianMs() / base.medianMs(), compared.p95Ms() / base.p95Ms()));
    }

    /** A single value (a start-up time, a heap size) rather than a timed load. */
    static Figure value(String benchmarkCase, String channel, String note) {
        return new Figure(benchmarkCase, channel, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, note);
    }
}
