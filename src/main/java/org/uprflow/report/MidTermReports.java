package org.uprflow.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprflow.audit.AuditTrail;
import org.uprflow.country.Country;
import org.uprflow.country.CountryCode;
import org.uprflow.country.CountryDirectory;
import org.uprflow.country.ParticipantRole;
import org.uprflow.cycle.Cycle;
import org.uprflow.cycle.CycleLauncher;
import org.uprflow.recommendation.EditConflictException;
import org.uprflow.recommendation.InvalidRegisterInputException;
import org.uprflow.security.PlatformUser;

/**
 * A cycle's mid-term report. Everybody of the country reads it (another country's user finds
 * nothing: 404); until it is published it is a draft compiled anew at each read. The country's
 * programme managers publish it while the cycle's mid-term report phase waits at its publish
 * task; from then on it is frozen: the content as published is stored and read back, so later
 * edits of the matrix change nothing in it, and a second publication is refused (409).
 */
@Service
public class MidTermReports {

    private final CountryDirectory countries;
    private final CycleLauncher cycles;
    private final ReportCompiler compiler;
    private final CycleHistory history;
    private final PublishedReports published;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final MessageSource messages;
    private final Clock clock = Clock.systemUTC();

    MidTermReports(CountryDirectory countries, CycleLauncher cycles, ReportCompiler compiler, CycleHistory history,
            PublishedReports published, AuditTrail audit, ObjectMapper json, MessageSource messages) {
        this.messages = messages;
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
     * today), never after today nor before the review or the last contribution's day (400 naming
     * {@code publishedOn}).
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
        audit.record(country, cycleNumber, caller, "MID_TERM_REPORT_PUBLISHED", cycle.businessKey(),
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
