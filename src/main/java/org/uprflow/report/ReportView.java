package org.uprflow.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.MessageSource;
import org.uprflow.cycle.OpeningPhase;
import org.uprflow.cycle.UprCycleProcess;
import org.uprflow.recommendation.ImplementationStatus;
import org.uprflow.recommendation.Position;

/**
 * What the report's template shows, in one language: the report's content arranged as a
 * stakeholder's report (cover, introduction and method, summary, themes, clusters, meetings,
 * contributions, annex), with every label, status and date already in the reader's language.
 * The template only places it; the page, the public page and the PDF read the same view.
 */
public final class ReportView {

    /** The statuses in the order of the summary, the chart and the theme table; null is "not in the matrix". */
    static final List<ImplementationStatus> STATUSES = java.util.Arrays.asList(ImplementationStatus.FULLY_IMPLEMENTED,
            ImplementationStatus.PARTIALLY_IMPLEMENTED, ImplementationStatus.IN_PROCESS,
            ImplementationStatus.LITTLE_OR_NO_ACTION, ImplementationStatus.NOT_STARTED, null);

    /** The cycle's phases by the activity that runs them, which the report names as the dashboard does. */
    private static final Map<String, String> PHASES = new HashMap<>();

    static {
        for (OpeningPhase phase : OpeningPhase.values()) {
            PHASES.put(phase.startActivity(), phase.name());
        }
        PHASES.put(UprCycleProcess.PRE_SESSION, OpeningPhase.PRE_SESSION.name());
        PHASES.put(UprCycleProcess.CYCLE_CLOSED, "CLOSED");
    }

    final MidTermReport report;
    final Locale locale;
    private final MessageSource messages;
    private final DateTimeFormatter dates;

    ReportView(MidTermReport report, Locale locale, MessageSource messages) {
        this.report = report;
        this.locale = locale;
        this.messages = messages;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    }

    /** A label of the bundle in the reader's language. */
    public String t(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    public String language() {
        return locale.getLanguage();
    }

    public boolean draft() {
        return report.state() == MidTermReport.State.DRAFT;
    }

    /** The PDF's title (its document information): "Mid-term report AM-2". */
    public String documentTitle() {
        return t("page.report.title") + " " + report.businessKey();
    }

    public String businessKey() {
        return report.businessKey();
    }

    public String countryName() {
        return report.countryName();
    }

    public String state() {
        return report.state().name();
    }

    public String title() {
        return t("page.report.doc.title", report.countryName());
    }

    /** Draft, compiled on ...; or published on ... by ... */
    public String stateLine() {
        return draft() ? t("page.report.doc.state.draft", date(report.compiledAt()))
                : t("page.report.doc.state.published", publishedOn(), report.publishedBy());
    }

    /** The day it was published as the programme manager stated it; a report published before she could: the day it was. */
    private String publishedOn() {
        return report.publishedOn() != null ? date(report.publishedOn()) : date(report.publishedAt());
    }

    public String reviewLine() {
        String review = t("page.report.doc.review", report.cycleNumber(), date(report.reviewDate()), report.wgSession());
        return report.outcomeAdoptedOn() == null ? review
                : review + " · " + t("page.report.adopted-on", date(report.outcomeAdoptedOn()));
    }

    public String matrixLine() {
        MidTermReport.MatrixSource matrix = report.matrix();
        if (matrix == null) {
            return t("page.report.matrix.none");
        }
        if (matrix.finalisedAt() == null && matrix.finalisedOn() == null) {
            return t("page.report.matrix", matrix.version(), t("page.report.matrix." + matrix.status()));
        }
        // the day the sides stated they agreed; a matrix finalised before the platform asked: the day it was
        return t("page.report.doc.matrix.final", matrix.version(),
                matrix.finalisedOn() != null ? date(matrix.finalisedOn()) : date(matrix.finalisedAt()));
    }

    public String preparedBy() {
        return t("page.report.doc.prepared", report.countryName());
    }

    public String draftReason() {
        return report.draftReason() == null ? null : t("page.report.draft-reason", report.draftReason());
    }

    // Introduction and method

    public String introduction() {
        return t("page.report.doc.intro", report.countryName(), report.recommendations().size(),
                date(report.reviewDate()), report.wgSession(), report.cycleNumber());
    }

    public String method() {
        String matrix = report.matrix() == null ? t("page.report.doc.method.no-matrix")
                : t(report.matrix().isFinal() ? "page.report.doc.method.matrix" : "page.report.doc.method.matrix.draft",
                        report.matrix().version());
        return t("page.report.doc.method", matrix, date(report.reviewDate()),
                report.state() == MidTermReport.State.PUBLISHED ? publishedOn() : date(report.compiledAt()),
                report.meetings().size());
    }

    public String contributors() {
        List<String> sides = report.contributions().stream().filter(c -> c.completedAt() != null)
                .map(c -> t("page.report.side." + c.side())).toList();
        return sides.isEmpty() ? t("page.report.doc.contributors.none")
                : t("page.report.doc.contributors", String.join(", ", sides));
    }

    // Summary

    public String recommendationCount() {
        return t("page.report.recommendations.count", report.recommendations().size());
    }

    /** Supported, noted, supported in part, no position: each with its count. */
    public List<Figure> positions() {
        long supportedInPart = report.recommendations().stream()
                .filter(r -> r.position() == Position.SUPPORTED_IN_PART).count();
        return List.of(new Figure(t("page.report.position.SUPPORTED"), report.positions().supported(), null),
                new Figure(t("page.report.position.SUPPORTED_IN_PART"), supportedInPart, null),
                new Figure(t("page.report.position.NOTED"), report.positions().noted(), null),
                new Figure(t("page.report.position.none"), report.positions().none(), null));
    }

    /** Each status with its count, in the chart's order ({@code key} names the colour). */
    public List<Figure> totals() {
        return figures(report.totals());
    }

    public List<String> statusNames() {
        return STATUSES.stream().map(this::status).toList();
    }

    public String chartDescription() {
        return t("page.report.doc.chart.alt", totals().stream().map(f -> f.label() + ": " + f.count())
                .reduce((a, b) -> a + "; " + b).orElse(""));
    }

    public List<ThemeRow> themes() {
        return report.themes().stream().map(theme -> new ThemeRow(theme.theme(),
                figures(theme.counts()).stream().map(Figure::count).toList(), theme.counts().total())).toList();
    }

    // Clusters

    /** The matrix rows grouped by their cluster, in the matrix's order of first appearance. */
    public List<Cluster> clusters() {
        Map<String, List<Row>> byCluster = new LinkedHashMap<>();
        for (MidTermReport.Entry entry : report.entries()) {
            byCluster.computeIfAbsent(entry.themeCluster(), k -> new ArrayList<>()).add(row(entry));
        }
        return byCluster.entrySet().stream().map(c -> new Cluster(c.getKey(), c.getValue())).toList();
    }

    private Row row(MidTermReport.Entry entry) {
        List<NoteView> government = notes(entry.reports());
        List<NoteView> cso = notes(entry.assessments().stream().filter(n -> "CSO".equals(n.authorRole())).toList());
        List<NoteView> nhri = notes(entry.assessments().stream().filter(n -> "NHRI".equals(n.authorRole())).toList());
        // assessments written by another role (a programme manager) stay visible, with the CSOs'
        List<NoteView> others = notes(entry.assessments().stream()
                .filter(n -> !"CSO".equals(n.authorRole()) && !"NHRI".equals(n.authorRole())).toList());
        List<NoteView> csoAndOthers = new ArrayList<>(cso);
        csoAndOthers.addAll(others);
        ImplementationStatus reported = latest(entry.reports());
        List<String> disagreements = new ArrayList<>();
        for (String side : List.of("CSO", "NHRI")) {
            ImplementationStatus assessed = latest(entry.assessments().stream()
                    .filter(n -> side.equals(n.authorRole())).toList());
            if (reported != null && assessed != null && assessed != reported) {
                disagreements.add(t("page.report.doc.disagree", t("page.report.side." + side), status(assessed),
                        status(reported)));
            }
        }
        return new Row(String.join(", ", ReportPdf.cited(entry)), text(entry.goal()), text(entry.actions()),
                text(entry.indicators()), text(entry.responsibleInstitution()), text(entry.timeline()),
                status(entry.status()), key(entry.status()),
                List.of(side("page.report.doc.side.government", "page.report.doc.reports.none", government),
                        side("page.report.doc.side.cso", "page.report.doc.assessments.none", csoAndOthers),
                        side("page.report.doc.side.nhri", "page.report.doc.assessments.none", nhri)),
                disagreements);
    }

    /** The status of the latest note that gives one. */
    private static ImplementationStatus latest(List<MidTermReport.Note> notes) {
        return notes.stream().filter(n -> n.status() != null)
                .max(Comparator.comparing(MidTermReport.Note::at, Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(MidTermReport.Note::status).orElse(null);
    }

    /**
     * A side's column: its latest note in full, the earlier ones as their date and status only. A
     * report states where each side stands now; two years of quarterly notes in full made one PDF of
     * a real country run to a hundred pages and seconds of rendering (issue 14), and the register's
     * page and CSV keep every note.
     */
    private Side side(String heading, String empty, List<NoteView> notes) {
        List<NoteView> newestFirst = new ArrayList<>(notes);
        Collections.reverse(newestFirst);
        NoteView latest = newestFirst.isEmpty() ? null : newestFirst.get(0);
        List<String> earlier = newestFirst.stream().skip(1)
                .map(n -> n.status() == null ? n.date() : n.date() + ": " + n.status()).toList();
        return new Side(t(heading), t(empty), latest,
                earlier.isEmpty() ? null : t("page.report.doc.earlier", earlier.size(), String.join(" · ", earlier)));
    }

    private List<NoteView> notes(List<MidTermReport.Note> notes) {
        return notes.stream().map(n -> new NoteView(date(n.at()), n.author(),
                n.status() == null ? null : status(n.status()), n.text())).toList();
    }

    // Meetings, contributions, calendar, annex

    public List<MeetingRow> meetings() {
        return report.meetings().stream().map(m -> new MeetingRow(date(m.heldOn()),
                t("page.report.meeting." + m.kind()) + (m.round() == null ? "" : " " + m.round()), m.place(),
                m.organisers(), count(m.cso()), count(m.government()), count(m.nhri()), m.agreed(),
                m.documents() == null ? List.of() : m.documents())).toList();
    }

    public List<ContributionRow> contributions() {
        return report.contributions().stream().map(c -> new ContributionRow(t("page.report.side." + c.side()),
                c.completedAt() == null ? t("page.report.doc.contribution.open")
                        : t("page.report.doc.contribution",
                                c.submittedOn() != null ? date(c.submittedOn()) : date(c.completedAt()), c.completedBy()),
                c.completedAt() == null || c.fullyImplemented() == null ? null
                        : t("page.report.doc.contribution.figures", c.fullyImplemented(),
                                c.partiallyImplemented() == null ? 0 : c.partiallyImplemented()),
                c.link())).toList();
    }

    public List<DateRow> calendar() {
        return report.timeline() == null ? List.of() : report.timeline().planned().stream()
                .map(d -> new DateRow(t("page.report.due." + d.name()), dateText(d.due()))).toList();
    }

    /**
     * What happened in the cycle, on the days its people stated (the meetings as held, the adoption,
     * the matrix's agreement, the contributions, the publication), else on the day the platform
     * recorded it; the phases done before the platform marked as such. Named in the reader's language.
     */
    public List<StepRow> steps() {
        return report.timeline() == null ? List.of() : report.timeline().happened().stream()
                .map(s -> new StepRow(stepDays(s), stepName(s), s.beforePlatform())).toList();
    }

    private String stepDays(MidTermReport.Step step) {
        String from = step.startedOn() != null ? date(step.startedOn()) : date(step.startedAt());
        String to = step.endedOn() != null ? date(step.endedOn())
                : step.endedAt() != null ? date(step.endedAt()) : t("page.report.running");
        return from.equals(to) ? from : from + " → " + to;
    }

    private String stepName(MidTermReport.Step step) {
        if (step.beforePlatform()) {
            return t("page.dashboard.phase." + step.name()) + " (" + t("page.dashboard.timeline.before-platform") + ")";
        }
        String phase = PHASES.get(step.activityId());
        if (phase != null) {
            return t("page.dashboard.phase." + phase);
        }
        String task = messages.getMessage("notice.task." + step.activityId() + ".name", null, null, locale);
        return task != null ? task : step.name() != null ? step.name() : step.activityId();
    }

    public List<AnnexRow> annex() {
        return report.recommendations().stream().map(r -> new AnnexRow(
                r.citation() != null ? r.citation() : String.valueOf(r.ordinal()), r.text(), r.recommendingState(),
                t("page.report.position." + (r.position() == null ? "none" : r.position().name())),
                status(r.status()), key(r.status()), String.join(", ", r.themes()))).toList();
    }

    // Formatting

    public String status(ImplementationStatus status) {
        return t("page.report.status." + (status == null ? "none" : status.name()));
    }

    public static String key(ImplementationStatus status) {
        return status == null ? "none" : status.name();
    }

    private List<Figure> figures(MidTermReport.StatusCounts c) {
        long[] counts = {c.fullyImplemented(), c.partiallyImplemented(), c.inProcess(), c.littleOrNoAction(),
            c.notStarted(), c.notInMatrix()};
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            figures.add(new Figure(status(STATUSES.get(i)), counts[i], key(STATUSES.get(i))));
        }
        return figures;
    }

    private String count(Integer attendance) {
        return attendance == null ? "–" : String.valueOf(attendance);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public String date(OffsetDateTime time) {
        return time == null ? "" : dates.format(time.atZoneSameInstant(ZoneOffset.UTC).toLocalDate());
    }

    public String date(LocalDate day) {
        return day == null ? "" : dates.format(day);
    }

    /** A due date as the process holds it (an ISO date, perhaps with a time); printed as a date. */
    private String dateText(String due) {
        try {
            return date(LocalDate.parse(due.substring(0, Math.min(10, due.length()))));
        } catch (RuntimeException notADate) {
            return Objects.toString(due, "");
        }
    }

    public record Figure(String label, long count, String key) {
    }

    public record ThemeRow(String theme, List<Long> counts, long total) {
    }

    public record Cluster(String name, List<Row> rows) {
    }

    public record Row(String citations, String goal, String actions, String indicators, String institution, String timeline,
            String status, String statusKey, List<Side> sides, List<String> disagreements) {
    }

    /** One side's column beside a matrix row: the government's reports, the CSOs' or the NHRI's assessments. */
    public record Side(String heading, String empty, NoteView latest, String earlier) {
    }

    public record NoteView(String date, String author, String status, String text) {
    }

    public record MeetingRow(String date, String kind, String place, String organisers, String cso, String government,
            String nhri, String agreed, List<String> documents) {
    }

    public record ContributionRow(String side, String state, String figures, String link) {
    }

    public record DateRow(String name, String date) {
    }

    /** A step of the cycle: its days ("from → to", one day when it began and ended on it) and its name. */
    public record StepRow(String days, String name, boolean beforePlatform) {
    }

    public record AnnexRow(String citation, String text, String state, String position, String status, String statusKey,
            String themes) {
    }
}
