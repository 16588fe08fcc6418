package org.uprflow.report;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.stream.Collectors;

import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.uprflow.recommendation.ImplementationStatus;

/**
 * The report as a PDF (Apache PDFBox), in the reader's language (the page texts of the message
 * bundle). A draft says so at the top of every page; a published report names who published it
 * and when. Rendered from the report's content, so a published report prints the same content
 * however the matrix changed after.
 */
@Component
class ReportPdf {

    private static final float[] DRAFT_COLOUR = {0.75f, 0.1f, 0.1f};
    private static final float[] PUBLISHED_COLOUR = {0.1f, 0.35f, 0.2f};
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final MessageSource messages;

    ReportPdf(MessageSource messages) {
        this.messages = messages;
    }

    byte[] render(MidTermReport report, Locale locale) {
        Labels t = new Labels(messages, locale);
        boolean draft = report.state() == MidTermReport.State.DRAFT;
        String state = draft ? t.get("page.report.draft", at(report.compiledAt()))
                : t.get("page.report.published", report.publishedOn() != null ? report.publishedOn().toString()
                        : at(report.publishedAt()), report.publishedBy());
        try (PdfPages pages = new PdfPages(report.businessKey() + " · " + state,
                draft ? DRAFT_COLOUR : PUBLISHED_COLOUR)) {
            describe(pages, report, t);
            pages.title(t.get("page.report.title") + ": " + report.countryName());
            pages.strong(state, 0);
            pages.text(t.get("page.report.cycle", report.cycleNumber(), report.wgSession(), report.reviewDate())
                    + (report.outcomeAdoptedOn() == null ? ""
                            : " · " + t.get("page.report.adopted-on", report.outcomeAdoptedOn().toString())));
            pages.text(report.matrix() == null ? t.get("page.report.matrix.none")
                    : t.get("page.report.matrix", report.matrix().version(),
                            t.get("page.report.matrix." + report.matrix().status()))
                            + (report.matrix().finalisedOn() == null ? ""
                                    : " · " + t.get("page.report.matrix.finalised-on", report.matrix().finalisedOn().toString())));
            if (report.draftReason() != null) {
                pages.strong(t.get("page.report.draft-reason", report.draftReason()), 0);
            }
            summary(pages, report, t);
            themes(pages, report, t);
            entries(pages, report, t);
            recommendations(pages, report, t);
            contributions(pages, report, t);
            meetings(pages, report, t);
            timeline(pages, report, t);
            if (pages.replaced() > 0) {
                pages.gap(8);
                pages.text(t.get("page.report.pdf.replaced", pages.replaced()));
            }
            return pages.bytes();
        }
    }

    private static void describe(PdfPages pages, MidTermReport report, Labels t) {
        PDDocumentInformation info = pages.document().getDocumentInformation();
        info.setTitle(t.get("page.report.title") + " " + report.businessKey());
        info.setSubject(report.countryName() + ", " + report.state());
        info.setCreator("UPR Flow");
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        created.setTimeInMillis(report.compiledAt().toInstant().toEpochMilli());
        info.setCreationDate(created);
    }

    private static void summary(PdfPages pages, MidTermReport report, Labels t) {
        pages.heading(t.get("page.report.summary"));
        pages.text(t.get("page.report.recommendations.count", report.recommendations().size()));
        pages.text(t.get("page.report.positions", report.positions().supported(), report.positions().noted(),
                report.positions().none()));
        pages.text(counts(report.totals(), t));
    }

    private static void themes(PdfPages pages, MidTermReport report, Labels t) {
        pages.heading(t.get("page.report.themes"));
        for (MidTermReport.ThemeStatus theme : report.themes()) {
            pages.strong(theme.theme() + " (" + theme.counts().total() + ")", 0);
            pages.text(counts(theme.counts(), t), 12);
        }
    }

    private static void entries(PdfPages pages, MidTermReport report, Labels t) {
        pages.heading(t.get("page.report.entries"));
        for (MidTermReport.Entry entry : report.entries()) {
            pages.gap(4);
            pages.strong(entry.themeCluster() + " — " + status(entry.status(), t), 0);
            pages.text(join(t.get("page.report.entry.goal"), entry.goal()), 12);
            pages.text(join(t.get("page.report.entry.actions"), entry.actions()), 12);
            pages.text(join(t.get("page.report.entry.indicators"), entry.indicators()), 12);
            pages.text(join(t.get("page.report.entry.institution"), entry.responsibleInstitution()), 12);
            pages.text(join(t.get("page.report.entry.timeline"), entry.timeline()), 12);
            pages.text(join(t.get("page.report.entry.recommendations"), cited(entry).stream()
                    .collect(Collectors.joining(", "))), 12);
            notes(pages, t.get("page.report.reports"), entry.reports(), t);
            notes(pages, t.get("page.report.assessments"), entry.assessments(), t);
        }
    }

    /** The UN paragraph numbers where the register has them; a report published before them has the numbers. */
    static List<String> cited(MidTermReport.Entry entry) {
        return entry.citations() != null ? entry.citations()
                : entry.recommendations().stream().map(String::valueOf).toList();
    }

    private static void notes(PdfPages pages, String heading, List<MidTermReport.Note> notes, Labels t) {
        if (notes.isEmpty()) {
            return;
        }
        pages.strong(heading, 12);
        for (MidTermReport.Note note : notes) {
            pages.text(t.get("page.report.note", t.get("page.report.side." + note.authorRole()), note.author(),
                    at(note.at()), status(note.status(), t)), 24);
            pages.text(note.text(), 36);
        }
    }

    private static void recommendations(PdfPages pages, MidTermReport report, Labels t) {
        pages.heading(t.get("page.report.recommendations"));
        for (MidTermReport.RecommendationStatus r : report.recommendations()) {
            String position = t.get("page.report.position." + (r.position() == null ? "none" : r.position().name()));
            pages.strong((r.citation() != null ? r.citation() : String.valueOf(r.ordinal())) + ". " + r.recommendingState() + " · " + position + " · "
                    + status(r.status(), t), 0);
            pages.text(r.text(), 12);
        }
    }

    private static void contributions(PdfPages pages, MidTermReport report, Labels t) {
        pages.heading(t.get("page.report.contributions"));
        for (MidTermReport.Contribution c : report.contributions()) {
            String side = t.get("page.report.side." + c.side());
            pages.text(c.completedAt() == null ? side + ": " + t.get("page.report.contribution.open")
                    : t.get("page.report.contribution", side, c.completedBy(),
                            c.submittedOn() != null ? c.submittedOn().toString() : at(c.completedAt()),
                            c.fullyImplemented(), c.partiallyImplemented(), c.link()));
        }
    }

    private static void meetings(PdfPages pages, MidTermReport report, Labels t) {
        pages.heading(t.get("page.report.meetings"));
        if (report.meetings().isEmpty()) {
            pages.text(t.get("page.report.meetings.none"));
        }
        for (MidTermReport.Meeting meeting : report.meetings()) {
            String title = t.get("page.report.meeting." + meeting.kind())
                    + (meeting.round() == null ? "" : " " + meeting.round());
            pages.strong(meeting.heldOn() + " · " + title
                    + (meeting.place() == null ? "" : " · " + meeting.place()), 0);
            if (meeting.organisers() != null) {
                pages.text(t.get("page.report.meeting.organisers", meeting.organisers()), 12);
            }
            pages.text(attendance(meeting, t), 12);
            if (meeting.agreed() != null) {
                pages.text(t.get("page.report.meeting.agreed", meeting.agreed()), 12);
            }
            if (meeting.documents() != null && !meeting.documents().isEmpty()) {
                pages.text(t.get("page.report.meeting.documents") + ": " + String.join(" · ", meeting.documents()), 12);
            }
        }
    }

    private static String attendance(MidTermReport.Meeting meeting, Labels t) {
        List<String> sides = new ArrayList<>();
        if (meeting.cso() != null) {
            sides.add(t.get("page.report.side.CSO") + ": " + meeting.cso());
        }
        if (meeting.government() != null) {
            sides.add(t.get("page.report.side.GOVERNMENT") + ": " + meeting.government());
        }
        if (meeting.nhri() != null) {
            sides.add(t.get("page.report.side.NHRI") + ": " + meeting.nhri());
        }
        return String.join(" · ", sides);
    }

    private static void timeline(PdfPages pages, MidTermReport report, Labels t) {
        pages.heading(t.get("page.report.timeline"));
        pages.strong(t.get("page.report.happened"), 0);
        for (MidTermReport.Step step : report.timeline().happened()) {
            String started = step.startedOn() != null ? step.startedOn().toString() : at(step.startedAt());
            String ended = step.endedOn() != null ? step.endedOn().toString()
                    : step.endedAt() == null ? t.get("page.report.running") : at(step.endedAt());
            String name = step.beforePlatform() ? t.get("page.dashboard.phase." + step.name()) + " ("
                    + t.get("page.dashboard.timeline.before-platform") + ")"
                    : step.name() == null ? step.activityId() : step.name();
            pages.text(started + " → " + ended + "  " + name, 12);
        }
        pages.strong(t.get("page.report.planned"), 0);
        for (MidTermReport.PlannedDate due : report.timeline().planned()) {
            pages.text(due.due().substring(0, Math.min(10, due.due().length())) + "  "
                    + t.get("page.report.due." + due.name()), 12);
        }
    }

    private static String counts(MidTermReport.StatusCounts c, Labels t) {
        return String.join(" · ", status(ImplementationStatus.FULLY_IMPLEMENTED, t) + ": " + c.fullyImplemented(),
                status(ImplementationStatus.PARTIALLY_IMPLEMENTED, t) + ": " + c.partiallyImplemented(),
                status(ImplementationStatus.IN_PROCESS, t) + ": " + c.inProcess(),
                status(ImplementationStatus.LITTLE_OR_NO_ACTION, t) + ": " + c.littleOrNoAction(),
                status(ImplementationStatus.NOT_STARTED, t) + ": " + c.notStarted(),
                status(null, t) + ": " + c.notInMatrix());
    }

    private static String status(ImplementationStatus status, Labels t) {
        return t.get("page.report.status." + (status == null ? "none" : status.name()));
    }

    private static String join(String label, String value) {
        return value == null || value.isBlank() ? null : label + ": " + value;
    }

    private static String at(OffsetDateTime time) {
        return time == null ? "" : MINUTE.format(time.atZoneSameInstant(ZoneOffset.UTC));
    }

    /** The page texts of the bundle in one language. */
    private record Labels(MessageSource messages, Locale locale) {

        String get(String key, Object... arguments) {
            return messages.getMessage(key, arguments, key, locale);
        }
    }
}
