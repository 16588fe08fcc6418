package org.uprflow.meeting;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.uprflow.cycle.CycleOpened;
import org.uprflow.cycle.CycleOpeningCheck;
import org.uprflow.cycle.InvalidCycleException.Problem;
import org.uprflow.cycle.OpenCycle;
import org.uprflow.cycle.OpeningPhase;

/**
 * The meetings a programme manager records when opening a cycle that began before the platform:
 * checked with the rest of the request (a kind of meeting, of a phase before the one the cycle
 * stands at, held by today and on its side of the review), written in the opening's transaction.
 */
@Component
class MeetingsHeldBeforePlatform implements CycleOpeningCheck {

    private final MeetingLog meetings;

    MeetingsHeldBeforePlatform(MeetingLog meetings) {
        this.meetings = meetings;
    }

    @Override
    public Map<String, Problem> problems(OpenCycle request, LocalDate today) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        OpeningPhase phase = request.phaseOrStart();
        List<OpenCycle.MeetingHeld> held = request.meetingsHeldOrNone();
        for (int i = 0; i < held.size(); i++) {
            OpenCycle.MeetingHeld meeting = held.get(i);
            String at = "meetingsHeld[" + i + "].";
            if (meeting == null) {
                problems.put(at + "kind", Problem.of("cycle.opening.meeting-kind", kinds()));
                continue;
            }
            Optional<MeetingKind> kind = kind(meeting.kind());
            if (kind.isEmpty()) {
                problems.put(at + "kind", Problem.of("cycle.opening.meeting-kind", kinds()));
            } else if (!kind.get().phase().isBefore(phase)) {
                problems.put(at + "kind", Problem.of("cycle.opening.meeting-not-before",
                        new DefaultMessageSourceResolvable(new String[] {"page.report.meeting." + kind.get()},
                                kind.get().name()), kind.get().phase().label(), phase.label()));
            }
            if (meeting.heldOn() == null) {
                problems.put(at + "heldOn", Problem.of("cycle.opening.date-missing"));
            } else if (kind.isPresent()) {
                Problem when = CycleOpeningCheck.dateProblem(meeting.heldOn(), kind.get().phase().afterReview(),
                        request.reviewDate(), today);
                if (when != null) {
                    problems.put(at + "heldOn", when);
                }
            }
            CycleOpeningCheck.linkProblems(at + "documents", meeting.documentsOrNone(), problems);
        }
        return problems;
    }

    /** Follow-up meetings are numbered as rounds in the order they were held. */
    @EventListener
    void record(CycleOpened opened) {
        List<OpenCycle.MeetingHeld> held = opened.request().meetingsHeldOrNone().stream()
                .sorted((a, b) -> a.heldOn().compareTo(b.heldOn())).toList();
        int round = 0;
        for (OpenCycle.MeetingHeld meeting : held) {
            MeetingKind kind = MeetingKind.valueOf(meeting.kind().trim().toUpperCase(Locale.ROOT));
            Integer matrixRound = kind == MeetingKind.FOLLOW_UP_MEETING ? ++round : null;
            meetings.recordHeldBefore(new Meeting(opened.cycle().countryCode(), opened.cycle().cycleNumber(), kind,
                    matrixRound, meeting.heldOn(), meeting.place(), meeting.organisers(), meeting.csoAttendance(),
                    meeting.governmentAttendance(), meeting.nhriAttendance(), meeting.agreed(),
                    meeting.documentsOrNone(), null, null, opened.cycle().openedAt(), opened.openedBy().userId()));
        }
    }

    private static Optional<MeetingKind> kind(String name) {
        return name == null ? Optional.empty() : Arrays.stream(MeetingKind.values())
                .filter(kind -> kind.name().equals(name.trim().toUpperCase(Locale.ROOT))).findFirst();
    }

    private static String kinds() {
        return Arrays.stream(MeetingKind.values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
