package org.uprflow.cycle;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.uprflow.web.InvalidFieldsException;
import org.uprflow.web.ProblemWords;

/**
 * Field by field, what is wrong with a request to open a cycle: 400. Each problem is a message
 * key with its arguments, put in the caller's language by the web layer.
 */
public class InvalidCycleException extends InvalidFieldsException {

    /** A message key of the bundles and its arguments. */
    public record Problem(String messageKey, List<Object> arguments) {

        public static Problem of(String messageKey, Object... arguments) {
            return new Problem(messageKey, List.of(arguments));
        }
    }

    private final Map<String, Problem> fieldProblems;

    public InvalidCycleException(Map<String, Problem> fieldProblems) {
        super("Invalid cycle: " + fieldProblems);
        this.fieldProblems = Collections.unmodifiableMap(new LinkedHashMap<>(fieldProblems));
    }

    public Map<String, Problem> fieldProblems() {
        return fieldProblems;
    }

    @Override
    protected Map<String, String> errors(ProblemWords words) {
        Map<String, String> errors = new LinkedHashMap<>();
        fieldProblems.forEach((field, problem) -> errors.put(field, words.text(problem.messageKey(),
                problem.arguments().toArray())));
        return errors;
    }
}
