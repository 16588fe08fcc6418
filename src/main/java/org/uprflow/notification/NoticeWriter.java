package org.uprflow.notification;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.uprflow.country.ParticipantRole;
import org.uprflow.security.PlatformUser;
import org.uprflow.shared.CountryCode;

/**
 * Decides who is told of what and writes the notices into the outbox, in the transaction of the
 * event. Every recipient belongs to the event's country: members of the task's role groups of that
 * country, its programme managers, or an assignee who is a member of it.
 */
@Service
class NoticeWriter {

    private final Outbox outbox;
    private final Preferences preferences;
    private final NoticeTexts texts;
    private final NoticeEngineQueries engine;
    private final NotificationProperties properties;
    private final Clock clock;

    NoticeWriter(Outbox outbox, Preferences preferences, NoticeTexts texts, NoticeEngineQueries engine,
            NotificationProperties properties, Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
        this.preferences = preferences;
        this.texts = texts;
        this.engine = engine;
        this.properties = properties;
    }

    /** A task was created: its role groups hear of it (an assignee named at creation hears through {@link #taskAssigned}). */
    void taskCreated(TaskEvent task) {
        Instant now = clock.instant();
        // the country's setting is read only for a task due within the longest setting a country may have
        if (task.due() != null && task.due().isBefore(now.plus(Duration.ofDays(Preferences.MOST_REMINDER_DAYS)))
                && task.due().isBefore(now.plus(Duration.ofDays(
                        preferences.reminderDays(task.countryCode(), properties.defaultReminderDays()))))) {
            // Due within the reminder's days already: this notice says so, no reminder follows it.
            outbox.markTask(task.taskId(), NoticeScheduler.DUE_SOON);
        }
        if (task.assignee() != null) {
            return;
        }
        for (String groupId : task.candidateGroups()) {
            String role = roleKey(task.countryCode(), groupId);
            if (role == null) {
                continue; // not a group of this country: never tell another country's people
            }
            tell(NoticeCategory.TASK_AVAILABLE, task.countryCode(), task.cycleKey(), task.taskId(),
                    groupMembers(task.countryCode(), groupId),
                    language -> texts.task(NoticeCategory.TASK_AVAILABLE, task, language,
                            texts.text(Locale.forLanguageTag(language), role)));
        }
    }

    /** Someone was given the task by name; taking it oneself (a claim) tells nobody. */
    void taskAssigned(TaskEvent task, String byUserId) {
        if (task.assignee() == null || task.assignee().equals(byUserId)) {
            return;
        }
        Optional<Recipient> assignee = engine.user(task.assignee())
                .filter(user -> engine.belongsTo(user.userId(), task.countryCode()));
        assignee.ifPresent(recipient -> tell(NoticeCategory.TASK_ASSIGNED, task.countryCode(), task.cycleKey(),
                task.taskId(), List.of(recipient),
                language -> texts.task(NoticeCategory.TASK_ASSIGNED, task, language, null)));
    }

    void dueSoon(TaskEvent task, long daysLeft) {
        tell(NoticeCategory.DUE_SOON, task.countryCode(), task.cycleKey(), task.taskId(), owners(task),
                language -> texts.task(NoticeCategory.DUE_SOON, task, language, daysLeft));
    }

    /** To the task's role (or its assignee) and to the country's programme managers, each once. */
    void overdue(TaskEvent task) {
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        owners(task).forEach(r -> recipients.put(r.userId(), r));
        engine.managers(task.countryCode()).forEach(r -> recipients.putIfAbsent(r.userId(), r));
        tell(NoticeCategory.OVERDUE, task.countryCode(), task.cycleKey(), task.taskId(), List.copyOf(recipients.values()),
                language -> texts.task(NoticeCategory.OVERDUE, task, language, null));
    }

    void phaseCompleted(String countryCode, String cycleKey, String phaseId) {
        tell(NoticeCategory.PHASE_COMPLETED, countryCode, cycleKey, null, engine.managers(countryCode),
                language -> texts.phaseCompleted(countryCode, cycleKey, phaseId, language));
    }

    /** One digest per person and country: a manager of two countries gets two, none mixing their data. */
    void digest(List<Outbox.Row> held) {
        Instant now = clock.instant();
        Map<String, List<Outbox.Row>> byPersonAndCountry = new LinkedHashMap<>();
        for (Outbox.Row row : held) {
            byPersonAndCountry.computeIfAbsent(row.recipientUserId() + "/" + row.countryCode(), key -> new ArrayList<>())
                    .add(row);
        }
        for (List<Outbox.Row> rows : byPersonAndCountry.values()) {
            Outbox.Row first = rows.get(0);
            NoticeTexts.Text header = texts.digestHeader(first.countryCode(), rows.size(), first.language());
            StringBuilder body = new StringBuilder(header.body());
            for (Outbox.Row row : rows) {
                body.append("* ").append(row.subject()).append("\n\n").append(row.body()).append('\n');
            }
            long digestId = outbox.add(new Outbox.NewNotice(first.countryCode(), NoticeCategory.DIGEST,
                    first.recipientUserId(), first.recipientEmail(), first.language(), header.subject(), body.toString(),
                    null, null, OutboxStatus.PENDING, now), now);
            outbox.markDigested(rows.stream().map(Outbox.Row::id).toList(), digestId);
        }
    }

    private void tell(NoticeCategory category, String countryCode, String cycleKey, String taskId,
            List<Recipient> recipients, Function<String, NoticeTexts.Text> compose) {
        if (recipients.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<String, Preferences.Choice> choices = preferences.of(recipients.stream().map(Recipient::userId).toList(), countryCode);
        List<Recipient> unreachable = new ArrayList<>();
        for (Recipient recipient : recipients) {
            Preferences.Choice choice = choices.get(recipient.userId());
            if (!choice.wants(category)) {
                continue;
            }
            NoticeTexts.Text text = compose.apply(choice.language());
            OutboxStatus status;
            Instant sendAt = now;
            if (!recipient.hasAddress()) {
                status = OutboxStatus.NO_ADDRESS;
                unreachable.add(recipient);
            } else if (choice.delivery().holds(category)) {
                status = OutboxStatus.HELD;
                sendAt = nextDigest(choice.delivery(), now);
            } else {
                status = OutboxStatus.PENDING;
            }
            String unsubscribe = properties.baseUrl() + "/api/notifications/unsubscribe?token="
                    + preferences.token(recipient.userId(), category);
            outbox.add(new Outbox.NewNotice(countryCode, category, recipient.userId(), recipient.email(),
                    choice.language(), text.subject(), text.body(), unsubscribe, taskId, status, sendAt), now);
        }
        if (!unreachable.isEmpty() && category != NoticeCategory.MISSING_ADDRESS) {
            reportUnreachable(countryCode, cycleKey, taskId, unreachable, compose);
        }
    }

    /** Not silently skipped: the country's programme managers are told who was not reached, and of what. */
    private void reportUnreachable(String countryCode, String cycleKey, String taskId, List<Recipient> unreachable,
            Function<String, NoticeTexts.Text> compose) {
        List<Recipient> managers = engine.managers(countryCode);
        for (Recipient person : unreachable) {
            tell(NoticeCategory.MISSING_ADDRESS, countryCode, cycleKey, taskId,
                    managers.stream().filter(manager -> !manager.userId().equals(person.userId())).toList(),
                    language -> texts.missingAddress(countryCode, cycleKey, person, compose.apply(language), language));
        }
    }

    /** Whoever owns the task: its assignee if it has one, its role groups' members otherwise. */
    private List<Recipient> owners(TaskEvent task) {
        if (task.assignee() != null) {
            return engine.user(task.assignee()).filter(user -> engine.belongsTo(user.userId(), task.countryCode()))
                    .map(List::of).orElse(List.of());
        }
        Map<String, Recipient> members = new LinkedHashMap<>();
        for (String groupId : task.candidateGroups()) {
            if (roleKey(task.countryCode(), groupId) != null) {
                groupMembers(task.countryCode(), groupId).forEach(r -> members.putIfAbsent(r.userId(), r));
            }
        }
        return List.copyOf(members.values());
    }

    private List<Recipient> groupMembers(String countryCode, String groupId) {
        return PlatformUser.PROGRAMME_MANAGERS_GROUP.equals(groupId) ? engine.managers(countryCode)
                : engine.members(groupId);
    }

    /** The message key of the role a group plays in the country, or null for a group that is not the country's. */
    private static String roleKey(String countryCode, String groupId) {
        if (PlatformUser.PROGRAMME_MANAGERS_GROUP.equals(groupId)) {
            return ParticipantRole.PROGRAMME_MANAGER.messageKey();
        }
        return ParticipantRole.ofGroup(CountryCode.of(countryCode), groupId).map(ParticipantRole::messageKey).orElse(null);
    }

    /** Daily digests at the digest hour (UTC) of the next day; weekly ones on the next Monday. */
    Instant nextDigest(Delivery delivery, Instant now) {
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate day = delivery == Delivery.WEEKLY_DIGEST
                ? today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)) : today.plusDays(1);
        return day.atStartOfDay().toInstant(ZoneOffset.UTC).plus(Duration.ofHours(properties.digestHourUtc()));
    }
}
