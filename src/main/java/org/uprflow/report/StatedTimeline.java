package org.uprflow.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.uprflow.cycle.Cycle;
import org.uprflow.cycle.CycleStep;
import org.uprflow.cycle.OpeningPhase;
import org.uprflow.cycle.UprCycleProcess;
import org.uprflow.matrix.MatrixAnswer;
import org.uprflow.meeting.MeetingKind;

/**
 * What happened in a cycle with the days its people stated, not the days they typed it in: the
 * phases done before the platform on the days the programme manager stated at the opening, then
 * the engine's steps, each with the days of what its forms and pages recorded (the meetings as
 * held, the adoption of the outcome, each side's answer in every round of the matrix's follow-up
 * meeting, the contributions, the publication). Reads nothing: the report has gathered all of it
 * already.
 */
final class StatedTimeline {

    /** What the report gathered of the cycle, in which the stated days are found. */
    record Stated(Cycle cycle, List<MidTermReport.Meeting> meetings, MidTermReport.MatrixSource matrix,
            List<MidTermReport.Contribution> contributions, LocalDate outcomeAdoptedOn, LocalDate publishedOn) {
    }

    private StatedTimeline() {
    }

    static List<MidTermReport.Step> happened(List<MidTermReport.Step> recorded, Stated stated) {
        List<MidTermReport.Step> steps = new ArrayList<>();
        stated.cycle().stepsDone().stream().sorted(Comparator.comparing(CycleStep::phase))
                .map(StatedTimeline::beforePlatform).forEach(steps::add);
        Map<String, Long> runs = recorded.stream().collect(Collectors.groupingBy(MidTermReport.Step::activityId,
                Collectors.counting()));
        Map<String, Integer> occurrences = new HashMap<>();
        for (MidTermReport.Step step : recorded) {
            int occurrence = occurrences.merge(step.activityId(), 1, Integer::sum);
            List<LocalDate> days = days(step, occurrence, occurrence == runs.get(step.activityId()), stated).filter(Objects::nonNull).sorted().toList();
            steps.add(days.isEmpty() ? step : new MidTermReport.Step(step.activityId(), step.name(), step.type(),
                    step.startedAt(), step.endedAt(), days.get(0),
                    step.endedAt() == null ? null : days.get(days.size() - 1), false));
        }
        return steps;
    }

    /**
     * A phase done before the platform: {@code name} is the phase (PRE_SESSION …), which the pages
     * name in the reader's language; no engine time stamps.
     */
    private static MidTermReport.Step beforePlatform(CycleStep step) {
        String activity = switch (step.phase()) {
            case PRE_SESSION -> UprCycleProcess.PRE_SESSION;
            case MATRIX_AGREEMENT -> UprCycleProcess.RECORD_FOLLOW_UP_MEETING;
            default -> step.phase().startActivity();
        };
        return new MidTermReport.Step(activity, step.phase().name(), "beforePlatform", null, null, step.doneOn(),
                step.doneOn(), true);
    }

    /**
     * The stated days of the {@code occurrence}-th run of a step (a round's follow-up meeting: round
     * n); {@code last}: no later run of it.
     */
    private static Stream<LocalDate> days(MidTermReport.Step step, int occurrence, boolean last, Stated stated) {
        MidTermReport.MatrixSource matrix = stated.matrix();
        return switch (step.activityId()) {
            case UprCycleProcess.PRE_SESSION -> heldIn(stated, OpeningPhase.PRE_SESSION);
            case UprCycleProcess.REVIEW_AND_POSITIONS -> Stream.of(stated.cycle().reviewDate(), stated.outcomeAdoptedOn());
            case UprCycleProcess.DRAFT_IMPLEMENTATION_PLAN -> heldIn(stated, OpeningPhase.IMPLEMENTATION_PLAN);
            case UprCycleProcess.COORDINATION_MEETING -> heldIn(stated, OpeningPhase.COORDINATION_MEETING);
            case UprCycleProcess.RECORD_FOLLOW_UP_MEETING -> stated.meetings().stream()
                    .filter(m -> MeetingKind.FOLLOW_UP_MEETING.name().equals(m.kind())
                            && Objects.equals(m.round(), occurrence))
                    .map(MidTermReport.Meeting::heldOn);
            case UprCycleProcess.AGREE_MATRIX_CSO -> answered(occurrence, last, matrix, "CSO",
                    matrix == null ? null : matrix.csoAgreedOn());
            case UprCycleProcess.AGREE_MATRIX_GOVERNMENT -> answered(occurrence, last, matrix, "GOVERNMENT",
                    matrix == null ? null : matrix.governmentAgreedOn());
            case UprCycleProcess.MID_TERM_REPORT -> Stream.concat(stated.contributions().stream()
                    .filter(c -> c.completedAt() != null).map(MidTermReport.Contribution::submittedOn),
                    Stream.of(stated.publishedOn()));
            default -> Stream.empty();
        };
    }

    private static Stream<LocalDate> heldIn(Stated stated, OpeningPhase phase) {
        return stated.meetings().stream().filter(m -> MeetingKind.valueOf(m.kind()).phase() == phase)
                .map(MidTermReport.Meeting::heldOn);
    }

    /**
     * The day the side stated for its answer in round {@code round} (yes or no). A report without the
     * rounds' answers (published before they were kept) dates only the last round, with the agreement
     * to the final version it covers.
     */
    private static Stream<LocalDate> answered(int round, boolean last, MidTermReport.MatrixSource matrix, String side,
            LocalDate agreedToFinal) {
        if (matrix == null) {
            return Stream.empty();
        }
        if (!matrix.answers().isEmpty()) {
            return matrix.answers().stream().filter(a -> a.round() == round && a.side().equals(side))
                    .map(MatrixAnswer::statedOn);
        }
        return last && matrix.isFinal() ? Stream.of(agreedToFinal) : Stream.empty();
    }
}
