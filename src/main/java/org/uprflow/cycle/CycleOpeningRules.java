package org.uprflow.cycle;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.uprflow.cycle.InvalidCycleException.Problem;

/**
 * What makes a request to open a cycle contradict itself: a phase the review date has not reached,
 * a step done after today or after the phase the cycle stands at, a date on the wrong side of the
 * review, a known date of a step still to do that has passed. Checked before anything starts.
 */
@Component
class CycleOpeningRules {

    private final CycleCalendar calendar;
    private final List<CycleOpeningCheck> checks;

    CycleOpeningRules(CycleCalendar calendar, List<CycleOpeningCheck> checks) {
        this.calendar = calendar;
        this.checks = List.copyOf(checks);
    }

    void check(OpenCycle request, LocalDate today) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        OpeningPhase phase = request.phaseOrStart();
        LocalDate review = request.reviewDate();
        if (phase.afterReview() && review.isAfter(today)) {
            problems.put("phase", Problem.of("cycle.opening.review-ahead", phase.label(), review));
        }
        knownDates(request, today, problems);
        stepsDone(request, phase, review, today, problems);
        for (CycleOpeningCheck check : checks) {
            problems.putAll(check.problems(request, today));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCycleException(problems);
        }
    }

    /**
     * A known date names a date of the calendar and lies ahead: the dates of steps already done
     * are stated in {@code stepsDone} and {@code meetingsHeld}, not as due dates that would fire.
     */
    private void knownDates(OpenCycle request, LocalDate today, Map<String, Problem> problems) {
        Set<String> knowable = calendar.schedule(request.reviewDate()).keySet();
        for (Map.Entry<String, LocalDate> known : request.knownDatesOrNone().entrySet()) {
            String field = "knownDates." + known.getKey();
            if (!knowable.contains(known.getKey())) {
                problems.put(field, Problem.of("cycle.opening.known-date.unknown", String.join(", ", knowable)));
            } else if (known.getValue() == null) {
                problems.put(field, Problem.of("cycle.opening.date-missing"));
            } else if (known.getValue().isBefore(today)) {
                problems.put(field, Problem.of("cycle.opening.known-date.past", known.getValue(), today));
            }
        }
    }

    private static void stepsDone(OpenCycle request, OpeningPhase phase, LocalDate review, LocalDate today,
            Map<String, Problem> problems) {
        Set<OpeningPhase> seen = EnumSet.noneOf(OpeningPhase.class);
        List<OpenCycle.StepDone> steps = request.stepsDoneOrNone();
        for (int i = 0; i < steps.size(); i++) {
            OpenCycle.StepDone step = steps.get(i);
            String at = "stepsDone[" + i + "].";
            if (step == null || step.phase() == null) {
                problems.put(at + "phase", Problem.of("cycle.opening.phase-missing"));
                continue;
            }
            if (!step.phase().isBefore(phase)) {
                problems.put(at + "phase", Problem.of("cycle.opening.step-not-before", step.phase().label(), phase.label()));
            } else if (!seen.add(step.phase())) {
                problems.put(at + "phase", Problem.of("cycle.opening.step-twice", step.phase().label()));
            }
            if (step.doneOn() == null) {
                problems.put(at + "doneOn", Problem.of("cycle.opening.date-missing"));
            } else {
                Problem when = CycleOpeningCheck.dateProblem(step.doneOn(), step.phase().afterReview(), review, today);
                if (when != null) {
                    problems.put(at + "doneOn", when);
                }
            }
            CycleOpeningCheck.linkProblems(at + "documents", step.documentsOrNone(), problems);
        }
    }
}
