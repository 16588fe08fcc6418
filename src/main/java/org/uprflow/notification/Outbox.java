package org.uprflow.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code notification_outbox} table. Rows are written in the caller's transaction; a
 * dispatcher claims pending rows with a lease ({@code for update skip locked}, so that two nodes
 * never claim the same row) and marks each as soon as its fate is known.
 */
@Repository
class Outbox {

    private static final String COLUMNS = "id, country_code, category, recipient_user_id, recipient_email, language, "
            + "subject, body, unsubscribe_url, task_id, status, attempts, next_attempt_at, last_error, created_at, sent_at";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Outbox(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** A notice to write: {@code sendAt} is now, or the digest's time for a held one. */
    record NewNotice(String countryCode, NoticeCategory category, String recipientUserId, String recipientEmail,
            String language, String subject, String body, String unsubscribeUrl, String taskId, OutboxStatus status,
            Instant sendAt) {
    }

    record Row(long id, String countryCode, NoticeCategory category, String recipientUserId, String recipientEmail,
            String language, String subject, String body, String unsubscribeUrl, String taskId, OutboxStatus status,
            int attempts, OffsetDateTime nextAttemptAt, String lastError, OffsetDateTime createdAt, OffsetDateTime sentAt) {
    }

    /** Joins the caller's transaction; the dispatchers hear of it once that transaction has committed. */
    long add(NewNotice notice, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into notification_outbox (country_code, category, recipient_user_id, recipient_email, language, "
                + "subject, body, unsubscribe_url, task_id, status, next_attempt_at, created_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(notice.countryCode(), notice.category().name(), notice.recipientUserId(), notice.recipientEmail(),
                        notice.language(), notice.subject(), notice.body(), notice.unsubscribeUrl(), notice.taskId(),
                        notice.status().name(), at(notice.sendAt()), at(now))
                .update(key, "id");
        if (notice.status() == OutboxStatus.PENDING) {
            events.publishEvent(new OutboxWritten());
        }
        return key.getKey().longValue();
    }

    /** Published in the writing transaction; heard after its commit ({@code @TransactionalEventListener}). */
    record OutboxWritten() {
    }

    /**
     * Claims up to {@code limit} pending rows that are due and not held by a live lease. Call in a
     * transaction of its own, committed before sending, so that the lease is seen by every node.
     */
    List<Row> claim(String node, int limit, Instant now, Instant leaseUntil) {
        List<Long> ids = jdbc.sql("select id from notification_outbox where status = 'PENDING' and next_attempt_at <= ? "
                + "and (claimed_until is null or claimed_until < ?) order by id limit " + limit + " for update skip locked")
                .params(at(now), at(now)).query(Long.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        jdbc.sql("update notification_outbox set claimed_by = :node, claimed_until = :until where id in (:ids)")
                .param("node", node).param("until", at(leaseUntil)).param("ids", ids).update();
        return jdbc.sql("select " + COLUMNS + " from notification_outbox where id in (:ids) order by id")
                .param("ids", ids).query(Outbox::map).list();
    }

    void markDone(long id, OutboxStatus status, Instant now) {
        jdbc.sql("update notification_outbox set status = ?, sent_at = ?, attempts = attempts + 1, claimed_by = null, "
                + "claimed_until = null, last_error = null where id = ?")
                .params(status.name(), at(now), id).update();
    }

    void markRetry(long id, String error, Instant nextAttempt) {
        jdbc.sql("update notification_outbox set attempts = attempts + 1, next_attempt_at = ?, last_error = ?, "
                + "claimed_by = null, claimed_until = null where id = ?")
                .params(at(nextAttempt), shorten(error), id).update();
    }

    void markFailed(long id, String error) {
        jdbc.sql("update notification_outbox set status = 'FAILED', attempts = attempts + 1, last_error = ?, "
                + "claimed_by = null, claimed_until = null where id = ?")
                .params(shorten(error), id).update();
    }

    /** Held rows whose digest is due, locked so that one node alone collects them. */
    List<Row> heldDue(Instant now) {
        return jdbc.sql("select " + COLUMNS + " from notification_outbox where status = 'HELD' and next_attempt_at <= ? "
                + "order by recipient_user_id, country_code, id for update skip locked")
                .param(at(now)).query(Outbox::map).list();
    }

    void markDigested(Collection<Long> ids, long digestId) {
        jdbc.sql("update notification_outbox set status = 'DIGESTED', digest_id = :digest where id in (:ids)")
                .param("digest", digestId).param("ids", ids).update();
    }

    /** The latest notices of the given countries, newest first. */
    List<Row> recent(Collection<String> countryCodes, OutboxStatus status, int limit) {
        if (countryCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from notification_outbox where country_code in (:countries)"
                + (status == null ? "" : " and status = :status") + " order by id desc limit " + limit)
                .param("countries", countryCodes)
                .param("status", status == null ? "" : status.name())
                .query(Outbox::map).list();
    }

    /** Whether someone was told of this task in this category already (reminders and overdue notices). */
    boolean markTask(String taskId, String kind) {
        return jdbc.sql("insert into notification_task_mark (task_id, kind) select ?, ? where not exists "
                + "(select 1 from notification_task_mark where task_id = ? and kind = ?)")
                .params(taskId, kind, taskId, kind).update() == 1;
    }

    /** Those of these tasks nobody was told of in this category yet (asked a thousand at a time). */
    List<String> notYetTold(List<String> taskIds, String kind) {
        Set<String> told = new HashSet<>();
        for (int from = 0; from < taskIds.size(); from += 1000) {
            told.addAll(jdbc.sql("select task_id from notification_task_mark where kind = :kind and task_id in (:ids)")
                    .param("kind", kind).param("ids", taskIds.subList(from, Math.min(taskIds.size(), from + 1000)))
                    .query(String.class).list());
        }
        return taskIds.stream().filter(id -> !told.contains(id)).toList();
    }

    private static Row map(ResultSet rs, int row) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("country_code"), NoticeCategory.valueOf(rs.getString("category")),
                rs.getString("recipient_user_id"), rs.getString("recipient_email"), rs.getString("language"),
                rs.getString("subject"), rs.getString("body"), rs.getString("unsubscribe_url"), rs.getString("task_id"),
                OutboxStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getObject("next_attempt_at", OffsetDateTime.class), rs.getString("last_error"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("sent_at", OffsetDateTime.class));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String shorten(String error) {
        return error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
    }
}
