package org.uprflow.cycle;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.uprflow.shared.CountryCode;

/**
 * A rule a task's completion must pass beyond its form's own rules, contributed by the feature
 * that knows the data (the positions task asks the recommendations register). Runs inside the
 * completing transaction, after the form's rules have passed.
 */
public interface TaskCompletionCheck {

    /**
     * The problems with completing a task of form {@code formId}, in the users' words, and, when there
     * are none, the figures the platform records with the completion (variable name to value), read
     * from the feature's own data rather than typed by the user: the register's counts for the
     * positions task. One answer, so that a check reads its data once.
     */
    Verdict verdict(String formId, Map<String, Object> variables);

    /** What a check says about a completion: its problems, else the figures to record. */
    record Verdict(List<String> problems, Map<String, Object> figures) {

        public Verdict {
            problems = List.copyOf(problems);
            figures = Map.copyOf(figures);
        }

        public static Verdict refused(List<String> problems) {
            return new Verdict(problems, Map.of());
        }

        public static Verdict accepted(Map<String, Object> figures) {
            return new Verdict(List.of(), figures);
        }
    }

    /** The country and number of the cycle a task belongs to. */
    record CycleOfTask(CountryCode country, int number) {
    }

    /**
     * The cycle of a task, from the variables the cycle passes down to its phases
     * ({@code countryCode}, {@code cycleNumber}); empty for a task outside a cycle. The country in
     * {@code variables} is the task's tenant ({@link ValidateTaskInputListener#variablesOf}); both
     * are the platform's, which no user can write (docs/cycle.md).
     */
    static Optional<CycleOfTask> cycleOf(Map<String, Object> variables) {
        return variables.get(UprCycleProcess.COUNTRY_CODE) instanceof String country
                && variables.get(UprCycleProcess.CYCLE_NUMBER) instanceof Number number
                ? Optional.of(new CycleOfTask(CountryCode.of(country), number.intValue())) : Optional.empty();
    }
}
