package org.uprflow.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.uprflow.country.CountryNotFoundException;
import org.uprflow.country.IdentityConflictException;
import org.uprflow.country.InvalidParticipantException;
import org.uprflow.cycle.CycleAlreadyOpenException;
import org.uprflow.cycle.CycleNotFoundException;
import org.uprflow.cycle.InvalidCycleException;
import org.uprflow.recommendation.ImportProblem;
import org.uprflow.recommendation.ImportProblems;
import org.uprflow.recommendation.ImportRejectedException;
import org.uprflow.security.InvalidPasswordException;
import org.uprflow.shared.EditConflictException;
import org.uprflow.shared.InvalidRegisterInputException;
import org.uprflow.shared.RecordNotFoundException;
import org.uprflow.shared.UnknownCountryCodeException;

/**
 * Turns what went wrong into a problem+json answer that names the field at fault. Exceptions
 * not listed here are bugs and surface as such (500, logged by Spring), not hidden.
 */
@RestControllerAdvice(basePackages = "org.uprflow")
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    /** At most this many fields are named in one answer. */
    static final int MAX_LISTED = 20;

    private final MessageSource messages;
    private final FieldSentences sentences;

    ApiProblemHandler(MessageSource messages) {
        this.messages = messages;
        this.sentences = new FieldSentences(messages);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.merge(error.getField(), sentences.sentence(error.getField(), error, error.getRejectedValue(),
                    LocaleContextHolder.getLocale()), (a, b) -> a + " " + b);
        }
        return badRequest(errors);
    }

    /** A request parameter outside its bounds (e.g. {@code size=0}): 400 naming the parameter. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                errors.merge(name, sentences.sentence(name, error, result.getArgument(), LocaleContextHolder.getLocale()),
                        (a, b) -> a + " " + b);
            }
        }
        return badRequest(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.malformed.title", "problem.malformed.missing");
        Throwable cause = e.getCause();
        if (cause instanceof JsonParseException parse) {
            problem.setDetail(text("problem.malformed.syntax", parse.getLocation().getLineNr(),
                    parse.getLocation().getColumnNr()));
        } else if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            problem.setDetail(text("problem.malformed.unknown-field", field));
            problem.setProperty("errors", Map.of(field, text("problem.malformed.unknown-field", field)));
        } else if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            String expected = expectedType(mismatch);
            problem.setDetail(text("problem.malformed.field", field, expected));
            problem.setProperty("errors", Map.of(field, sentences.sentence(field, "validation.unreadable",
                    LocaleContextHolder.getLocale())));
        } else if (cause instanceof JsonProcessingException json) {
            problem.setDetail(text("problem.malformed.syntax", json.getLocation() == null ? 0
                    : json.getLocation().getLineNr(), json.getLocation() == null ? 0 : json.getLocation().getColumnNr()));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(UnknownCountryCodeException.class)
    ResponseEntity<Object> unknownCode(UnknownCountryCodeException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.country.unknown-code.title",
                "problem.country.unknown-code.detail", e.value());
        problem.setProperty("errors", Map.of("code", text("problem.country.unknown-code.detail", e.value())));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(InvalidParticipantException.class)
    ResponseEntity<Object> invalidParticipant(InvalidParticipantException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.fieldErrors().forEach((field, key) -> errors.put(field, sentences.sentence(field, key,
                LocaleContextHolder.getLocale())));
        errors.putAll(e.worded());
        return badRequest(errors);
    }

    @ExceptionHandler(InvalidPasswordException.class)
    ResponseEntity<Object> invalidPassword(InvalidPasswordException e) {
        return badRequest(e.fieldErrors());
    }

    @ExceptionHandler(InvalidCycleException.class)
    ResponseEntity<Object> invalidCycle(InvalidCycleException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.fieldProblems().forEach((field, problem) ->
                errors.put(field, text(problem.messageKey(), problem.arguments().toArray())));
        return badRequest(errors);
    }

    @ExceptionHandler(CycleAlreadyOpenException.class)
    ResponseEntity<Object> cycleAlreadyOpen(CycleAlreadyOpenException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                text("problem.cycle.duplicate.detail", e.businessKey()));
        problem.setTitle(text("problem.cycle.duplicate.title"));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(CycleNotFoundException.class)
    ResponseEntity<Object> cycleNotFound(CycleNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND,
                "problem.record.not-found.title", "problem.report.no-cycle.detail", e.country().upperCase(),
                e.cycleNumber()));
    }

    @ExceptionHandler(CountryNotFoundException.class)
    ResponseEntity<Object> notFound(CountryNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND,
                "problem.country.not-found.title", "problem.country.not-found.detail", e.code().upperCase()));
    }

    @ExceptionHandler(IdentityConflictException.class)
    ResponseEntity<Object> conflict(IdentityConflictException e) {
        String sentence = text(e.messageKey(), e.arguments());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, sentence);
        problem.setTitle(text("problem.identity.conflict.title"));
        if (e.field() != null) {
            // the form shows it next to the field at fault
            problem.setProperty("errors", Map.of(e.field(), sentence));
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(InvalidRegisterInputException.class)
    ResponseEntity<Object> invalidRegisterInput(InvalidRegisterInputException e) {
        Map<String, String> errors = new LinkedHashMap<>(e.fieldErrors());
        e.fieldProblems().forEach((field, problem) -> errors.put(field, sentences.sentence(field, problem.messageKey(),
                LocaleContextHolder.getLocale(), problem.arguments().toArray())));
        return badRequest(errors);
    }

    @ExceptionHandler(RecordNotFoundException.class)
    ResponseEntity<Object> recordNotFound(RecordNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND,
                "problem.record.not-found.title", "problem.record.not-found.detail", e.kind(), e.id()));
    }

    @ExceptionHandler(EditConflictException.class)
    ResponseEntity<Object> editConflict(EditConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "problem.edit.conflict.title", e.messageKey(),
                e.arguments());
        // true: someone saved in between, so reloading and editing again helps; false: the state refuses it
        problem.setProperty("stale", e.staleVersion());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /**
     * An import with problems: every one of them, by row and column, in {@code problems}
     * (row, column, message) and, like every 400 here, in {@code errors} ("row 3, Response").
     */
    @ExceptionHandler(ImportRejectedException.class)
    ResponseEntity<Object> importRejected(ImportRejectedException e) {
        return importProblems(e.problems());
    }

    /** The servlet container's own limit on uploads, above the import's: the same answer. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return importProblems(List.of(new ImportProblem(null, null, "import.too-large",
                List.of(String.valueOf(e.getMaxUploadSize())))));
    }

    private ResponseEntity<Object> importProblems(List<ImportProblem> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Map<String, Object>> listed = new java.util.ArrayList<>();
        // every problem counted, the first ones listed: a file of 10,000 bad rows gets a readable answer
        for (ImportProblem p : problems.subList(0, Math.min(problems.size(), ImportProblems.LISTED))) {
            String message = text(p.messageKey(), p.arguments().toArray());
            errors.merge(p.field(), message, (a, b) -> a + "; " + b);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("row", p.row());
            item.put("column", p.column());
            item.put("message", message);
            listed.add(item);
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.import.title", "problem.import.detail",
                problems.size());
        problem.setProperty("errors", errors);
        problem.setProperty("problems", listed);
        problem.setProperty("total", problems.size());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> forbidden(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem(HttpStatus.FORBIDDEN,
                "problem.forbidden.title", "problem.forbidden.detail"));
    }

    /**
     * Names the first {@value #MAX_LISTED} fields and counts them all ({@code errorCount}): a list of
     * 100,000 invalid themes must not become an answer 100,000 lines long.
     */
    private ResponseEntity<Object> badRequest(Map<String, String> errors) {
        Map<String, String> listed = errors.entrySet().stream().limit(MAX_LISTED)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        String fields = String.join(" ", listed.values());
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.validation.title",
                "problem.validation.detail", errors.size(), fields);
        problem.setProperty("errors", listed);
        problem.setProperty("errorCount", errors.size());
        return ResponseEntity.badRequest().body(problem);
    }

    private ProblemDetail problem(HttpStatus status, String titleKey, String detailKey, Object... arguments) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(detailKey, arguments));
        problem.setTitle(text(titleKey));
        return problem;
    }

    private String text(String key, Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, arguments, locale);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String expectedType(MismatchedInputException e) {
        Class<?> type = e.getTargetType();
        if (type != null && type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (e instanceof InvalidFormatException && type != null) {
            return type.getSimpleName();
        }
        return type == null ? "the documented type" : type.getSimpleName();
    }
}
