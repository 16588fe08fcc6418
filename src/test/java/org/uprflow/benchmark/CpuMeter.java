package org.uprflow.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.OptionalLong;
import java.util.stream.Stream;

import javax.sql.DataSource;

/**
 * The CPU time this JVM (platform and harness) and the PostgreSQL server of the run (its
 * postmaster and every process it started) have used, from {@code /proc}: what an operation costs
 * each side, which wall-clock rates on a shared machine cannot tell. PostgreSQL's share is
 * unknown (NaN) when the server is not a local process. With {@link #withMailRelay}, the mail
 * relay's JVM ({@link MailRelay}) is counted apart too.
 */
final class CpuMeter {

    private static final double NANOS_PER_TICK = 1e9 / 100; // USER_HZ is 100 on Linux

    private final long postmaster;
    private final long mailRelay;

    private CpuMeter(long postmaster, long mailRelay) {
        this.postmaster = postmaster;
        this.mailRelay = mailRelay;
    }

    /** The same meter, also counting the mail relay's process. */
    CpuMeter withMailRelay(long pid) {
        return new CpuMeter(postmaster, pid);
    }

    /**
     * JVM CPU time by thread ({@code /proc/self/task}, thread names as Linux has them: 15 characters);
     * the mail relay's is NaN when there is none.
     */
    record Sample(long jvmNanos, double postgresNanos, Map<String, Long> threadTicks, Map<String, String> threadNames,
            double mailRelayNanos) {

        /** The origin of {@link #sum}'s totals. */
        static final Sample NONE = new Sample(0, 0, Map.of(), Map.of(), 0);
    }

    /** Several spans (before, after) added up, as one span from {@link Sample#NONE}: CPU spent in pieces. */
    static Sample sum(List<Sample[]> spans) {
        long jvm = 0;
        double postgres = 0;
        double relay = 0;
        Map<String, Long> ticks = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Sample[] span : spans) {
            jvm += span[1].jvmNanos() - span[0].jvmNanos();
            postgres += span[1].postgresNanos() - span[0].postgresNanos();
            relay += span[1].mailRelayNanos() - span[0].mailRelayNanos();
            span[1].threadTicks().forEach((id, after) -> {
                ticks.merge(id, after - span[0].threadTicks().getOrDefault(id, 0L), Long::sum);
                names.put(id, span[1].threadNames().get(id));
            });
        }
        return new Sample(jvm, postgres, ticks, names, relay);
    }

    /** Thread kinds of the JVM, by the start of their Linux name; the first match wins. */
    private static final Map<String, String> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("http-nio-", "requests");
        KINDS.put("bench-user-", "harness users");
        KINDS.put("HttpClient-", "harness HTTP client");
        KINDS.put("C1 CompilerThre", "JIT");
        KINDS.put("C2 CompilerThre", "JIT");
        KINDS.put("GC Thread", "GC");
        KINDS.put("G1 ", "GC");
        KINDS.put("camunda", "job executor");
        KINDS.put("notification-di", "notice dispatch");
        KINDS.put("scheduling-", "scheduler");
    }

    static CpuMeter of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select pg_backend_pid()")) {
            rows.next();
            return new CpuMeter(parentOf(rows.getLong(1)).orElse(-1), -1);
        } catch (SQLException e) {
            return new CpuMeter(-1, -1);
        }
    }

    Sample sample() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        Map<String, Long> ticks = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                String[] stat = stat(task.resolve("stat"));
                String name = comm(task);
                if (stat != null && name != null) {
                    String id = task.getFileName().toString();
                    ticks.put(id, Long.parseLong(stat[11]) + Long.parseLong(stat[12]));
                    names.put(id, name);
                }
            });
        } catch (IOException e) {
            // no per-thread split, only the totals
        }
        String[] relay = mailRelay < 0 ? null : stat(Path.of("/proc", Long.toString(mailRelay), "stat"));
        return new Sample(jvm, postmaster < 0 ? Double.NaN : postgresTicks() * NANOS_PER_TICK, ticks, names,
                relay == null ? Double.NaN : (Long.parseLong(relay[11]) + Long.parseLong(relay[12])) * NANOS_PER_TICK);
    }

    static String kind(String threadName) {
        return KINDS.entrySet().stream().filter(k -> threadName.startsWith(k.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("other");
    }

    private static String comm(Path task) {
        try {
            return Files.readString(task.resolve("comm")).trim();
        } catch (IOException e) {
            return null;
        }
    }

    /** A meter for {@link Load}: the CPU per operation of the timed part. */
    Load.Meter meter() {
        return new Load.Meter() {
            private Sample before;

            @Override
            public void start() {
                before = sample();
            }

            @Override
            public String stop(long operations) {
                return perOperation(before, sample(), operations);
            }
        };
    }

    /** "CPU per op: JVM x ms, PostgreSQL y ms" between two samples. */
    static String perOperation(Sample before, Sample after, long operations) {
        if (operations == 0) {
            return "";
        }
        Map<String, Long> byKind = new TreeMap<>();
        after.threadTicks().forEach((id, ticks) -> byKind.merge(kind(after.threadNames().get(id)),
                ticks - before.threadTicks().getOrDefault(id, 0L), Long::sum));
        StringBuilder split = new StringBuilder();
        byKind.forEach((kind, ticks) -> {
            if (ticks > 0) {
                split.append(split.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %.1f", kind,
                        ticks * NANOS_PER_TICK / 1e6 / operations));
            }
        });
        double relay = (after.mailRelayNanos() - before.mailRelayNanos()) / 1e6 / operations;
        return String.format(Locale.ROOT, "CPU per op: JVM %.1f ms (%s), PostgreSQL %.1f ms",
                (after.jvmNanos() - before.jvmNanos()) / 1e6 / operations, split,
                (after.postgresNanos() - before.postgresNanos()) / 1e6 / operations)
                + (Double.isNaN(relay) ? "" : String.format(Locale.ROOT, ", mail relay %.1f ms", relay));
    }

    private long postgresTicks() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(p -> {
                        String[] stat = stat(p.resolve("stat"));
                        if (stat == null) {
                            return 0;
                        }
                        long pid = Long.parseLong(p.getFileName().toString());
                        boolean ours = pid == postmaster || Long.parseLong(stat[1]) == postmaster;
                        return ours ? Long.parseLong(stat[11]) + Long.parseLong(stat[12]) : 0;
                    }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** CPU ticks (1/100 s) another process has used, user and system; 0 when it is gone. */
    static long processTicks(long pid) {
        String[] stat = stat(Path.of("/proc", Long.toString(pid), "stat"));
        return stat == null ? 0 : Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
    }

    private static OptionalLong parentOf(long pid) {
        String[] stat = stat(Path.of("/proc", Long.toString(pid), "stat"));
        return stat == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(stat[1]));
    }

    /** The fields of /proc/<pid>/stat after the command name: [0] state, [1] ppid, [11] utime, [12] stime. */
    static String[] stat(Path file) {
        try {
            String line = Files.readString(file);
            return line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        } catch (IOException | RuntimeException e) {
            return null; // gone in between, or not ours to read
        }
    }
}
