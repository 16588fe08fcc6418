package org.uprflow.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one operation from {@code users} threads at once until a number of operations or a time
 * limit is reached, whichever comes first, after a short unrecorded warm-up. Each thread times
 * its own calls; the figure is the median and 95th percentile over all of them, and operations
 * per second over the wall time of the measured part.
 */
final class Load {

    /**
     * One user's operation; {@code user} is 0..users-1, {@code n} numbers the calls of the run.
     * Answers false when there is no work left (a pool of tasks ran dry): that call is not counted
     * and the user stops.
     */
    @FunctionalInterface
    interface Operation {
        boolean run(int user, long n) throws Exception;
    }

    private Load() {
    }

    /** Something measured over the timed part only (after the warm-up), written into the figure's note. */
    interface Meter {
        void start();

        String stop(long operations);
    }

    private static final Meter NOTHING = new Meter() {
        @Override
        public void start() {
        }

        @Override
        public String stop(long operations) {
            return "";
        }
    };

    static Figure run(String benchmarkCase, String channel, int users, long warmUpOps, long maxOps,
            Duration maxTime, Operation operation) {
        return run(benchmarkCase, channel, users, warmUpOps, maxOps, maxTime, NOTHING, operation);
    }

    static Figure run(String benchmarkCase, String channel, int users, long warmUpOps, long maxOps,
            Duration maxTime, Meter meter, Operation operation) {
        if (warmUpOps > 0) {
            drive(users, warmUpOps, maxTime, operation, new AtomicLong());
        }
        AtomicLong sequence = new AtomicLong(warmUpOps);
        meter.start();
        long start = System.nanoTime();
        long[][] latencies = drive(users, maxOps, maxTime, operation, sequence);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Figure(benchmarkCase, channel, users, all.length, seconds, all.length / seconds,
                percentile(all, 0.50), percentile(all, 0.95), meter.stop(all.length));
    }

    /** Latencies in nanoseconds, per user. The first failure stops everybody and is rethrown. */
    private static long[][] drive(int users, long maxOps, Duration maxTime, Operation operation, AtomicLong sequence) {
        long deadline = System.nanoTime() + maxTime.toNanos();
        AtomicLong remaining = new AtomicLong(maxOps);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[][] latencies = new long[users][];
        CountDownLatch done = new CountDownLatch(users);
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            int user = u;
            Thread thread = new Thread(() -> {
                long[] mine = new long[(int) Math.min(maxOps, 1_000_000)];
                int count = 0;
                try {
                    while (failure.get() == null && System.nanoTime() < deadline && remaining.getAndDecrement() > 0) {
                        long n = sequence.getAndIncrement();
                        long t0 = System.nanoTime();
                        if (!operation.run(user, n)) {
                            break;
                        }
                        mine[count++] = System.nanoTime() - t0;
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    latencies[user] = Arrays.copyOf(mine, count);
                    done.countDown();
                }
            }, "bench-user-" + u);
            threads.add(thread);
            thread.start();
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("operation failed: " + failure.get().getMessage(), failure.get());
        }
        return latencies;
    }

    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }
}
