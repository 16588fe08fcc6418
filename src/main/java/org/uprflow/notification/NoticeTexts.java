package org.uprflow.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.uprflow.shared.CountryCode;

/**
 * The words of every notice, from the message bundles in the recipient's language. Each text is
 * built from one task or phase of one country, never from anything else.
 */
@Component
class NoticeTexts {

    private final MessageSource messages;
    private final NotificationProperties properties;

    NoticeTexts(MessageSource messages, NotificationProperties properties) {
        this.messages = messages;
        this.properties = properties;
    }

    record Text(String subject, String body) {
    }

    /** A task's notice; {@code introArgument} is the role (available) or the days left (reminder). */
    Text task(NoticeCategory category, TaskEvent task, String language, Object introArgument) {
        Locale locale = Locale.forLanguageTag(language);
        String country = countryName(task.countryCode(), locale);
        String name = taskName(task, locale);
        String due = task.due() == null ? "" : day(task.due());
        String subject = text(locale, "notice.subject." + category, cycle(task), name, due);
        StringBuilder body = new StringBuilder()
                .append(text(locale, "notice.intro." + category, country, introArgument)).append("\n\n")
                .append(text(locale, "notice.line.country", country)).append('\n');
        if (task.cycleKey() != null) {
            body.append(text(locale, "notice.line.cycle", task.cycleKey())).append('\n');
        }
        body.append(text(locale, "notice.line.task", name)).append('\n')
                .append(task.due() == null ? text(locale, "notice.line.no-due") : text(locale, "notice.line.due", due))
                .append('\n')
                .append(text(locale, "notice.line.expected", expected(task, locale))).append('\n')
                .append(text(locale, "notice.line.link", taskLink(task.taskId()))).append('\n');
        return new Text(subject, body.toString());
    }

    Text phaseCompleted(String countryCode, String cycleKey, String phaseId, String language) {
        Locale locale = Locale.forLanguageTag(language);
        String country = countryName(countryCode, locale);
        String phase = messages.getMessage("notice.phase." + phaseId, null, phaseId, locale);
        String subject = text(locale, "notice.subject.PHASE_COMPLETED", cycleKey, phase);
        String body = text(locale, "notice.intro.PHASE_COMPLETED", country) + "\n\n"
                + text(locale, "notice.line.country", country) + '\n'
                + text(locale, "notice.line.cycle", cycleKey) + '\n'
                + text(locale, "notice.line.phase", phase) + '\n'
                + text(locale, "notice.line.dashboard", properties.baseUrl() + "/dashboard/country.html?code="
                        + countryCode.toUpperCase(Locale.ROOT)) + '\n';
        return new Text(subject, body);
    }

    /** To a programme manager: who was not told, and of what (the notice they would have had, in the manager's words). */
    Text missingAddress(String countryCode, String cycleKey, Recipient unreachable, Text missed, String language) {
        Locale locale = Locale.forLanguageTag(language);
        String subject = text(locale, "notice.subject.MISSING_ADDRESS",
                cycleKey == null ? countryCode.toUpperCase(Locale.ROOT) : cycleKey, unreachable.displayName());
        String body = text(locale, "notice.intro.MISSING_ADDRESS", unreachable.displayName(), unreachable.userId())
                + "\n\n" + missed.subject() + "\n\n" + missed.body();
        return new Text(subject, body);
    }

    Text digestHeader(String countryCode, int count, String language) {
        Locale locale = Locale.forLanguageTag(language);
        return new Text(text(locale, "notice.subject.DIGEST", countryCode.toUpperCase(Locale.ROOT), count),
                text(locale, "notice.intro.DIGEST", countryName(countryCode, locale)) + "\n\n");
    }

    /** Appended when the mail is sent: the one-click unsubscribe link (none for a digest) and where to choose. */
    String footer(NoticeCategory category, String unsubscribeUrl, String language) {
        Locale locale = Locale.forLanguageTag(language);
        StringBuilder footer = new StringBuilder("\n-- \n");
        if (unsubscribeUrl != null) {
            footer.append(text(locale, "notice.footer.unsubscribe", text(locale, category.messageKey()), unsubscribeUrl))
                    .append('\n');
        }
        return footer.append(text(locale, "notice.footer.preferences", properties.baseUrl() + "/notifications/"))
                .append('\n').toString();
    }

    String unsubscribed(NoticeCategory category, String language) {
        Locale locale = Locale.forLanguageTag(language);
        return text(locale, "notice.unsubscribed.body", text(locale, category.messageKey()),
                properties.baseUrl() + "/notifications/");
    }

    String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    String taskLink(String taskId) {
        return properties.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    private String taskName(TaskEvent task, Locale locale) {
        return messages.getMessage("notice.task." + task.taskKey() + ".name", null, task.taskName(), locale);
    }

    private String expected(TaskEvent task, Locale locale) {
        return messages.getMessage("notice.task." + task.taskKey() + ".expected", null,
                text(locale, "notice.task.generic.expected"), locale);
    }

    private static String cycle(TaskEvent task) {
        return task.cycleKey() != null ? task.cycleKey() : task.countryCode().toUpperCase(Locale.ROOT);
    }

    private static String countryName(String countryCode, Locale locale) {
        return CountryCode.of(countryCode).displayName(locale);
    }

    static String day(Instant instant) {
        // The engine keeps due dates as local date-times of the server (CycleCalendar), so the day is read there too.
        return instant.atZone(ZoneId.systemDefault()).toLocalDate().toString();
    }
}
