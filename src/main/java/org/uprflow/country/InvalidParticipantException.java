package org.uprflow.country;

import java.util.LinkedHashMap;
import java.util.Map;

import org.uprflow.web.InvalidFieldsException;
import org.uprflow.web.ProblemWords;

/**
 * Fields a new user needs and the request lacks: 400, field by field. Each field maps to the bundle key of its
 * sentence ({@code validation.required-new-user}), worded in the caller's language by the answer.
 */
public class InvalidParticipantException extends InvalidFieldsException {

    private final Map<String, String> fieldErrors;
    private final Map<String, String> worded;

    public InvalidParticipantException(Map<String, String> fieldErrors) {
        this(fieldErrors, Map.of());
    }

    private InvalidParticipantException(Map<String, String> fieldErrors, Map<String, String> worded) {
        super("Invalid participant: " + fieldErrors + worded);
        this.fieldErrors = Map.copyOf(fieldErrors);
        this.worded = Map.copyOf(worded);
    }

    /** A refusal already worded in the caller's language (the password policy's rules). */
    static InvalidParticipantException worded(String field, String sentence) {
        return new InvalidParticipantException(Map.of(), Map.of(field, sentence));
    }

    /** Field to the bundle key of its sentence. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /** Field to its sentence, already in the caller's language. */
    public Map<String, String> worded() {
        return worded;
    }

    @Override
    protected Map<String, String> errors(ProblemWords words) {
        Map<String, String> errors = new LinkedHashMap<>();
        fieldErrors.forEach((field, key) -> errors.put(field, words.sentence(field, key)));
        errors.putAll(worded);
        return errors;
    }
}
