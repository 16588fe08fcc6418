package org.uprflow.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code uprflow.notification.*}: where the links in the mails point, and how the dispatcher
 * claims, retries, gives up and keeps its pace ({@link DispatchPace}). The mail server itself is Spring's {@code spring.mail.*}.
 */
@ConfigurationProperties("uprflow.notification")
record NotificationProperties(
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("noreply@uprflow.local") String from,
        @DefaultValue("7") int defaultReminderDays,
        @DefaultValue("50") int batchSize,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("30s") Duration firstRetryAfter,
        @DefaultValue("2s") Duration pollEvery,
        @DefaultValue("1m") Duration scheduleEvery,
        /** Overdue tasks older than this when the scheduler first sees them are not announced (no storm after an outage). */
        @DefaultValue("2d") Duration overdueLookBack,
        @DefaultValue("7") int digestHourUtc,
        /** The share of the time a node's dispatcher may work while people work on the node (1: no pace). */
        @DefaultValue("0.1") double busyShare) {

    /** 30 s, 1 min, 2 min, 4 min... after the first, second... failed attempt, at most a day. */
    Duration retryAfter(int failedAttempts) {
        long factor = 1L << Math.min(Math.max(failedAttempts - 1, 0), 20);
        Duration wait = firstRetryAfter.multipliedBy(factor);
        return wait.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : wait;
    }
}
