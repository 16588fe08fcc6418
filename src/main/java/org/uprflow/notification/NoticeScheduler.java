package org.uprflow.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders before the due date, overdue notices and digests, on a cluster: each turn takes its
 * job's row lock ({@code for update skip locked}); a node that finds it taken skips the turn, so
 * two nodes never write the same reminder. Each task is told of once per kind
 * ({@code notification_task_mark}), in the transaction that writes its notices. Runs with no user.
 */
@Component
class NoticeScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(NoticeScheduler.class);
    static final String REMINDERS = "reminders";
    static final String DIGESTS = "digests";
    static final String DUE_SOON = "DUE_SOON";
    static final String OVERDUE = "OVERDUE";

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Preferences preferences;
    private final NoticeEngineQueries engine;
    private final NoticeWriter writer;
    private final NotificationProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    NoticeScheduler(JdbcClient jdbc, Outbox outbox, Preferences preferences, NoticeEngineQueries engine,
            NoticeWriter writer, NotificationProperties properties, PlatformTransactionManager transactions,
            Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.preferences = preferences;
        this.engine = engine;
        this.writer = writer;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${uprflow.notification.schedule-every:1m}", initialDelayString = "${uprflow.notification.schedule-every:1m}")
    void turn() {
        try {
            remindAndAnnounceOverdue(clock.instant());
            collectDigests(clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("Notice scheduler skipped this turn: {}", e.toString());
        }
    }

    /** Returns the number of tasks told of, or -1 when another node holds the turn. */
    int remindAndAnnounceOverdue(Instant now) {
        Integer told = transaction.execute(status -> {
            if (!lock(REMINDERS)) {
                return -1;
            }
            // Every country's due tasks in one engine query per kind; only the tasks not yet told of are read further.
            Set<String> countries = new HashSet<>(jdbc.sql("select code from country").query(String.class).list());
            Map<String, Integer> reminderDays = preferences.reminderDaysByCountry();
            int longest = Math.max(properties.defaultReminderDays(),
                    reminderDays.values().stream().mapToInt(Integer::intValue).max().orElse(0));
            List<NoticeEngineQueries.Due> soon = engine.tasksDue(now, now.plus(Duration.ofDays(longest))).stream()
                    .filter(due -> countries.contains(due.countryCode()) && due.due().isBefore(now.plus(Duration.ofDays(
                            reminderDays.getOrDefault(due.countryCode(), properties.defaultReminderDays())))))
                    .toList();
            int count = 0;
            for (TaskEvent task : engine.describe(outbox.notYetTold(ids(soon), DUE_SOON))) {
                if (outbox.markTask(task.taskId(), DUE_SOON)) {
                    writer.dueSoon(task, Math.max(1, Duration.between(now, task.due()).toDays()));
                    count++;
                }
            }
            List<NoticeEngineQueries.Due> late = engine.tasksDue(now.minus(properties.overdueLookBack()), now).stream()
                    .filter(due -> countries.contains(due.countryCode())).toList();
            for (TaskEvent task : engine.describe(outbox.notYetTold(ids(late), OVERDUE))) {
                if (outbox.markTask(task.taskId(), OVERDUE)) {
                    writer.overdue(task);
                    count++;
                }
            }
            jdbc.sql("update notification_job set last_run_at = ? where name = ?")
                    .params(java.sql.Timestamp.from(now), REMINDERS).update();
            return count;
        });
        return told == null ? 0 : told;
    }

    /** Held notices whose digest time has come, one digest per person and country. */
    int collectDigests(Instant now) {
        Integer collected = transaction.execute(status -> {
            if (!lock(DIGESTS)) {
                return -1;
            }
            List<Outbox.Row> held = outbox.heldDue(now);
            writer.digest(held);
            return held.size();
        });
        return collected == null ? 0 : collected;
    }

    private static List<String> ids(List<NoticeEngineQueries.Due> tasks) {
        return tasks.stream().map(NoticeEngineQueries.Due::taskId).toList();
    }

    private boolean lock(String job) {
        return !jdbc.sql("select name from notification_job where name = ? for update skip locked")
                .param(job).query(String.class).list().isEmpty();
    }
}
