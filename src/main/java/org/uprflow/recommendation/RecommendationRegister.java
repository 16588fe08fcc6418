package org.uprflow.recommendation;

import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprflow.audit.AuditAction;
import org.uprflow.audit.AuditTrail;
import org.uprflow.country.CountryDirectory;
import org.uprflow.country.ParticipantRole;
import org.uprflow.cycle.CycleSteps;
import org.uprflow.cycle.ReviewAndPositionsProcess;
import org.uprflow.security.PlatformUser;
import org.uprflow.shared.CountryCode;
import org.uprflow.shared.EditConflictException;
import org.uprflow.shared.InvalidRegisterInputException;
import org.uprflow.shared.RecordNotFoundException;

/**
 * The recommendations of a country's cycle. Every method first checks that the caller belongs to
 * the country (404 otherwise), then the role: the programme managers register recommendations,
 * the government records positions, everybody of the country reads. Every write leaves an audit
 * event in the same transaction.
 */
@Service
public class RecommendationRegister {

    public static final int MAX_PAGE_SIZE = 200;
    public static final int DEFAULT_PAGE_SIZE = 50;
    /**
     * At most this many recommendations in one cycle's register (issue 14): the largest reviews
     * leave about 350, and a register of tens of thousands made one report cost tens of seconds.
     */
    public static final int MAX_PER_CYCLE = 2000;
    /** Who registers, edits and deletes recommendations (an array no other package can change: ask {@link #mayRegister}). */
    static final ParticipantRole[] REGISTRARS = {ParticipantRole.PROGRAMME_MANAGER};
    /** Who records the State's positions (ask {@link #mayRecordPositions}). */
    static final ParticipantRole[] POSITION_RECORDERS = {ParticipantRole.GOVERNMENT,
            ParticipantRole.PROGRAMME_MANAGER};

    /** Whether the caller may register, edit and delete the country's recommendations. */
    public static boolean mayRegister(PlatformUser caller, CountryCode country) {
        return ParticipantRole.firstHeld(caller, country, REGISTRARS).isPresent();
    }

    /** Whether the caller may record the State's positions in the country. */
    public static boolean mayRecordPositions(PlatformUser caller, CountryCode country) {
        return ParticipantRole.firstHeld(caller, country, POSITION_RECORDERS).isPresent();
    }

    private final CountryDirectory countries;
    private final RecommendationRepository recommendations;
    private final AuditTrail audit;
    private final CycleSteps steps;
    private final long importMaxBytes;
    private final MessageSource messages;
    private final Clock clock;

    RecommendationRegister(CountryDirectory countries, RecommendationRepository recommendations, AuditTrail audit,
            CycleSteps steps, @Value("${uprflow.register.import-max-bytes}") long importMaxBytes,
            MessageSource messages, Clock clock) {
        this.clock = clock;
        this.messages = messages;
        this.countries = countries;
        this.recommendations = recommendations;
        this.audit = audit;
        this.steps = steps;
        this.importMaxBytes = importMaxBytes;
    }

    /** Refuses (400 naming the field) what would take the cycle's register above {@link #MAX_PER_CYCLE}; nothing is written. */
    private void requireRoom(CountryCode country, int cycle, int adding, String field) {
        int held = recommendations.countInCycle(country.value(), cycle);
        if (held + adding > MAX_PER_CYCLE) {
            throw InvalidRegisterInputException.of(field, messages.getMessage("problem.register.full",
                    new Object[] {MAX_PER_CYCLE, held, adding}, LocaleContextHolder.getLocale()));
        }
    }

    public long importMaxBytes() {
        return importMaxBytes;
    }

    /** A page of the register, ordered as the report lists them; at most {@link #MAX_PAGE_SIZE} a page. */
    public ResultPage<Recommendation> list(CountryCode country, int cycle, RecommendationFilter filter, int page,
            int size, PlatformUser caller) {
        member(country, cycle, caller);
        if (page < 0) {
            throw InvalidRegisterInputException.worded("page", "validation.min", 0);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw InvalidRegisterInputException.worded("size", "validation.between", 1, MAX_PAGE_SIZE);
        }
        return recommendations.page(country.value(), cycle, filter, page, size);
    }

    /** The themes of the cycle's recommendations, alphabetically, with how many carry each. */
    public List<ThemeCount> themes(CountryCode country, int cycle, PlatformUser caller) {
        member(country, cycle, caller);
        return recommendations.themes(country.value(), cycle);
    }

    public Recommendation get(CountryCode country, int cycle, UUID id, PlatformUser caller) {
        member(country, cycle, caller);
        return found(country, cycle, id);
    }

    @Transactional
    public Recommendation create(CountryCode country, int cycle, RecommendationFields fields, PlatformUser caller) {
        member(country, cycle, caller);
        ParticipantRole.requireAny(caller, country, REGISTRARS);
        checkReferenceFree(country, cycle, fields.reference(), null);
        requireRoom(country, cycle, 1, "text");
        Recommendation created = newRecommendation(country, cycle, recommendations.nextOrdinal(country.value(), cycle),
                fields, caller);
        recommendations.insertAll(List.of(created));
        audit.record(country, cycle, caller, AuditAction.RECOMMENDATION_CREATED, created.id(), abbreviate(created.text()));
        return created;
    }

    /** Saves the fields if nobody saved since {@code expectedVersion} was read; 409 otherwise. */
    @Transactional
    public Recommendation edit(CountryCode country, int cycle, UUID id, int expectedVersion, RecommendationFields fields,
            PlatformUser caller) {
        member(country, cycle, caller);
        ParticipantRole.requireAny(caller, country, REGISTRARS);
        Recommendation current = found(country, cycle, id);
        checkReferenceFree(country, cycle, fields.reference(), id);
        // an edit that does not name the paragraph number (the page's form has none) keeps it
        Recommendation edited = edited(current, fields.reference() == null ? fields.withReference(current.reference())
                : fields, caller);
        if (current.version() != expectedVersion || !recommendations.update(edited, expectedVersion)) {
            throw EditConflictException.staleVersion(id, expectedVersion, found(country, cycle, id).version());
        }
        audit.record(country, cycle, caller, AuditAction.RECOMMENDATION_EDITED, id, "version " + edited.version());
        return found(country, cycle, id);
    }

    /**
     * The State's position (or none again). The government and the programme managers; with
     * {@code expectedVersion} the write is refused (409) if someone saved in between. Once the
     * cycle's positions task is completed, the positions are the State's record: only a programme
     * manager changes one (the government gets 409), and the audit trail keeps the change with the
     * position it replaced.
     */
    @Transactional
    public Recommendation setPosition(CountryCode country, int cycle, UUID id, Position position,
            Integer expectedVersion, PlatformUser caller) {
        member(country, cycle, caller);
        ParticipantRole.requireAny(caller, country, POSITION_RECORDERS);
        Recommendation current = found(country, cycle, id);
        boolean phaseOver = steps.isDone(country, cycle, ReviewAndPositionsProcess.RECORD_POSITIONS);
        if (phaseOver && !ParticipantRole.PROGRAMME_MANAGER.heldBy(caller, country)) {
            throw new EditConflictException("problem.position.phase-over.detail", country.upperCase(), cycle);
        }
        if (!recommendations.setPosition(id, position, expectedVersion, OffsetDateTime.now(clock), caller.userId())) {
            throw EditConflictException.staleVersion(id, expectedVersion, current.version());
        }
        String now = position == null ? "none" : position.name();
        if (phaseOver) {
            audit.record(country, cycle, caller, AuditAction.POSITION_CHANGED_AFTER_PHASE, id,
                    (current.position() == null ? "none" : current.position().name()) + " -> " + now);
        } else {
            audit.record(country, cycle, caller, AuditAction.POSITION_RECORDED, id, now);
        }
        return found(country, cycle, id);
    }

    /**
     * Imports a file as it comes (CSV or .xlsx, columns and encoding detected): see
     * {@link RecommendationImports#importFile}, which this is for callers without a request.
     */
    @Transactional
    public ImportSummary importCsv(CountryCode country, int cycle, InputStream file, PlatformUser caller) {
        member(country, cycle, caller);
        ParticipantRole.requireAny(caller, country, REGISTRARS);
        byte[] bytes;
        try {
            bytes = file.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, importMaxBytes + 1));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read the import file", e);
        }
        ImportReading.Result read = ImportFile.read(bytes, "recommendations.csv", ImportOptions.DETECTED,
                importMaxBytes, country, cycle).result();
        if (!read.problems().isEmpty()) {
            throw new ImportRejectedException(read.problems());
        }
        return importRead(country, cycle, read.recommendations().stream().map(ImportReading.Read::fields).toList(),
                caller);
    }

    /**
     * Writes the recommendations read from a file, all or nothing, into a cycle opened on the
     * platform (404 otherwise). One already in the register is matched by its paragraph number,
     * else by its text and recommending States ({@link RecommendationFields#identity}); it is not
     * added again but updated from the file, except that an empty position never erases one
     * already recorded and a missing paragraph number keeps the one it has; if nothing differs it
     * is left as it is. So the same file imported twice changes nothing, a corrected export
     * updates what it corrects, and a later export with the State's responses fills in the positions.
     */
    @Transactional
    ImportSummary importRead(CountryCode country, int cycle, List<RecommendationFields> rows, PlatformUser caller) {
        member(country, cycle, caller);
        ParticipantRole.requireAny(caller, country, REGISTRARS);
        if (!recommendations.cycleOpened(country.value(), cycle)) {
            throw new RecordNotFoundException("cycle", country.upperCase() + "-" + cycle);
        }
        Map<String, Recommendation> byReference = new HashMap<>();
        Map<String, Recommendation> byIdentity = new HashMap<>();
        for (Recommendation r : recommendations.all(country.value(), cycle)) {
            if (r.reference() != null) {
                byReference.putIfAbsent(r.reference(), r);
            }
            byIdentity.putIfAbsent(RecommendationFields.identity(r.text(), r.recommendingState()), r);
        }
        int ordinal = recommendations.nextOrdinal(country.value(), cycle);
        List<Recommendation> added = new ArrayList<>();
        java.util.Set<UUID> matched = new java.util.HashSet<>();
        int updated = 0;
        int unchanged = 0;
        for (RecommendationFields fields : rows) {
            Recommendation current = fields.reference() == null ? null : byReference.get(fields.reference());
            if (current == null) {
                current = byIdentity.get(RecommendationFields.identity(fields.text(), fields.recommendingState()));
            }
            if (current == null || !matched.add(current.id())) {
                added.add(newRecommendation(country, cycle, ordinal++, fields, caller));
                continue;
            }
            RecommendationFields merged = fields.position() != null || current.position() == null ? fields
                    : fields.withPosition(current.position());
            if (merged.reference() == null && current.reference() != null) {
                merged = merged.withReference(current.reference());
            }
            if (merged.sorted().equals(fieldsOf(current).sorted())) {
                unchanged++;
            } else {
                Recommendation edited = edited(current, merged, caller);
                if (!recommendations.update(edited, current.version())) {
                    throw EditConflictException.staleVersion(current.id(), current.version(), current.version() + 1);
                }
                updated++;
            }
        }
        if (!added.isEmpty()) {
            requireRoom(country, cycle, added.size(), "file");
            recommendations.insertAll(added);
        }
        int missing = recommendations.missingPositions(country.value(), cycle);
        audit.record(country, cycle, caller, AuditAction.RECOMMENDATIONS_IMPORTED, null, added.size() + " added, " + updated
                + " updated, " + unchanged + " unchanged; " + missing + " of the cycle without a position");
        return new ImportSummary(added.size(), updated, unchanged, missing);
    }

    /**
     * Deletes a recommendation entered by mistake, if nobody saved it since {@code expectedVersion}
     * was read. One that a row of the implementation matrix implements is refused (409): a final
     * version is frozen, and a draft's row must be unlinked first by whoever drafts the matrix.
     */
    @Transactional
    public void delete(CountryCode country, int cycle, UUID id, int expectedVersion, PlatformUser caller) {
        member(country, cycle, caller);
        ParticipantRole.requireAny(caller, country, REGISTRARS);
        Recommendation current = found(country, cycle, id);
        List<RecommendationRepository.MatrixUse> uses = recommendations.matrixUses(id);
        for (RecommendationRepository.MatrixUse use : uses) {
            if (use.finalVersion()) {
                throw new EditConflictException("problem.recommendation.in-final-matrix.detail", current.ordinal(),
                        use.versionNumber());
            }
        }
        if (!uses.isEmpty()) {
            throw new EditConflictException("problem.recommendation.in-draft-matrix.detail", current.ordinal(),
                    uses.get(0).versionNumber(), uses.get(0).themeCluster());
        }
        if (current.version() != expectedVersion || !recommendations.delete(id, expectedVersion)) {
            throw EditConflictException.staleVersion(id, expectedVersion, found(country, cycle, id).version());
        }
        audit.record(country, cycle, caller, AuditAction.RECOMMENDATION_DELETED, id,
                "#" + current.ordinal() + " " + current.recommendingState() + ": " + abbreviate(current.text()));
    }

    /** How many recommendations of the cycle have no position yet. */
    public int missingPositions(CountryCode country, int cycle, PlatformUser caller) {
        member(country, cycle, caller);
        return recommendations.missingPositions(country.value(), cycle);
    }

    /** Whether every one of {@code ids} is a recommendation of the cycle (the matrix links only those). */
    public boolean allBelongTo(CountryCode country, int cycle, List<UUID> ids) {
        return recommendations.countOf(country.value(), cycle, ids) == ids.size();
    }

    /** The ids of the cycle's recommendations with these numbers (ordinals); a number not in the register is left out. */
    public Map<Integer, UUID> idsByNumber(CountryCode country, int cycle, Collection<Integer> numbers) {
        return recommendations.idsByOrdinal(country.value(), cycle, numbers);
    }

    /** A paragraph number names one recommendation of the cycle: a second one is refused (400). */
    private void checkReferenceFree(CountryCode country, int cycle, String reference, UUID except) {
        if (reference != null && recommendations.referenceTaken(country.value(), cycle, reference, except)) {
            throw InvalidRegisterInputException.worded("reference", "validation.reference.taken", reference);
        }
    }

    private void member(CountryCode country, int cycle, PlatformUser caller) {
        countries.find(country, caller);
        checkCycle(cycle);
    }

    /** A cycle number in a path: 1 to 99, else 400. */
    public static void checkCycle(int cycle) {
        if (cycle < 1 || cycle > 99) {
            throw InvalidRegisterInputException.worded("cycle", "validation.between", 1, 99);
        }
    }

    private Recommendation found(CountryCode country, int cycle, UUID id) {
        return recommendations.find(country.value(), cycle, id)
                .orElseThrow(() -> new RecordNotFoundException("recommendation", id));
    }

    private Recommendation newRecommendation(CountryCode country, int cycle, int ordinal, RecommendationFields fields,
            PlatformUser caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return new Recommendation(UUID.randomUUID(), country.upperCase(), cycle, ordinal, fields.session(), fields.text(),
                fields.recommendingState(), fields.position(), fields.themes(), fields.affectedGroups(),
                fields.sdgTargets(), fields.actionCategory(), fields.sourceReference(), 0, now, caller.userId(), now,
                caller.userId(), fields.reference());
    }

    private Recommendation edited(Recommendation current, RecommendationFields fields, PlatformUser caller) {
        return new Recommendation(current.id(), current.countryCode(), current.cycleNumber(), current.ordinal(),
                fields.session(), fields.text(), fields.recommendingState(), fields.position(), fields.themes(),
                fields.affectedGroups(), fields.sdgTargets(), fields.actionCategory(), fields.sourceReference(),
                current.version() + 1, current.createdAt(), current.createdBy(), OffsetDateTime.now(clock),
                caller.userId(), fields.reference());
    }

    private static RecommendationFields fieldsOf(Recommendation r) {
        return new RecommendationFields(r.session(), r.text(), r.recommendingState(), r.position(), r.themes(),
                r.affectedGroups(), r.sdgTargets(), r.actionCategory(), r.sourceReference(), r.reference());
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
