package org.uprflow.report;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprflow.audit.AuditAction;
import org.uprflow.audit.AuditTrail;
import org.uprflow.country.Country;
import org.uprflow.country.CountryDirectory;
import org.uprflow.country.ParticipantRole;
import org.uprflow.cycle.Cycle;
import org.uprflow.cycle.CycleLauncher;
import org.uprflow.security.PlatformUser;
import org.uprflow.shared.CountryCode;
import org.uprflow.shared.EditConflictException;
import org.uprflow.shared.InvalidRegisterInputException;
import org.uprflow.shared.RecordNotFoundException;

/**
 * A cycle's mid-term report. Everybody of the country reads it (another country's user finds
 * nothing: 404); until it is published it is a draft compiled anew at each read. The country's
 * programme managers publish it while the cycle's mid-term report phase waits at its publish
 * task; from then on it is frozen: the content as published is stored and read back, so later
 * edits of the matrix change nothing in it, and a second publication is refused (409).
 */
@Service
public class MidTermReports {

    private static final Set<String> LANGUAGES = Set.of("en", "fr", "es");

    private final CountryDirectory countries;
    private final CycleLauncher cycles;
    private final ReportCompiler compiler;
    private final CycleHistory history;
    private final PublishedReports published;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final MessageSource messages;
    private final ReportPdf pdf;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    MidTermReports(CountryDirectory countries, CycleLauncher cycles, ReportCompiler compiler, CycleHistory history,
            PublishedReports published, AuditTrail audit, ObjectMapper json, MessageSource messages, ReportPdf pdf,
            Clock clock) {
        this.clock = clock;
        this.messages = messages;
        this.pdf = pdf;
        this.countries = countries;
        this.cycles = cycles;
        this.compiler = compiler;
        this.history = history;
        this.published = published;
        this.audit = audit;
        // A stored report outlives the code that wrote it: a field later removed must not make it unreadable.
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public MidTermReport report(CountryCode country, int cycleNumber, PlatformUser caller) {
        Country found = countries.find(country, caller);
        Cycle cycle = cycle(country, cycleNumber, caller);
        return published.content(country.value(), cycleNumber).map(this::read)
                .orElseGet(() -> compiler.compile(country, cycle, found.name(),
                        ParticipantRole.PROGRAMME_MANAGER.heldBy(caller, country) && history.atPublishTask(cycle),
                        now(), caller, null));
    }

    /**
     * Publishes the report as it stands. A report on a matrix that is not final (a draft, or none)
     * needs {@code draftReason}, the stated reason, which the report prints (400 naming the field
     * without it); on a final matrix no reason is kept. {@code publishedOn}: the day it was published
     * as the programme manager states it (a cycle entered late publishes a report of years ago; null:
     * today), never after today nor before the review, the last contribution's day or the day the
     * matrix it covers became final (400 naming {@code publishedOn}).
     */
    @Transactional
    public MidTermReport publish(CountryCode country, int cycleNumber, String draftReason, LocalDate publishedOn,
            PlatformUser caller) {
        Country found = countries.find(country, caller);
        Cycle cycle = cycle(country, cycleNumber, caller);
        ParticipantRole.requireAny(caller, country, ParticipantRole.PROGRAMME_MANAGER);
        if (published.content(country.value(), cycleNumber).isPresent()) {
            throw new EditConflictException("problem.report.published.detail", cycle.businessKey());
        }
        if (!history.atPublishTask(cycle)) {
            throw new EditConflictException("problem.report.not-ready.detail", cycle.businessKey());
        }
        OffsetDateTime now = now();
        LocalDate day = publishedOn != null ? publishedOn : now.toLocalDate();
        if (day.isAfter(now.toLocalDate())) {
            throw publishedOnRefused("problem.report.published-on.ahead", day, now.toLocalDate());
        }
        if (!cycle.reviewDate().isAfter(now.toLocalDate()) && day.isBefore(cycle.reviewDate())) {
            throw publishedOnRefused("problem.report.published-on.before", day, label("task.input.day.reviewDate"),
                    cycle.reviewDate());
        }
        MidTermReport draft = compiler.compile(country, cycle, found.name(), false, now, caller, day);
        Optional<LocalDate> lastContribution = draft.contributions().stream()
                .map(MidTermReport.Contribution::submittedOn).filter(Objects::nonNull).max(Comparator.naturalOrder());
        if (lastContribution.isPresent() && day.isBefore(lastContribution.get())) {
            throw publishedOnRefused("problem.report.published-on.before", day,
                    label("task.input.day.lastContribution"), lastContribution.get());
        }
        LocalDate matrixFinalOn = draft.matrix() == null ? null : draft.matrix().finalisedOn();
        if (matrixFinalOn != null && day.isBefore(matrixFinalOn)) {
            throw publishedOnRefused("problem.report.published-on.before", day,
                    label("task.input.day.matrixFinalisedOn"), matrixFinalOn);
        }
        boolean onFinalMatrix = draft.matrix() != null && draft.matrix().isFinal();
        String reason = onFinalMatrix || draftReason == null || draftReason.isBlank() ? null : draftReason.strip();
        if (!onFinalMatrix && reason == null) {
            throw InvalidRegisterInputException.of("draftReason", messages.getMessage("problem.report.draft-reason",
                    new Object[] {draft.matrix() == null ? "-" : draft.matrix().version()}, LocaleContextHolder.getLocale()));
        }
        MidTermReport report = new MidTermReport(draft.countryCode(), draft.countryName(), draft.cycleNumber(),
                draft.businessKey(), draft.wgSession(), draft.reviewDate(), MidTermReport.State.PUBLISHED,
                draft.compiledAt(), now, caller.userId(), false, draft.matrix(), draft.totals(), draft.positions(),
                draft.themes(), draft.recommendations(), draft.entries(), draft.contributions(), draft.meetings(),
                draft.timeline(), reason, draft.outcomeAdoptedOn(), day);
        try {
            published.insert(country.value(), cycleNumber, write(report), now, caller.userId(), day);
        } catch (DuplicateKeyException publishedAtTheSameMoment) {
            throw new EditConflictException("problem.report.published.detail", cycle.businessKey());
        }
        audit.record(country, cycleNumber, caller, AuditAction.MID_TERM_REPORT_PUBLISHED, cycle.businessKey(),
                report.recommendations().size() + " recommendations, " + report.entries().size() + " matrix rows"
                        + (report.matrix() == null ? "" : ", matrix v" + report.matrix().version())
                        + (reason == null ? "" : ", on a draft: " + reason) + ", published on " + day);
        return report;
    }

    private InvalidRegisterInputException publishedOnRefused(String key, Object... arguments) {
        return InvalidRegisterInputException.of("publishedOn",
                messages.getMessage(key, arguments, LocaleContextHolder.getLocale()));
    }

    private String label(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    /** The report's PDF, the published one kept, a draft compiled and rendered now (see below). */
    public byte[] pdf(CountryCode country, int cycleNumber, Locale locale, PlatformUser caller) {
        return pdf(report(country, cycleNumber, caller), locale);
    }

    /**
     * The report's PDF in one language (en, fr or es; others read English). A draft is rendered at
     * every call; a published report's PDF is rendered once per language and kept in the database,
     * so that any node answers later calls with the kept bytes.
     */
    byte[] pdf(MidTermReport report, Locale locale) {
        if (report.state() != MidTermReport.State.PUBLISHED) {
            return pdf.render(report, locale);
        }
        String language = language(locale);
        String country = CountryCode.of(report.countryCode()).value();
        return published.pdf(country, report.cycleNumber(), language).orElseGet(() -> {
            byte[] rendered = pdf.render(report, Locale.forLanguageTag(language));
            published.keepPdf(country, report.cycleNumber(), language, rendered, now());
            return rendered;
        });
    }

    static String language(Locale locale) {
        String language = locale == null ? "" : locale.getLanguage();
        return LANGUAGES.contains(language) ? language : "en";
    }

    /**
     * Makes the published report public: a link needing no login, its token 32 random bytes. The
     * country's programme managers only, and only once the report is published (409 before); a
     * report that is public already keeps its link.
     */
    @Transactional
    public PublishedReports.PublicLink makePublic(CountryCode country, int cycleNumber, PlatformUser caller) {
        countries.find(country, caller);
        Cycle cycle = cycle(country, cycleNumber, caller);
        ParticipantRole.requireAny(caller, country, ParticipantRole.PROGRAMME_MANAGER);
        if (published.content(country.value(), cycleNumber).isEmpty()) {
            throw new EditConflictException("problem.report.not-published.detail", cycle.businessKey());
        }
        Optional<PublishedReports.PublicLink> live = published.liveLink(country.value(), cycleNumber);
        if (live.isPresent()) {
            return live.get();
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        PublishedReports.PublicLink link = new PublishedReports.PublicLink(
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), country.value(), cycleNumber, now(),
                caller.userId());
        try {
            published.insertLink(link);
        } catch (DuplicateKeyException madePublicAtTheSameMoment) {
            return published.liveLink(country.value(), cycleNumber).orElseThrow(() -> madePublicAtTheSameMoment);
        }
        audit.record(country, cycleNumber, caller, AuditAction.MID_TERM_REPORT_MADE_PUBLIC, cycle.businessKey(),
                "public link created");
        return link;
    }

    /** The report's live public link, for its programme managers; empty when it is not public. */
    public Optional<PublishedReports.PublicLink> publicLink(CountryCode country, int cycleNumber, PlatformUser caller) {
        countries.find(country, caller);
        cycle(country, cycleNumber, caller);
        ParticipantRole.requireAny(caller, country, ParticipantRole.PROGRAMME_MANAGER);
        return published.liveLink(country.value(), cycleNumber);
    }

    /** Revokes the public link: it answers 404 from then on. 404 when the report has no live link. */
    @Transactional
    public void revokePublicLink(CountryCode country, int cycleNumber, PlatformUser caller) {
        countries.find(country, caller);
        Cycle cycle = cycle(country, cycleNumber, caller);
        ParticipantRole.requireAny(caller, country, ParticipantRole.PROGRAMME_MANAGER);
        if (published.revokeLink(country.value(), cycleNumber, now(), caller.userId()) == 0) {
            throw new RecordNotFoundException("public link", cycle.businessKey());
        }
        audit.record(country, cycleNumber, caller, AuditAction.MID_TERM_REPORT_PUBLIC_LINK_REVOKED, cycle.businessKey(),
                "public link revoked");
    }

    /** The published report a live public link opens, for anybody; 404 for a revoked or unknown link. */
    public MidTermReport publicReport(String token) {
        return published.byToken(token)
                .flatMap(link -> published.content(link.countryCode(), link.cycleNumber()))
                .map(this::read)
                .orElseThrow(() -> new RecordNotFoundException("public report", "-"));
    }

    private Cycle cycle(CountryCode country, int cycleNumber, PlatformUser caller) {
        return cycles.ofCountry(country, caller).stream().filter(c -> c.cycleNumber() == cycleNumber).findFirst()
                .orElseThrow(() -> new CycleNotOpenException(country, cycleNumber));
    }

    /** To the second: a report's reader needs no more, and the stored row and its JSON say the same. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    private String write(MidTermReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A report that cannot be written as JSON: " + report.businessKey(), e);
        }
    }

    private MidTermReport read(String content) {
        try {
            return json.readValue(content, MidTermReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored report that cannot be read back", e);
        }
    }
}
