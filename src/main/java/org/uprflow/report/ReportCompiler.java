package org.uprflow.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.uprflow.cycle.Cycle;
import org.uprflow.cycle.CycleCalendar;
import org.uprflow.cycle.CycleStep;
import org.uprflow.cycle.OpeningPhase;
import org.uprflow.cycle.ReviewAndPositionsProcess;
import org.uprflow.cycle.TaskInputRules;
import org.uprflow.matrix.ImplementationMatrix;
import org.uprflow.matrix.MatrixEntry;
import org.uprflow.matrix.MatrixSnapshot;
import org.uprflow.matrix.MatrixVersion;
import org.uprflow.matrix.ProgressNote;
import org.uprflow.meeting.MeetingLog;
import org.uprflow.recommendation.ImplementationStatus;
import org.uprflow.recommendation.Position;
import org.uprflow.recommendation.Recommendation;
import org.uprflow.recommendation.RecommendationFilter;
import org.uprflow.recommendation.RecommendationRegister;
import org.uprflow.recommendation.ResultPage;
import org.uprflow.security.PlatformUser;
import org.uprflow.shared.CountryCode;

/**
 * Compiles a cycle's report from the register, the matrix and its progress notes, the meeting
 * log and the engine's history. Reads a fixed number of queries per report (the register in pages of 200),
 * whatever the number of recommendations, rows or notes.
 */
@Component
class ReportCompiler {

    private final RecommendationRegister register;
    private final ImplementationMatrix matrix;
    private final CycleHistory history;
    private final CycleCalendar calendar;
    private final MeetingLog meetings;

    ReportCompiler(RecommendationRegister register, ImplementationMatrix matrix, CycleHistory history,
            CycleCalendar calendar, MeetingLog meetings) {
        this.register = register;
        this.matrix = matrix;
        this.history = history;
        this.calendar = calendar;
        this.meetings = meetings;
    }

    /** {@code publishedOn}: the day the report is published as stated, when compiled to be published; else null. */
    MidTermReport compile(CountryCode country, Cycle cycle, String countryName, boolean publishable,
            OffsetDateTime now, PlatformUser caller, LocalDate publishedOn) {
        List<Recommendation> recommendations = recommendations(country, cycle.cycleNumber(), caller);
        MatrixSnapshot snapshot = matrix.forReport(country, cycle.cycleNumber(), caller).orElse(null);
        List<MatrixEntry> rows = snapshot == null ? List.of() : snapshot.entries();

        Map<UUID, Integer> ordinals = new HashMap<>();
        recommendations.forEach(r -> ordinals.put(r.id(), r.ordinal()));
        Map<UUID, List<MatrixEntry>> rowsOf = new HashMap<>();
        for (MatrixEntry row : rows) {
            row.recommendationIds().forEach(id -> rowsOf.computeIfAbsent(id, k -> new ArrayList<>()).add(row));
        }

        List<MidTermReport.RecommendationStatus> statuses = recommendations.stream()
                .map(r -> status(r, rowsOf.getOrDefault(r.id(), List.of()))).toList();
        List<MidTermReport.Entry> entries = rows.stream()
                .map(row -> entry(row, ordinals, snapshot.progressOf(row.key()))).toList();

        MidTermReport.MatrixSource source = snapshot == null ? null : source(snapshot);
        List<MidTermReport.Contribution> contributions = history.contributions(cycle);
        List<MidTermReport.Meeting> held = meetings(country, cycle);
        Map<String, String> planned = new LinkedHashMap<>(calendar.schedule(cycle.reviewDate()));
        Set<String> names = new HashSet<>(planned.keySet());
        names.add(ReviewAndPositionsProcess.OUTCOME_ADOPTED_ON);
        Map<String, String> dates = history.dates(cycle, names);
        LocalDate adoptedOn = outcomeAdoptedOn(cycle, dates.remove(ReviewAndPositionsProcess.OUTCOME_ADOPTED_ON));
        planned.putAll(dates);
        MidTermReport.Timeline timeline = new MidTermReport.Timeline(planned.entrySet().stream()
                .map(due -> new MidTermReport.PlannedDate(due.getKey(), due.getValue())).toList(),
                StatedTimeline.happened(history.steps(cycle),
                        new StatedTimeline.Stated(cycle, held, source, contributions, adoptedOn, publishedOn)));

        return new MidTermReport(country.upperCase(), countryName, cycle.cycleNumber(), cycle.businessKey(),
                cycle.wgSession(), cycle.reviewDate(), MidTermReport.State.DRAFT, now, null, null, publishable,
                source, counts(statuses), positions(recommendations), themes(statuses), statuses, entries,
                contributions, held, timeline, null, adoptedOn, publishedOn);
    }

    private static MidTermReport.MatrixSource source(MatrixSnapshot snapshot) {
        MatrixVersion version = snapshot.version();
        return new MidTermReport.MatrixSource(version.number(), version.status(), version.finalisedAt(),
                version.finalisedBy(), version.finalisedOn(), version.csoAgreedOn(), version.governmentAgreedOn(),
                snapshot.answers());
    }

    /**
     * The day the outcome was adopted as stated: in its task's form (handed up to the cycle when the
     * review's phase ended), else the day the review's phase was done before the platform.
     */
    private static LocalDate outcomeAdoptedOn(Cycle cycle, String stated) {
        LocalDate adopted = TaskInputRules.day(stated);
        return adopted != null ? adopted : cycle.stepsDone().stream()
                .filter(step -> step.phase() == OpeningPhase.REVIEW_AND_POSITIONS).map(CycleStep::doneOn)
                .findFirst().orElse(null);
    }

    private List<Recommendation> recommendations(CountryCode country, int cycle, PlatformUser caller) {
        List<Recommendation> all = new ArrayList<>();
        ResultPage<Recommendation> page;
        int number = 0;
        do {
            page = register.list(country, cycle, RecommendationFilter.ALL, number++,
                    RecommendationRegister.MAX_PAGE_SIZE, caller);
            all.addAll(page.items());
        } while (all.size() < page.total() && !page.items().isEmpty());
        return all;
    }

    /** The least advanced status of the rows covering the recommendation; null when none does. */
    private static MidTermReport.RecommendationStatus status(Recommendation r, List<MatrixEntry> rows) {
        ImplementationStatus least = rows.stream().map(MatrixEntry::status)
                .max(Comparator.comparingInt(ReportCompiler::lag)).orElse(null);
        return new MidTermReport.RecommendationStatus(r.ordinal(), r.text(), r.recommendingState(), r.position(),
                r.themes(), least, rows.stream().map(MatrixEntry::themeCluster).distinct().toList(), r.citation());
    }

    /** How far behind a status is: not started lags furthest. */
    private static int lag(ImplementationStatus status) {
        return switch (status) {
            case FULLY_IMPLEMENTED -> 0;
            case PARTIALLY_IMPLEMENTED -> 1;
            case IN_PROCESS -> 2;
            case LITTLE_OR_NO_ACTION -> 3;
            case NOT_STARTED -> 4;
        };
    }

    private static MidTermReport.Entry entry(MatrixEntry row, Map<UUID, Integer> ordinals, List<ProgressNote> notes) {
        return new MidTermReport.Entry(row.key(), row.themeCluster(), row.goal(), row.actions(), row.indicators(),
                row.responsibleInstitution(), row.timeline(), row.status(),
                row.recommendationIds().stream().map(ordinals::get).filter(Objects::nonNull).sorted().toList(),
                notes(notes, ProgressNote.Kind.REPORT), notes(notes, ProgressNote.Kind.ASSESSMENT),
                row.recommendationCitations());
    }

    private static List<MidTermReport.Note> notes(List<ProgressNote> notes, ProgressNote.Kind kind) {
        return notes.stream().filter(n -> n.kind() == kind)
                .map(n -> new MidTermReport.Note(n.authorRole(), n.createdBy(), n.createdAt(), n.status(), n.text()))
                .toList();
    }

    static MidTermReport.StatusCounts counts(List<MidTermReport.RecommendationStatus> statuses) {
        long[] counts = new long[ImplementationStatus.values().length + 1];
        for (MidTermReport.RecommendationStatus s : statuses) {
            counts[s.status() == null ? counts.length - 1 : s.status().ordinal()]++;
        }
        return new MidTermReport.StatusCounts(counts[ImplementationStatus.FULLY_IMPLEMENTED.ordinal()],
                counts[ImplementationStatus.PARTIALLY_IMPLEMENTED.ordinal()],
                counts[ImplementationStatus.IN_PROCESS.ordinal()],
                counts[ImplementationStatus.LITTLE_OR_NO_ACTION.ordinal()],
                counts[ImplementationStatus.NOT_STARTED.ordinal()], counts[counts.length - 1]);
    }

    private static MidTermReport.PositionCounts positions(List<Recommendation> recommendations) {
        long supported = recommendations.stream().filter(r -> r.position() == Position.SUPPORTED).count();
        long noted = recommendations.stream().filter(r -> r.position() == Position.NOTED).count();
        // supported in part (issue 11) is neither, and not "no position" either
        long none = recommendations.stream().filter(r -> r.position() == null).count();
        return new MidTermReport.PositionCounts(supported, noted, none);
    }

    /** Per theme of the register, alphabetically; a recommendation with several themes counts in each. */
    private static List<MidTermReport.ThemeStatus> themes(List<MidTermReport.RecommendationStatus> statuses) {
        Map<String, List<MidTermReport.RecommendationStatus>> byTheme = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (MidTermReport.RecommendationStatus s : statuses) {
            s.themes().forEach(theme -> byTheme.computeIfAbsent(theme, k -> new ArrayList<>()).add(s));
        }
        return byTheme.entrySet().stream()
                .map(theme -> new MidTermReport.ThemeStatus(theme.getKey(), counts(theme.getValue()))).toList();
    }

    private List<MidTermReport.Meeting> meetings(CountryCode country, Cycle cycle) {
        return meetings.ofCycle(country.value(), cycle.cycleNumber()).stream()
                .map(m -> new MidTermReport.Meeting(m.kind().name(), m.matrixRound(), m.heldOn(), m.place(),
                        m.csoAttendance(), m.governmentAttendance(), m.nhriAttendance(), m.organisers(), m.agreed(),
                        m.documents()))
                .toList();
    }
}

