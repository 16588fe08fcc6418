package org.uprflow.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.beans.TypeMismatchException;
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
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns what the framework refused into a problem+json answer that names the field at fault: Bean Validation's
 * verdicts, a parameter of the wrong type, an unreadable body, a denied access. A feature's own refusals carry
 * their answer ({@link ProblemException}, Spring's {@code ErrorResponseException}) and take the base class's
 * generic path, worded with the same bundles: no handler here knows a feature. Exceptions not answered here are
 * bugs and surface as such (500, logged by Spring), not hidden.
 */
@RestControllerAdvice(basePackages = "org.uprflow")
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private final MessageSource messages;
    /** The field sentences' rules, one for every answer: the language is each answer's ({@link #words()}). */
    private final FieldSentences sentences;

    ApiProblemHandler(MessageSource messages) {
        this.messages = messages;
        this.sentences = new FieldSentences(messages);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemWords words = words();
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.merge(error.getField(), words.sentence(error.getField(), error, error.getRejectedValue()),
                    (a, b) -> a + " " + b);
        }
        return badRequest(words, errors);
    }

    /**
     * A request parameter outside its bounds (e.g. {@code size=0}): 400 naming the parameter. A controller's return
     * value that fails its own constraint is the platform's fault, not the caller's: Spring's 500.
     */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.isForReturnValue()) {
            return super.handleHandlerMethodValidationException(e, headers, status, request);
        }
        ProblemWords words = words();
        Map<String, String> errors = new LinkedHashMap<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                errors.merge(name, words.sentence(name, error, result.getArgument()), (a, b) -> a + " " + b);
            }
        }
        return badRequest(words, errors);
    }

    /**
     * A body that is no JSON, names an unknown field or holds a value of the wrong type: 400 saying which. Every
     * parse failure is a {@link JsonProcessingException}; its location may be unknown, which must not turn the
     * client's mistake into a 500.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemWords words = words();
        ProblemDetail problem = words.problem(HttpStatus.BAD_REQUEST, "problem.malformed.title",
                "problem.malformed.missing");
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            problem.setDetail(words.text("problem.malformed.unknown-field", field));
            problem.setProperty("errors", Map.of(field, words.text("problem.malformed.unknown-field", field)));
        } else if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            problem.setDetail(words.text("problem.malformed.field", field, expectedType(words, mismatch)));
            problem.setProperty("errors", Map.of(field, words.sentence(field, "validation.unreadable")));
        } else if (cause instanceof JsonProcessingException json) {
            JsonLocation location = json.getLocation();
            problem.setDetail(words.text("problem.malformed.syntax", location == null ? 0 : location.getLineNr(),
                    location == null ? 0 : location.getColumnNr()));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * A required request parameter left out ({@code compare?from=1} without {@code to}): 400 naming it in
     * {@code errors}, in the caller's language, the body of every field refusal, instead of Spring's English
     * "Required parameter 'to' is not present.".
     */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return missing(e.getParameterName(), "validation.required");
    }

    /**
     * An upload without the part it needs (a form posted without its {@code file}): 400 naming the part in
     * {@code errors}, in the caller's language, as a missing parameter is, instead of Spring's English
     * "Required part 'file' is not present.".
     */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return missing(e.getRequestPartName(), "validation.required-part");
    }

    /**
     * A path variable or parameter of the wrong type ({@code cycle=abc}, {@code /countries/XX}): 400 naming it.
     * Where a converter refused the value with an answer of its own (a code that is no ISO country code:
     * {@code UnknownCountryCodeException}), that answer, its {@code errors} naming the parameter; should that
     * answer have no detail (a key missing from the bundles), the sentence of any unreadable value instead.
     * Spring names every parameter it converts ({@code MethodArgumentTypeMismatchException}); a mismatch without a
     * name comes from no request parameter and keeps Spring's answer.
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e.getPropertyName();
        if (name == null) {
            return super.handleTypeMismatch(e, headers, status, request);
        }
        if (e.getMostSpecificCause() instanceof ErrorResponse refused) {
            ProblemDetail problem = refused.updateAndGetBody(messages, LocaleContextHolder.getLocale());
            if (problem.getDetail() == null) {
                problem.setDetail(words().sentence(name, "validation.unreadable"));
            }
            problem.setProperty("errors", Map.of(name, problem.getDetail()));
            return ResponseEntity.status(refused.getStatusCode()).body(problem);
        }
        ProblemWords words = words();
        return badRequest(words, Map.of(name, words.sentence(name, "validation.unreadable")));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> forbidden(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(words().problem(HttpStatus.FORBIDDEN,
                "problem.forbidden.title", "problem.forbidden.detail"));
    }

    /** The words of this answer, in the caller's language. */
    private ProblemWords words() {
        return new ProblemWords(sentences, LocaleContextHolder.getLocale());
    }

    /** 400 naming what the request left out, with the sentence of {@code key}, in the caller's language. */
    private ResponseEntity<Object> missing(String name, String key) {
        ProblemWords words = words();
        return badRequest(words, Map.of(name, words.sentence(name, key)));
    }

    private static ResponseEntity<Object> badRequest(ProblemWords words, Map<String, String> errors) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        words.describeFields(problem, errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /**
     * What the field should have held, in the caller's language: "one of [SUPPORTED, NOTED]", "un nombre entier",
     * "une liste"; a type the bundles do not name as "the documented type", never a Java class's name.
     */
    private static String expectedType(ProblemWords words, MismatchedInputException e) {
        Class<?> type = e.getTargetType();
        if (type != null && type.isEnum()) {
            return words.text("problem.malformed.type.one-of", Arrays.toString(type.getEnumConstants()));
        }
        return words.textOr(typeKey(type), words.text("problem.malformed.type.unknown"));
    }

    /** The bundle key naming what a value of {@code type} looks like (not for enums, whose values are listed). */
    static String typeKey(Class<?> type) {
        if (type == null) {
            return "problem.malformed.type.unknown";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "problem.malformed.type.list";
        }
        if (type.isRecord() || Map.class.isAssignableFrom(type)) {
            return "problem.malformed.type.object";
        }
        return "problem.malformed.type." + type.getSimpleName();
    }
}
