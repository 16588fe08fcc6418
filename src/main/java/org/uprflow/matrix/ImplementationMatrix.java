package org.uprflow.matrix;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprflow.audit.AuditAction;
import org.uprflow.audit.AuditTrail;
import org.uprflow.country.CountryDirectory;
import org.uprflow.country.ParticipantRole;
import org.uprflow.cycle.CycleSteps;
import org.uprflow.cycle.ReviewAndPositionsProcess;
import org.uprflow.cycle.TaskInputRules;
import org.uprflow.cycle.UprCycleProcess;
import org.uprflow.recommendation.RecommendationRegister;
import org.uprflow.security.PlatformUser;
import org.uprflow.shared.CountryCode;
import org.uprflow.shared.EditConflictException;
import org.uprflow.shared.InvalidRegisterInputException;
import org.uprflow.shared.RecordNotFoundException;

/**
 * A cycle's implementation matrix in versions. CSOs (and programme managers) draft and edit the
 * latest DRAFT; programme managers finalise it once both sides agreed at the follow-up meeting,
 * which freezes it; the next round starts a new draft copied from the last final version. The
 * government reports progress on a row, CSOs and the NHRI assess it. Everybody of the country
 * reads; another country's user finds nothing (404).
 */
@Service
public class ImplementationMatrix {

    private static final ParticipantRole[] DRAFTERS = {ParticipantRole.CSO, ParticipantRole.PROGRAMME_MANAGER};
    private static final ParticipantRole[] REPORTERS = {ParticipantRole.GOVERNMENT, ParticipantRole.PROGRAMME_MANAGER};
    private static final ParticipantRole[] ASSESSORS = {ParticipantRole.CSO, ParticipantRole.NHRI,
            ParticipantRole.PROGRAMME_MANAGER};

    private final CountryDirectory countries;
    private final RecommendationRegister register;
    private final MatrixRepository matrix;
    private final AuditTrail audit;
    private final CycleSteps steps;
    private final MessageSource messages;
    private final TaskInputRules forms;
    private final Clock clock;

    ImplementationMatrix(CountryDirectory countries, RecommendationRegister register, MatrixRepository matrix,
            AuditTrail audit, CycleSteps steps, MessageSource messages, TaskInputRules forms, Clock clock) {
        this.clock = clock;
        this.messages = messages;
        this.forms = forms;
        this.countries = countries;
        this.register = register;
        this.matrix = matrix;
        this.audit = audit;
        this.steps = steps;
    }

    /**
     * What the caller may do in the cycle's register and matrix, so that a page offers only that:
     * as the writes themselves check, a participant records positions only until the positions
     * task is done, and a side agrees only while its agreement task is open.
     */
    public CyclePermissions permissions(CountryCode country, int cycle, PlatformUser caller) {
        member(country, cycle, caller);
        boolean manager = ParticipantRole.PROGRAMME_MANAGER.heldBy(caller, country);
        boolean recordPositions = RecommendationRegister.mayRecordPositions(caller, country)
                && (manager || !steps.isDone(country, cycle, ReviewAndPositionsProcess.RECORD_POSITIONS));
        boolean government = ParticipantRole.GOVERNMENT.heldBy(caller, country) && !caller.isAdmin();
        boolean agree = may(caller, country, ParticipantRole.CSO, ParticipantRole.GOVERNMENT)
                && steps.isOpen(country, cycle, (government ? AgreementSide.GOVERNMENT : AgreementSide.CSO).taskKey);
        return new CyclePermissions(RecommendationRegister.mayRegister(caller, country), recordPositions,
                may(caller, country, DRAFTERS), agree, manager, may(caller, country, REPORTERS),
                may(caller, country, ASSESSORS), manager);
    }

    private static boolean may(PlatformUser caller, CountryCode country, ParticipantRole... roles) {
        return ParticipantRole.firstHeld(caller, country, roles).isPresent();
    }

    public List<MatrixVersion> versions(CountryCode country, int cycle, PlatformUser caller) {
        member(country, cycle, caller);
        return matrix.versions(country.value(), cycle);
    }

    public MatrixVersionView version(CountryCode country, int cycle, int number, PlatformUser caller) {
        member(country, cycle, caller);
        MatrixRepository.StoredVersion version = stored(country, cycle, number);
        return new MatrixVersionView(version.version(), matrix.entries(version));
    }

    /**
     * Starts the next draft: empty for the first, else a copy of the last final version (same row
     * keys, so the two compare). 409 while a draft is open.
     */
    @Transactional
    public MatrixVersion startDraft(CountryCode country, int cycle, PlatformUser caller) {
        member(country, cycle, caller);
        ParticipantRole.requireAny(caller, country, DRAFTERS);
        MatrixRepository.StoredVersion latest = matrix.latest(country.value(), cycle).orElse(null);
        if (latest != null && latest.version().status() == MatrixVersion.Status.DRAFT) {
            throw new EditConflictException("problem.matrix.draft-open.detail", latest.version().number());
        }
        MatrixRepository.StoredVersion draft = newDraft(country, cycle, latest, caller);
        audit.record(country, cycle, caller, AuditAction.MATRIX_DRAFT_STARTED, "v" + draft.version().number(),
                latest == null ? "empty" : "copy of v" + latest.version().number());
        return draft.version();
    }

    /** Adds a row to the open draft (the first one is started on the way); 409 when the latest version is final. */
    @Transactional
    public MatrixEntry addEntry(CountryCode country, int cycle, MatrixEntryFields fields, PlatformUser caller) {
        member(country, cycle, caller);
        ParticipantRole.requireAny(caller, country, DRAFTERS);
        MatrixEntryFields linked = resolved(country, cycle, fields);
        MatrixRepository.StoredVersion latest = matrix.latest(country.value(), cycle).orElse(null);
        if (latest != null && latest.version().status() == MatrixVersion.Status.FINAL) {
            throw new EditConflictException("problem.matrix.frozen.detail", latest.version().number());
        }
        MatrixRepository.StoredVersion draft = latest != null ? latest : newDraft(country, cycle, null, caller);
        MatrixEntry entry = entry(UUID.randomUUID(), draft.version().number(), linked, 0, caller);
        matrix.insertEntries(draft.id(), List.of(entry));
        matrix.clearAgreements(draft.id());
        audit.record(country, cycle, caller, AuditAction.MATRIX_ENTRY_ADDED, entry.key(),
                "v" + draft.version().number() + ": " + entry.themeCluster());
        return matrix.entry(draft, entry.key()).orElseThrow();
    }

    /** Edits a row of a draft if nobody saved since {@code expectedVersion}; a final version is frozen (409). */
    @Transactional
    public MatrixEntry editEntry(CountryCode country, int cycle, int versionNumber, UUID key, int expectedVersion,
            MatrixEntryFields fields, PlatformUser caller) {
        member(country, cycle, caller);
        ParticipantRole.requireAny(caller, country, DRAFTERS);
        MatrixRepository.StoredVersion version = stored(country, cycle, versionNumber);
        MatrixEntry current = matrix.entry(version, key).orElseThrow(() -> new RecordNotFoundException("matrix entry", key));
        if (version.version().status() == MatrixVersion.Status.FINAL) {
            throw new EditConflictException("problem.matrix.frozen.detail", versionNumber);
        }
        MatrixEntry edited = entry(key, versionNumber, resolved(country, cycle, fields), current.version() + 1, caller);
        if (current.version() != expectedVersion || !matrix.updateEntry(version.id(), edited, expectedVersion)) {
            throw EditConflictException.staleVersion(key, expectedVersion, current.version());
        }
        matrix.clearAgreements(version.id());
        audit.record(country, cycle, caller, AuditAction.MATRIX_ENTRY_EDITED, key, "v" + versionNumber + ", row version "
                + edited.version() + ", status " + edited.status());
        return matrix.entry(version, key).orElseThrow();
    }

    /**
     * The caller's side (CSO or government) agrees to the draft as it stands, from the matrix page;
     * once both sides have, the version is final, in the same transaction. Only while the side's
     * <em>Agree the implementation matrix</em> task is open in the cycle (409 outside that phase),
     * only to the latest version (409 naming the latest) and not to a final one (409).
     * {@code agreedOn}: the day the side agreed as stated (null: today), with the rules of the task's
     * form: not after today, not before the review or the round's follow-up meeting once they have
     * come (400 naming {@code agreedOn}). Kept as the side's answer in the task's round.
     */
    @Transactional
    public MatrixVersion agree(CountryCode country, int cycle, int versionNumber, LocalDate agreedOn,
            PlatformUser caller) {
        member(country, cycle, caller);
        boolean government = ParticipantRole.GOVERNMENT.heldBy(caller, country) && !caller.isAdmin();
        if (!government) {
            ParticipantRole.requireAny(caller, country, ParticipantRole.CSO);
        }
        AgreementSide side = government ? AgreementSide.GOVERNMENT : AgreementSide.CSO;
        MatrixRepository.StoredVersion version = stored(country, cycle, versionNumber);
        Map<String, Object> round = steps.openTaskVariables(country, cycle, side.taskKey, UprCycleProcess.REVIEW_DATE,
                        UprCycleProcess.FOLLOW_UP_MEETING_DATE, UprCycleProcess.MATRIX_ROUNDS)
                .orElseThrow(() -> new EditConflictException("problem.matrix.outside-agreement-phase.detail",
                        side.name(), country.upperCase(), cycle));
        int latest = matrix.latest(country.value(), cycle).orElseThrow().version().number();
        if (latest != versionNumber) {
            throw new EditConflictException("problem.matrix.not-latest.detail", versionNumber, latest);
        }
        if (version.version().status() == MatrixVersion.Status.FINAL) {
            throw new EditConflictException("problem.matrix.frozen.detail", versionNumber);
        }
        LocalDate day = agreedOn != null ? agreedOn : LocalDate.now(clock);
        List<String> problems = forms.statedDayProblems(side.formId, side.agreedOnField,
                messages.getMessage("page.register.matrix.agreed-on", null, LocaleContextHolder.getLocale()), day, round);
        if (!problems.isEmpty()) {
            throw InvalidRegisterInputException.of("agreedOn", String.join("; ", problems));
        }
        recordAgreement(country, cycle, version, side, caller, day);
        recordAnswer(country, cycle, roundOf(round.get(UprCycleProcess.MATRIX_ROUNDS)), side, versionNumber, true, day,
                caller.userId());
        return stored(country, cycle, versionNumber).version();
    }

    /** The round a task belongs to ({@code matrixRounds}); 1 for a cycle that counted none. */
    static int roundOf(Object matrixRounds) {
        return matrixRounds instanceof Number number ? number.intValue() : 1;
    }

    private void recordAnswer(CountryCode country, int cycle, int round, AgreementSide side, int version,
            boolean agrees, LocalDate day, String userId) {
        matrix.recordAnswer(country.value(), cycle, round, side.name(), version, agrees, day, OffsetDateTime.now(clock),
                userId);
    }

    /**
     * A side's answer in a round of the follow-up meeting, given by completing its task (the
     * engine's transaction): "yes" agrees to {@code versionNumber}, which must be the latest
     * version, and finalises it once the other side agreed to it too; "no" withdraws the side's
     * agreement to the draft, so that the next round starts from it. The number of the final
     * version when the matrix is final after the answer, else empty: the round's gateway moves on
     * that alone. {@code agreedOn}: the day the side states it answered (its form's, else today),
     * kept with the answer of round {@code round}.
     *
     * @throws MatrixAnswerRefused for a version the cycle's matrix does not have or no longer the latest
     */
    @Transactional
    Optional<Integer> answerInRound(CountryCode country, int cycle, AgreementSide side, int versionNumber,
            boolean agrees, LocalDate agreedOn, int round, String userId) {
        PlatformUser actor = new PlatformUser(userId, Set.of(), Set.of(country.value()), Set.of());
        MatrixRepository.StoredVersion latest = matrix.latest(country.value(), cycle)
                .orElseThrow(() -> MatrixAnswerRefused.unknown(country, cycle, versionNumber));
        boolean isFinal = latest.version().status() == MatrixVersion.Status.FINAL;
        if (!agrees) {
            if (!isFinal) {
                matrix.withdrawAgreement(latest.id(), side.government());
            }
            audit.record(country, cycle, actor, AuditAction.MATRIX_DISAGREED, "v" + versionNumber, side.name() + ", on " + agreedOn);
            recordAnswer(country, cycle, round, side, versionNumber, false, agreedOn, userId);
            return isFinal ? Optional.of(latest.version().number()) : Optional.empty();
        }
        if (matrix.version(country.value(), cycle, versionNumber).isEmpty()) {
            throw MatrixAnswerRefused.unknown(country, cycle, versionNumber);
        }
        if (latest.version().number() != versionNumber) {
            throw MatrixAnswerRefused.notLatest(country, cycle, versionNumber, latest.version().number());
        }
        recordAnswer(country, cycle, round, side, versionNumber, true, agreedOn, userId);
        if (isFinal) {
            return Optional.of(versionNumber);
        }
        MatrixVersion after = recordAgreement(country, cycle, latest, side, actor, agreedOn);
        return after.status() == MatrixVersion.Status.FINAL ? Optional.of(versionNumber) : Optional.empty();
    }

    /** The number of the cycle's latest matrix version, which a round's agreement tasks put before each side. */
    public Optional<Integer> latestVersionNumber(CountryCode country, int cycle) {
        return matrix.latest(country.value(), cycle).map(version -> version.version().number());
    }

    /** Final, when both sides agreed, on the later of the two days they state: the day the second side agreed. */
    private MatrixVersion recordAgreement(CountryCode country, int cycle, MatrixRepository.StoredVersion version,
            AgreementSide side, PlatformUser actor, LocalDate agreedOn) {
        int number = version.version().number();
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!matrix.agree(version.id(), side.government(), now, actor.userId(), agreedOn)) {
            throw new EditConflictException("problem.matrix.frozen.detail", number);
        }
        audit.record(country, cycle, actor, AuditAction.MATRIX_AGREED, "v" + number, side.name() + ", on " + agreedOn);
        MatrixVersion agreed = stored(country, cycle, number).version();
        if (agreed.csoAgreedBy() != null && agreed.governmentAgreedBy() != null) {
            LocalDate finalisedOn = agreed.csoAgreedOn().isAfter(agreed.governmentAgreedOn())
                    ? agreed.csoAgreedOn() : agreed.governmentAgreedOn();
            matrix.finalise(version.id(), now, actor.userId(), finalisedOn);
            audit.record(country, cycle, actor, AuditAction.MATRIX_FINALISED, "v" + number, "both sides agreed");
            return stored(country, cycle, number).version();
        }
        return agreed;
    }

    /**
     * Freezes a draft at once: the country's programme managers, e.g. for an agreement reached in
     * the meeting room. {@code finalisedOn}: the day it was agreed as she states it (null: today);
     * after today, or before the review once the review has come → 400 naming {@code finalisedOn}.
     */
    @Transactional
    public MatrixVersion finalise(CountryCode country, int cycle, int versionNumber, LocalDate finalisedOn,
            PlatformUser caller) {
        member(country, cycle, caller);
        ParticipantRole.requireAny(caller, country, ParticipantRole.PROGRAMME_MANAGER);
        MatrixRepository.StoredVersion version = stored(country, cycle, versionNumber);
        LocalDate today = LocalDate.now(clock);
        LocalDate day = finalisedOn != null ? finalisedOn : today;
        if (day.isAfter(today)) {
            throw InvalidRegisterInputException.of("finalisedOn", messages.getMessage("problem.matrix.finalised-on.ahead",
                    new Object[] {day, today}, LocaleContextHolder.getLocale()));
        }
        Optional<LocalDate> review = matrix.reviewDate(country.value(), cycle).filter(r -> !r.isAfter(today));
        if (review.isPresent() && day.isBefore(review.get())) {
            throw InvalidRegisterInputException.of("finalisedOn", messages.getMessage("problem.matrix.finalised-on.before",
                    new Object[] {day, review.get()}, LocaleContextHolder.getLocale()));
        }
        if (!matrix.finalise(version.id(), OffsetDateTime.now(clock), caller.userId(), day)) {
            throw new EditConflictException("problem.matrix.frozen.detail", versionNumber);
        }
        audit.record(country, cycle, caller, AuditAction.MATRIX_FINALISED, "v" + versionNumber, "on " + day);
        return stored(country, cycle, versionNumber).version();
    }

    public MatrixComparison compare(CountryCode country, int cycle, int from, int to, PlatformUser caller) {
        member(country, cycle, caller);
        Map<UUID, MatrixEntry> before = byKey(matrix.entries(stored(country, cycle, from)));
        Map<UUID, MatrixEntry> after = byKey(matrix.entries(stored(country, cycle, to)));
        List<MatrixEntry> added = after.values().stream().filter(e -> !before.containsKey(e.key())).toList();
        List<MatrixEntry> removed = before.values().stream().filter(e -> !after.containsKey(e.key())).toList();
        List<MatrixComparison.EntryChange> changed = new ArrayList<>();
        for (MatrixEntry now : after.values()) {
            MatrixEntry then = before.get(now.key());
            if (then != null) {
                Map<String, MatrixComparison.FieldChange> fields = differences(then, now);
                if (!fields.isEmpty()) {
                    changed.add(new MatrixComparison.EntryChange(now.key(), now.themeCluster(), fields));
                }
            }
        }
        return new MatrixComparison(from, to, added, removed, changed);
    }

    @Transactional
    public ProgressNote reportProgress(CountryCode country, int cycle, UUID key, ProgressFields fields,
            PlatformUser caller) {
        return note(country, cycle, key, fields, ProgressNote.Kind.REPORT, REPORTERS, caller);
    }

    @Transactional
    public ProgressNote assess(CountryCode country, int cycle, UUID key, ProgressFields fields, PlatformUser caller) {
        return note(country, cycle, key, fields, ProgressNote.Kind.ASSESSMENT, ASSESSORS, caller);
    }

    public EntryProgress progress(CountryCode country, int cycle, UUID key, PlatformUser caller) {
        member(country, cycle, caller);
        existingKey(country, cycle, key);
        List<ProgressNote> notes = matrix.progress(country.value(), cycle, key);
        return new EntryProgress(key, notes.stream().filter(n -> n.kind() == ProgressNote.Kind.REPORT).toList(),
                notes.stream().filter(n -> n.kind() == ProgressNote.Kind.ASSESSMENT).toList());
    }

    /**
     * What a report of the cycle shows: the latest final version (else the latest draft, else
     * none) with its rows, and every progress note of the cycle by row, in two queries plus one.
     */
    public Optional<MatrixSnapshot> forReport(CountryCode country, int cycle, PlatformUser caller) {
        member(country, cycle, caller);
        List<MatrixVersion> versions = matrix.versions(country.value(), cycle);
        Optional<MatrixVersion> chosen = versions.stream().filter(v -> v.status() == MatrixVersion.Status.FINAL)
                .reduce((first, second) -> second).or(() -> versions.stream().reduce((first, second) -> second));
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        MatrixRepository.StoredVersion version = stored(country, cycle, chosen.get().number());
        Map<UUID, List<ProgressNote>> notes = matrix.progress(country.value(), cycle).stream()
                .collect(Collectors.groupingBy(ProgressNote::entryKey, LinkedHashMap::new, Collectors.toList()));
        return Optional.of(new MatrixSnapshot(version.version(), matrix.entries(version), notes,
                matrix.answers(country.value(), cycle)));
    }

    private ProgressNote note(CountryCode country, int cycle, UUID key, ProgressFields fields, ProgressNote.Kind kind,
            ParticipantRole[] roles, PlatformUser caller) {
        member(country, cycle, caller);
        ParticipantRole.requireAny(caller, country, roles);
        existingKey(country, cycle, key);
        String role = ParticipantRole.firstHeld(caller, country, roles).map(Enum::name).orElseThrow();
        ProgressNote note = new ProgressNote(UUID.randomUUID(), key, kind, role, fields.status(), fields.text(),
                OffsetDateTime.now(clock), caller.userId());
        matrix.insertProgress(country.value(), cycle, note);
        AuditAction action = switch (kind) {
            case REPORT -> AuditAction.PROGRESS_REPORT;
            case ASSESSMENT -> AuditAction.PROGRESS_ASSESSMENT;
        };
        audit.record(country, cycle, caller, action, key, role + ", status " + fields.status());
        return note;
    }

    private MatrixRepository.StoredVersion newDraft(CountryCode country, int cycle,
            MatrixRepository.StoredVersion copyOf, PlatformUser caller) {
        int number = copyOf == null ? 1 : copyOf.version().number() + 1;
        UUID id = UUID.randomUUID();
        try {
            matrix.insertVersion(id, country.value(), cycle, number, OffsetDateTime.now(clock), caller.userId());
        } catch (DuplicateKeyException startedAtTheSameMoment) {
            throw new EditConflictException("problem.matrix.draft-open.detail", number);
        }
        if (copyOf != null) {
            List<MatrixEntry> copies = matrix.entries(copyOf).stream().map(e -> new MatrixEntry(e.key(), number,
                    e.themeCluster(), e.goal(), e.actions(), e.indicators(), e.responsibleInstitution(), e.timeline(),
                    e.status(), e.recommendationIds(), e.recommendationNumbers(), 0, e.updatedAt(), e.updatedBy()))
                    .toList();
            if (!copies.isEmpty()) {
                matrix.insertEntries(id, copies);
            }
        }
        return stored(country, cycle, number);
    }

    private MatrixEntry entry(UUID key, int versionNumber, MatrixEntryFields fields, int version, PlatformUser caller) {
        return new MatrixEntry(key, versionNumber, fields.themeCluster().strip(), fields.goal(), fields.actions(),
                fields.indicators(), fields.responsibleInstitution(), fields.timeline(), fields.status(),
                fields.recommendationIds(), List.of(), version, OffsetDateTime.now(clock), caller.userId());
    }

    /** The fields linked to their recommendations by id, the numbers looked up; 400 for any not of the cycle. */
    private MatrixEntryFields resolved(CountryCode country, int cycle, MatrixEntryFields fields) {
        if (!register.allBelongTo(country, cycle, fields.recommendationIds())) {
            throw InvalidRegisterInputException.worded("recommendationIds", "validation.recommendations.other-cycle", cycle);
        }
        if (fields.recommendationNumbers().isEmpty()) {
            return fields;
        }
        Map<Integer, UUID> byNumber = register.idsByNumber(country, cycle, fields.recommendationNumbers());
        List<Integer> unknown = fields.recommendationNumbers().stream().filter(n -> !byNumber.containsKey(n)).toList();
        if (!unknown.isEmpty()) {
            throw InvalidRegisterInputException.worded("recommendationNumbers", "validation.recommendations.unknown",
                    unknown.stream().map(String::valueOf).collect(Collectors.joining(", ")), cycle);
        }
        List<UUID> ids = new ArrayList<>(fields.recommendationIds());
        fields.recommendationNumbers().stream().map(byNumber::get).filter(id -> !ids.contains(id)).forEach(ids::add);
        return fields.withRecommendations(ids);
    }

    private void member(CountryCode country, int cycle, PlatformUser caller) {
        countries.find(country, caller);
        RecommendationRegister.checkCycle(cycle);
    }

    private MatrixRepository.StoredVersion stored(CountryCode country, int cycle, int number) {
        return matrix.version(country.value(), cycle, number)
                .orElseThrow(() -> new RecordNotFoundException("matrix version", number));
    }

    private void existingKey(CountryCode country, int cycle, UUID key) {
        if (!matrix.entryKeyExists(country.value(), cycle, key)) {
            throw new RecordNotFoundException("matrix entry", key);
        }
    }

    private static Map<UUID, MatrixEntry> byKey(List<MatrixEntry> entries) {
        return entries.stream().collect(Collectors.toMap(MatrixEntry::key, Function.identity(), (a, b) -> a,
                LinkedHashMap::new));
    }

    private static Map<String, MatrixComparison.FieldChange> differences(MatrixEntry then, MatrixEntry now) {
        Map<String, Function<MatrixEntry, Object>> fields = new LinkedHashMap<>();
        fields.put("themeCluster", MatrixEntry::themeCluster);
        fields.put("goal", MatrixEntry::goal);
        fields.put("actions", MatrixEntry::actions);
        fields.put("indicators", MatrixEntry::indicators);
        fields.put("responsibleInstitution", MatrixEntry::responsibleInstitution);
        fields.put("timeline", MatrixEntry::timeline);
        fields.put("status", MatrixEntry::status);
        fields.put("recommendationNumbers", MatrixEntry::recommendationNumbers);
        Map<String, MatrixComparison.FieldChange> changes = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (!Objects.equals(value.apply(then), value.apply(now))) {
                changes.put(name, new MatrixComparison.FieldChange(value.apply(then), value.apply(now)));
            }
        });
        return changes;
    }
}
