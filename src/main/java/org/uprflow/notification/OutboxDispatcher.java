package org.uprflow.notification;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns the events waiting in {@link NoticeEvents} into notices, then sends what the outbox holds,
 * on every node, on one thread of its own: woken right after a transaction that wrote an event or a
 * notice has committed, and every few seconds for retries and for rows another node left behind;
 * at full speed on an idle node, at a steady pace while people work on it ({@link DispatchPace}).
 * A batch is claimed with a lease in a transaction of its own; each row is marked alone as soon as
 * the mail server accepted or refused it, so a node that dies mid-batch leaves only its unsent
 * rows, which another node claims once the lease has run out.
 */
@Component
class OutboxDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final Outbox outbox;
    private final NoticeEvents events;
    private final NoticeWriter writer;
    private final MailChannel mail;
    private final NotificationProperties properties;
    private final NotificationSwitch holds;
    private final TransactionTemplate transaction;
    private final String node;
    private final DispatchPace pace;
    private final ExecutorService dispatch = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "notification-dispatch");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final Clock clock;

    OutboxDispatcher(Outbox outbox, NoticeEvents events, NoticeWriter writer, MailChannel mail,
            NotificationProperties properties, NotificationSwitch holds, DispatchPace pace,
            PlatformTransactionManager transactions, Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
        this.events = events;
        this.writer = writer;
        this.mail = mail;
        this.properties = properties;
        this.holds = holds;
        this.pace = pace;
        this.transaction = new TransactionTemplate(transactions);
        this.node = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void written(Outbox.OutboxWritten event) {
        wake();
    }

    @Scheduled(fixedDelayString = "${uprflow.notification.poll-every:2s}", initialDelayString = "${uprflow.notification.poll-every:2s}")
    void poll() {
        wake();
    }

    /** One dispatching thread per node, so that its pace is the node's; wakes that come while it works are one wake. */
    private void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            try {
                dispatch.execute(() -> {
                    wakeQueued.set(false);
                    drainQuietly();
                });
            } catch (RejectedExecutionException shuttingDown) {
                // the node is stopping: the rows are committed, another node or the next start sends them
                wakeQueued.set(false);
            }
        }
    }

    private void drainQuietly() {
        try {
            drain(clock.instant());
        } catch (RuntimeException e) {
            // the database away for a moment: the rows stay and the next turn tries again
            LOG.warn("Notice dispatch stopped for this turn: {}", e.toString());
        }
    }

    /**
     * Turns the waiting events into notices and sends the due ones, a slice of each in turn, until
     * nothing is left at {@code now}, at the node's pace ({@link DispatchPace}): a stream of new events
     * does not keep the mails waiting. Returns how many rows were settled.
     */
    int drain(Instant now) {
        int settled = 0;
        // one SMTP connection for the whole drain, opened at its first mail
        try (MailChannel.Session session = mail.open()) {
            int handled = 1;
            while (handled > 0 && !stopping()) {
                DispatchPace.Slice slice = pace.next();
                int expanded = holds.expansionHeld() ? 0 : events.expandDue(now, writer, slice.size());
                int sent = holds.sendingHeld() ? 0 : send(session, now, slice.size());
                settled += sent;
                handled = expanded + sent;
                pace.rest(slice, handled);
            }
        }
        return settled;
    }

    /** Claims up to {@code limit} due rows with a lease, then sends them, each marked as soon as its fate is known. */
    private int send(MailChannel.Session session, Instant now, int limit) {
        Instant current = clock.instant();
        Instant claimedAt = current.isAfter(now) ? current : now;
        List<Outbox.Row> batch = transaction.execute(status ->
                outbox.claim(node, limit, claimedAt, claimedAt.plus(properties.lease())));
        if (batch == null) {
            return 0;
        }
        for (Outbox.Row row : batch) {
            settle(row, session.deliver(row));
        }
        return batch.size();
    }

    private static boolean stopping() {
        return Thread.currentThread().isInterrupted();
    }

    private void settle(Outbox.Row row, MailChannel.Outcome outcome) {
        Instant now = clock.instant();
        switch (outcome.kind()) {
            case SENT -> outbox.markDone(row.id(), OutboxStatus.SENT, now);
            case LOGGED -> outbox.markDone(row.id(), OutboxStatus.LOGGED, now);
            case REFUSED -> outbox.markFailed(row.id(), outcome.error());
            case TRY_AGAIN -> {
                if (row.attempts() + 1 >= properties.maxAttempts()) {
                    outbox.markFailed(row.id(), outcome.error());
                } else {
                    outbox.markRetry(row.id(), outcome.error(), now.plus(properties.retryAfter(row.attempts() + 1)));
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        dispatch.shutdownNow();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception unknown) {
            return "node";
        }
    }
}
