package org.uprflow.notification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.uprflow.country.CountryDirectory;
import org.uprflow.security.PlatformUser;
import org.uprflow.shared.CountryCode;

@RestController
@Tag(name = "Notices", description = "E-mail notices: each person's choice, one-click unsubscribe, what was sent")
class NotificationApiController {

    private final Preferences preferences;
    private final Outbox outbox;
    private final CountryDirectory countries;
    private final NoticeTexts texts;
    private final MailChannel mail;
    private final NotificationProperties properties;

    NotificationApiController(Preferences preferences, Outbox outbox, CountryDirectory countries, NoticeTexts texts,
            MailChannel mail, NotificationProperties properties) {
        this.preferences = preferences;
        this.outbox = outbox;
        this.countries = countries;
        this.texts = texts;
        this.mail = mail;
        this.properties = properties;
    }

    record Choice(@NotNull Delivery delivery,
            @NotNull @Pattern(regexp = "en|fr|es", message = "one of en, fr, es") String language,
            Set<NoticeCategory> unsubscribed) {
    }

    @GetMapping(path = "/api/notifications/preferences", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "How the caller is told: delivery, language of the e-mails, kinds unsubscribed")
    Choice preferences(@AuthenticationPrincipal PlatformUser caller) {
        Preferences.Choice choice = preferences.of(caller.userId());
        return new Choice(choice.delivery(), choice.language(), choice.unsubscribed());
    }

    @PutMapping(path = "/api/notifications/preferences", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Choose immediate notices, a daily or weekly digest, or only overdue notices, and the language")
    @Transactional
    Choice choose(@Valid @RequestBody Choice choice, @AuthenticationPrincipal PlatformUser caller) {
        Set<NoticeCategory> unsubscribed = choice.unsubscribed() == null ? Set.of() : choice.unsubscribed();
        preferences.save(caller.userId(), choice.delivery(), choice.language(), unsubscribed);
        return preferences(caller);
    }

    /**
     * The link in every notice: no login, the random token is the only key. GET so that a click
     * in any mail program works; POST for RFC 8058 one-click unsubscribe.
     */
    @RequestMapping(path = "/api/notifications/unsubscribe", method = {RequestMethod.GET, RequestMethod.POST},
            produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "One-click unsubscribe from one kind of notice (no login; the token is in the e-mail)")
    @Transactional
    ResponseEntity<String> unsubscribe(@RequestParam(defaultValue = "") String token) {
        return preferences.ownerOf(token).map(owner -> {
            preferences.unsubscribe(owner.userId(), owner.category());
            String language = preferences.of(owner.userId()).language();
            return ResponseEntity.ok().header("Content-Language", language)
                    .body(page(language, texts.text(Locale.forLanguageTag(language), "notice.unsubscribed.title"),
                            texts.unsubscribed(owner.category(), language)));
        }).orElseGet(() -> ResponseEntity.status(404).body(page("en",
                texts.text(Locale.ENGLISH, "notice.unsubscribed.title"),
                texts.text(Locale.ENGLISH, "notice.unsubscribed.unknown"))));
    }

    record ReminderSetting(@NotNull @Min(1) @Max(Preferences.MOST_REMINDER_DAYS) Integer reminderDaysBeforeDue) {
    }

    @GetMapping(path = "/api/countries/{code}/notification-settings", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "How many days before a task's due date its reminder goes out (default 7)")
    ReminderSetting reminderSetting(@PathVariable CountryCode code, @AuthenticationPrincipal PlatformUser caller) {
        countries.find(code, caller);
        return new ReminderSetting(preferences.reminderDays(code.value(), properties.defaultReminderDays()));
    }

    @PutMapping(path = "/api/countries/{code}/notification-settings", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set the reminder's days before the due date (1-90): the country's programme managers")
    @Transactional
    ReminderSetting setReminder(@PathVariable CountryCode code, @Valid @RequestBody ReminderSetting setting,
            @AuthenticationPrincipal PlatformUser caller) {
        CountryCode country = requireManager(code, caller);
        preferences.setReminderDays(country.value(), setting.reminderDaysBeforeDue());
        return reminderSetting(code, caller);
    }

    record SentNotice(long id, String country, String category, String recipient, String email, String language,
            String subject, String status, int attempts, String lastError, OffsetDateTime createdAt,
            OffsetDateTime sentAt) {
    }

    record NoticeLog(boolean mailServerConfigured, List<SentNotice> notices) {
    }

    @GetMapping(path = "/api/notifications/outbox", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "What was sent to whom and what failed, newest first",
            description = "Programme managers: their countries (?country= one of them); admins: all. Others 403.")
    NoticeLog outbox(@RequestParam(required = false) CountryCode country, @RequestParam(required = false) OutboxStatus status,
            @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit, @AuthenticationPrincipal PlatformUser caller) {
        if (!caller.managesCountries()) {
            throw new AccessDeniedException("Only programme managers and admins see the notices sent");
        }
        List<String> visible;
        if (country != null) {
            visible = List.of(requireManager(country, caller).value());
        } else {
            visible = countries.visibleTo(caller).stream().map(c -> c.tenantId())
                    .filter(caller::manages).toList();
        }
        return new NoticeLog(mail.hasMailServer(), outbox.recent(visible, status, limit).stream()
                .map(row -> new SentNotice(row.id(), row.countryCode().toUpperCase(Locale.ROOT), row.category().name(),
                        row.recipientUserId(), row.recipientEmail(), row.language(), row.subject(), row.status().name(),
                        row.attempts(), row.lastError(), row.createdAt(), row.sentAt()))
                .toList());
    }

    private CountryCode requireManager(CountryCode country, PlatformUser caller) {
        countries.find(country, caller);
        if (!caller.manages(country.value())) {
            throw new AccessDeniedException(caller.userId() + " does not manage " + country);
        }
        return country;
    }

    private static String page(String language, String title, String text) {
        return "<!DOCTYPE html><html lang=\"" + HtmlUtils.htmlEscape(language) + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                + HtmlUtils.htmlEscape(title) + "</title><link rel=\"stylesheet\" href=\"/ui/uprflow.css\"></head><body><main><h1>"
                + HtmlUtils.htmlEscape(title) + "</h1><p>" + HtmlUtils.htmlEscape(text) + "</p></main></body></html>";
    }
}
