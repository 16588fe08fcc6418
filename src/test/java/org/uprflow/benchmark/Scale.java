package org.uprflow.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * How big a run is: {@code -Dbenchmark.scale=full} (the default, the figures of docs/benchmarks.md)
 * or {@code smoke} (tiny sizes, to check that the harness works). Every loop is bounded by the
 * operation counts and the time limit here.
 */
record Scale(String name, List<Integer> users, int warmUpOps, int maxOps, Duration maxTime,
        int inboxTasks, int inboxCountries, int inboxQueries, int cycleCountries, int importRows, int importRuns,
        Set<String> cases) {

    /** Every case; {@code -Dbenchmark.cases=inbox,footprint} runs some of them only. */
    static final String ALL_CASES = "ceiling,cycle,inbox,cluster,register,importfiles,report,slowlink,health,language,footprint";

    static Scale fromSystemProperties() {
        Scale scale = switch (System.getProperty("benchmark.scale", "full")) {
            case "smoke" -> new Scale("smoke", List.of(1, 8, 32), 3, 40, Duration.ofSeconds(5), 2_000, 193, 40, 40, 1_000, 2,
                    chosenCases());
            case "full" -> new Scale("full", List.of(1, 8, 32), 20, 3_000, Duration.ofSeconds(15), 100_000, 193, 400, 193,
                    10_000, 5, chosenCases());
            default -> throw new IllegalArgumentException("benchmark.scale is smoke or full");
        };
        String tasks = System.getProperty("benchmark.inboxTasks");
        scale = tasks == null ? scale : scale.withInboxTasks(Integer.parseInt(tasks));
        // -Dbenchmark.importRows=10000 with smoke: the import cases at full size without the full world
        String importRows = System.getProperty("benchmark.importRows");
        return importRows == null ? scale : scale.withImportRows(Integer.parseInt(importRows));
    }

    Scale withImportRows(int rows) {
        return new Scale(name, users, warmUpOps, maxOps, maxTime, inboxTasks, inboxCountries, inboxQueries,
                cycleCountries, rows, importRuns, cases);
    }

    Scale withInboxTasks(int tasks) {
        return new Scale(name, users, warmUpOps, maxOps, maxTime, tasks, inboxCountries, inboxQueries, cycleCountries,
                importRows, importRuns, cases);
    }

    private static Set<String> chosenCases() {
        return Set.of(System.getProperty("benchmark.cases", ALL_CASES).split(","));
    }

    boolean runs(String benchmarkCase) {
        return cases.contains(benchmarkCase);
    }

    int maxUsers() {
        return users.stream().mapToInt(Integer::intValue).max().orElse(1);
    }
}
