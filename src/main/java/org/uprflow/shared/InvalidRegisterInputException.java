package org.uprflow.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.uprflow.web.InvalidFieldsException;
import org.uprflow.web.ProblemWords;

/**
 * Field by field, what is wrong with a request to the register or the matrix: 400. Either worded already
 * ({@link #of}) or as a bundle key that the answer words in the caller's language ({@link #worded}).
 */
public class InvalidRegisterInputException extends InvalidFieldsException {

    /** A problem to be worded: the bundle key, {0} being the field's name, then these arguments. */
    public record FieldProblem(String messageKey, List<Object> arguments) {
    }

    private final Map<String, String> fieldErrors;
    private final Map<String, FieldProblem> fieldProblems;

    public InvalidRegisterInputException(Map<String, String> fieldErrors) {
        this(fieldErrors, Map.of());
    }

    private InvalidRegisterInputException(Map<String, String> fieldErrors, Map<String, FieldProblem> fieldProblems) {
        super("Invalid input: " + fieldErrors + fieldProblems);
        this.fieldErrors = Map.copyOf(fieldErrors);
        this.fieldProblems = Map.copyOf(fieldProblems);
    }

    /** A problem already worded in the caller's language. */
    public static InvalidRegisterInputException of(String field, String problem) {
        return new InvalidRegisterInputException(Map.of(field, problem));
    }

    /** A problem that the answer words from {@code messageKey} in the caller's language. */
    public static InvalidRegisterInputException worded(String field, String messageKey, Object... arguments) {
        return new InvalidRegisterInputException(Map.of(), Map.of(field, new FieldProblem(messageKey, List.of(arguments))));
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public Map<String, FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    @Override
    protected Map<String, String> errors(ProblemWords words) {
        Map<String, String> errors = new LinkedHashMap<>(fieldErrors);
        fieldProblems.forEach((field, problem) -> errors.put(field, words.sentence(field, problem.messageKey(),
                problem.arguments().toArray())));
        return errors;
    }
}
