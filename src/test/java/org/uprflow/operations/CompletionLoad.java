package org.uprflow.operations;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.uprflow.testing.Http;
import org.uprflow.testing.World;

/**
 * Users completing tasks through the balancer, as a client that follows the README's rules would:
 * a 409 marked retryable is sent again; an answer that never came (connection cut, 502, 503, 500
 * while the database is away) leaves the outcome unknown, so the task is tried again later, and a
 * 404 then means that the earlier attempt had committed. What the server acknowledged (204) is
 * recorded, to be compared with the database at the end.
 */
final class CompletionLoad implements AutoCloseable {

    record Task(String id, String user) {
    }

    private final Http balancer;
    private final LinkedBlockingDeque<Task> open;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    /** Tasks whose completion committed although its answer was lost (404 after an unknown outcome). */
    private final Set<String> committedUnacknowledged = ConcurrentHashMap.newKeySet();
    private final Set<String> outcomeUnknown = ConcurrentHashMap.newKeySet();
    /** Things that must not happen: a 404 for a task nobody completed, a second 204 for one task, a 4xx other than these. */
    private final List<String> anomalies = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService workers;
    private final int total;

    CompletionLoad(Http balancer, List<Task> tasks, int users) {
        this.balancer = balancer;
        this.total = tasks.size();
        this.open = new LinkedBlockingDeque<>(tasks);
        this.workers = Executors.newFixedThreadPool(users);
        for (int i = 0; i < users; i++) {
            workers.submit(this::work);
        }
    }

    private void work() {
        while (running.get() && acknowledged.size() + committedUnacknowledged.size() < total) {
            Task task;
            try {
                task = open.pollFirst(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (task == null) {
                continue;
            }
            int status;
            try {
                status = balancer.as(task.user(), World.PASSWORD).postJson("/engine-rest/task/" + task.id() + "/complete", "{}").status();
            } catch (RuntimeException connectionLost) {
                status = -1;
            }
            record(task, status);
        }
    }

    private void record(Task task, int status) {
        if (status == 204) {
            if (!acknowledged.add(task.id())) {
                anomalies.add("a second 204 for " + task.id());
            }
        } else if (status == 404) {
            if (outcomeUnknown.contains(task.id())) {
                committedUnacknowledged.add(task.id());
            } else {
                anomalies.add("404 for " + task.id() + ", which nobody had completed");
            }
        } else if (status == 409 || status == -1 || status >= 500) {
            if (status != 409) {
                outcomeUnknown.add(task.id());
            }
            open.addLast(task);
            pause();
        } else {
            anomalies.add(status + " for " + task.id());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    Set<String> acknowledged() {
        return acknowledged;
    }

    Set<String> committedUnacknowledged() {
        return committedUnacknowledged;
    }

    List<String> anomalies() {
        return anomalies;
    }

    /** Until every task is done (acknowledged or found committed), or the time is up. */
    boolean awaitAllDone(long seconds) throws InterruptedException {
        workers.shutdown();
        return workers.awaitTermination(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        running.set(false);
        workers.shutdownNow();
    }
}
