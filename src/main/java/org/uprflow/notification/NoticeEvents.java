package org.uprflow.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code notification_event} table: what happened, written in the transaction of the event
 * (one insert), and turned into notices later by {@link #expandDue}, on whichever node takes the
 * row first. Deciding who is told (the role's members, their choices, their links) costs several
 * queries per event; done here, after the event's commit, it no longer slows the completion that
 * caused it, and a rolled-back event still tells nobody.
 */
@Repository
class NoticeEvents {

    private static final Logger LOG = LoggerFactory.getLogger(NoticeEvents.class);

    enum Kind {
        TASK_CREATED, TASK_ASSIGNED, PHASE_COMPLETED
    }

    /**
     * One event as stored: the task for the task events, the phase for a phase completed.
     *
     * @param byUserId who assigned the task (a claim tells nobody)
     */
    record Event(Kind kind, TaskEvent task, String byUserId, String countryCode, String cycleKey, String phaseId) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher publisher;
    private final ObjectMapper json;
    private final NotificationProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    NoticeEvents(JdbcClient jdbc, ApplicationEventPublisher publisher, ObjectMapper json,
            NotificationProperties properties, PlatformTransactionManager transactions, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.json = json;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    void taskCreated(TaskEvent task) {
        add(new Event(Kind.TASK_CREATED, task, null, task.countryCode(), task.cycleKey(), null));
    }

    void taskAssigned(TaskEvent task, String byUserId) {
        add(new Event(Kind.TASK_ASSIGNED, task, byUserId, task.countryCode(), task.cycleKey(), null));
    }

    void phaseCompleted(String countryCode, String cycleKey, String phaseId) {
        add(new Event(Kind.PHASE_COMPLETED, null, null, countryCode, cycleKey, phaseId));
    }

    /** Joins the caller's (the engine's) transaction; the dispatchers are woken after its commit. */
    private void add(Event event) {
        Instant now = clock.instant();
        jdbc.sql("insert into notification_event (kind, payload, next_attempt_at, created_at) values (?, ?, ?, ?)")
                .params(event.kind().name(), write(event), at(now), at(now)).update();
        publisher.publishEvent(new Outbox.OutboxWritten());
    }

    /**
     * Takes up to {@code limit} due events that no other node holds, oldest first, and hands them to
     * {@code writer} in one transaction that also deletes them: one commit for the lot. When one of
     * them cannot be turned into notices, that transaction rolls back and the same number of events
     * is taken again one at a time ({@link #expandNext}), so that the bad one alone is set aside.
     *
     * @return how many events were taken (expanded or set aside); 0 when none was due
     */
    int expandDue(Instant now, NoticeWriter writer, int limit) {
        try {
            Integer expanded = transaction.execute(status -> {
                List<StoredEvent> due = jdbc.sql("select id, payload from notification_event "
                        + "where next_attempt_at <= ? and attempts < ? order by next_attempt_at, id limit ? for update skip locked")
                        .params(at(now), properties.maxAttempts(), limit)
                        .query((rs, row) -> new StoredEvent(rs.getLong(1), rs.getString(2))).list();
                for (StoredEvent event : due) {
                    expand(read(event.payload()), writer);
                }
                if (!due.isEmpty()) {
                    jdbc.sql("delete from notification_event where id in (:ids)")
                            .param("ids", due.stream().map(StoredEvent::id).toList()).update();
                }
                return due.size();
            });
            return expanded == null ? 0 : expanded;
        } catch (RuntimeException oneFailed) {
            int taken = 0;
            while (taken < limit && expandNext(now, writer)) {
                taken++;
            }
            return taken;
        }
    }

    /**
     * Takes the oldest due event that no other node holds and hands it to {@code writer}, deleting
     * it in the same transaction as the notices it gives. An event whose expansion fails is tried
     * again later (the same back-off as a mail), and left with its error after the last attempt.
     *
     * @return false when no event was due
     */
    private boolean expandNext(Instant now, NoticeWriter writer) {
        AtomicLong taken = new AtomicLong(-1);
        try {
            Boolean expanded = transaction.execute(status -> {
                Optional<StoredEvent> next = jdbc.sql("select id, payload from notification_event "
                        + "where next_attempt_at <= ? and attempts < ? order by next_attempt_at, id limit 1 for update skip locked")
                        .params(at(now), properties.maxAttempts())
                        .query((rs, row) -> new StoredEvent(rs.getLong(1), rs.getString(2))).optional();
                if (next.isEmpty()) {
                    return false;
                }
                taken.set(next.get().id());
                expand(read(next.get().payload()), writer);
                jdbc.sql("delete from notification_event where id = ?").param(next.get().id()).update();
                return true;
            });
            return Boolean.TRUE.equals(expanded);
        } catch (RuntimeException e) {
            if (taken.get() < 0) {
                throw e; // the database away: nothing was taken, the next turn tries again
            }
            // this event's notices could not be written: set it aside and go on with the others
            postpone(taken.get(), now, e);
            return true;
        }
    }

    private void expand(Event event, NoticeWriter writer) {
        switch (event.kind()) {
            case TASK_CREATED -> writer.taskCreated(event.task());
            case TASK_ASSIGNED -> writer.taskAssigned(event.task(), event.byUserId());
            case PHASE_COMPLETED -> writer.phaseCompleted(event.countryCode(), event.cycleKey(), event.phaseId());
        }
    }

    /**
     * Counts a failed attempt once: under the row's lock and only while the event is still due, since the
     * failed transaction released its lock and another node may have met the same failure meanwhile.
     */
    private void postpone(long id, Instant now, RuntimeException cause) {
        String error = String.valueOf(cause);
        transaction.executeWithoutResult(status -> jdbc.sql("select attempts from notification_event "
                        + "where id = ? and next_attempt_at <= ? for update").params(id, at(now))
                .query(Integer.class).optional().ifPresent(before -> {
                    int attempts = before + 1;
                    LOG.error("Notices of event {} could not be written (attempt {} of {})", id, attempts,
                            properties.maxAttempts(), cause);
                    jdbc.sql("update notification_event set attempts = ?, next_attempt_at = ?, last_error = ? where id = ?")
                            .params(attempts, at(now.plus(properties.retryAfter(attempts))),
                                    error.length() > 1000 ? error.substring(0, 1000) : error, id)
                            .update();
                }));
    }

    private record StoredEvent(long id, String payload) {
    }

    private String write(Event event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notice event could not be written as JSON", e);
        }
    }

    private Event read(String payload) {
        try {
            return json.readValue(payload, Event.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notice event could not be read", e);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
