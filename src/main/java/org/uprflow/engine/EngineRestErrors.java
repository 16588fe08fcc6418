package org.uprflow.engine;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;

/**
 * Corrects the status of errors that Camunda's REST API answers with 500: another country's
 * resource (the engine's tenant check, ENGINE-13034) and a missing one both become the same 404,
 * so nobody learns that another country's task exists; a bad start request (no country, say) and
 * form values that the task's rules refuse become 400 and the task stays open; a value naming data
 * that has moved on since (a matrix version no longer the latest) becomes 409. A write that lost a race
 * with another transaction on the same process instance (the engine's optimistic locking, ENGINE-03005:
 * two parallel tasks of one cycle completed at the same moment) is 409 with {@code "retryable": true}:
 * nothing of it was written, and sending the same request again succeeds. A task that is gone (completed
 * by someone else, or by a first attempt whose answer was lost) is 404. Everything else keeps Camunda's own answer.
 */
public final class EngineRestErrors {

    /** The engine's message code for "belongs to no authenticated tenant". */
    private static final String TENANT_CHECK_FAILED = "ENGINE-13034";
    /** How the engine's task commands (complete, submit form) say that the task is not there. */
    private static final String TASK_GONE = "Cannot find task with id";
    /** A command's null check on the task it was given ("Task 'x' not found: task is null"). */
    private static final Pattern TASK_IS_NULL = Pattern.compile("(?s).*\\btask is null.*");
    /** "No job found with id 'x'.", "no deployed process definition found with id 'x'": the thing named is not there. */
    private static final Pattern NONE_WITH_ID = Pattern.compile("(?is)no (deployed )?[a-z ]+ found (with|for) id.*");
    /** A conditional event evaluated where no process waits for it: the request's mistake, not a failure. */
    private static final String NO_CONDITIONAL_SUBSCRIPTION = "ENGINE-13043";
    /** A message sent to an execution that does not wait for it (checked before the tenant, so said for any id). */
    private static final String NO_MESSAGE_SUBSCRIPTION = "does not have a subscription to a message event";
    /** The engine's refusal of a new password that breaks the policy (SaveUserCmd). */
    private static final String PASSWORD_REFUSED = "Password does not match policy";

    private EngineRestErrors() {
    }

    /** Registers the corrected mappers in the engine's Jersey application. */
    public static CamundaJerseyResourceConfig jerseyConfig() {
        return new CamundaJerseyResourceConfig() {
            /** The starter's registration, with one shared ObjectMapper in place of one per call (SharedEngineJson). */
            @Override
            protected void registerCamundaRestResources() {
                registerClasses(CamundaRestResources.getResourceClasses());
                registerClasses(SharedEngineJson.inPlaceOfCamundas(CamundaRestResources.getConfigurationClasses()));
                register(JacksonFeature.class);
            }

            @Override
            protected void registerAdditionalResources() {
                register(ProcessEngineErrors.class);
                register(RestErrors.class);
                register(TranslatedEngineAnswers.class);
                register(RequestNullErrors.class);
            }
        };
    }

    /** Camunda's own answer is asked for only when no correction applies: its handlers log a 500 as they build it. */
    static Response correct(Throwable error, Supplier<Response> camundasAnswer, HttpHeaders headers) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockingException) {
                return conflict();
            }
            String message = String.valueOf(cause.getMessage());
            if (message.equals(PASSWORD_REFUSED)) {
                // The engine's policy (PlatformPasswordPolicy) refused a new password: the client's mistake, in its language.
                return answer(Response.Status.BAD_REQUEST, "InvalidRequestException",
                        text("password.policy.refused", headers, PlatformPasswordPolicy.MIN_LENGTH));
            }
            if (missing(cause, message) || message.contains(TENANT_CHECK_FAILED)) {
                return answer(Response.Status.NOT_FOUND, "InvalidRequestException", "Not found.");
            }
            if (cause instanceof ConflictingInput) {
                return answer(Response.Status.CONFLICT, "InvalidRequestException", cause.getMessage());
            }
            if (cause instanceof BadUserRequestException || cause instanceof FormFieldValidationException
                    || cause instanceof RejectedInput || cause instanceof NullValueException
                    || message.startsWith(NO_CONDITIONAL_SUBSCRIPTION) || message.contains(NO_MESSAGE_SUBSCRIPTION)) {
                // A NullValueException here is a required value the request left out ("workerId is null").
                return answer(Response.Status.BAD_REQUEST, "InvalidRequestException", cause.getMessage());
            }
        }
        return camundasAnswer.get();
    }

    /**
     * How the engine says that a task is not there, in the words of each of its commands (complete, form, form
     * variables, rendered form, assignee, identity links...): all of them answer as one 404, the same as for another
     * country's task, so that the answer tells nothing about which ids exist.
     */
    private static boolean missing(Throwable cause, String message) {
        return message.startsWith(TASK_GONE) || NONE_WITH_ID.matcher(message).matches()
                || cause instanceof NullValueException
                && (message.contains("doesn't exist") || TASK_IS_NULL.matcher(message).matches());
    }

    /** A sentence of the platform's bundles in the first language the client accepts that they have. */
    private static String text(String key, HttpHeaders headers, Object... arguments) {
        List<Locale> accepted = headers == null ? List.of() : headers.getAcceptableLanguages();
        Locale locale = accepted.isEmpty() || "*".equals(accepted.get(0).getLanguage()) ? Locale.ENGLISH : accepted.get(0);
        ResourceBundle bundle = ResourceBundle.getBundle("messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }

    private static Response conflict() {
        RetryableExceptionDto dto = new RetryableExceptionDto();
        dto.setType("OptimisticLockingException");
        dto.setMessage("Another request changed the same process instance at the same moment; nothing was written."
                + " Send the request again.");
        dto.setRetryable(true);
        return Response.status(Response.Status.CONFLICT).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Camunda's error body (type, message, code) plus the flag that tells a client to send the request again. */
    public static class RetryableExceptionDto extends ExceptionDto {
        private boolean retryable;

        public boolean isRetryable() {
            return retryable;
        }

        public void setRetryable(boolean retryable) {
            this.retryable = retryable;
        }
    }

    private static Response answer(Response.Status status, String type, String message) {
        ExceptionDto dto = new ExceptionDto();
        dto.setType(type);
        dto.setMessage(message);
        return Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @Priority(1)
    public static class ProcessEngineErrors implements ExceptionMapper<ProcessEngineException> {
        private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();
        @Context
        private HttpHeaders headers;

        @Override
        public Response toResponse(ProcessEngineException e) {
            return correct(e, () -> camunda.toResponse(e), headers);
        }
    }

    /**
     * NullPointerExceptions inside Camunda's REST layer that a request causes (a 500 and a stack trace in the log
     * each): a task or process definition that is not there (the deployed form of a missing task, suspending a missing
     * definition) is the same 404 as any missing resource; a field the request body left out that the REST layer
     * unboxes or iterates ({@code "retries"}, {@code "instructions"}, {@code "type"}) is a 400. Any other
     * NullPointerException keeps Camunda's answer.
     */
    @Priority(1)
    public static class RequestNullErrors implements ExceptionMapper<NullPointerException> {
        private static final Pattern MISSING_ENTITY = Pattern.compile("(?s).*because \"(task|processDefinition)\" is null.*");
        private static final Pattern MISSING_FIELD = Pattern.compile(
                "(?s).*(because the return value of \"org\\.camunda\\.bpm\\.engine\\.rest\\.dto\\.|because \"this\\."
                        + "|Cannot invoke \"org\\.camunda\\.bpm\\.engine\\.rest\\.dto\\.).*");
        private final ExceptionHandler camunda = new ExceptionHandler();

        @Override
        public Response toResponse(NullPointerException e) {
            String message = String.valueOf(e.getMessage());
            if (MISSING_ENTITY.matcher(message).matches()) {
                return answer(Response.Status.NOT_FOUND, "InvalidRequestException", "Not found.");
            }
            if (MISSING_FIELD.matcher(message).matches()) {
                return answer(Response.Status.BAD_REQUEST, "InvalidRequestException",
                        "The request body lacks a value this operation needs.");
            }
            return camunda.toResponse(e);
        }
    }

    @Priority(1)
    public static class RestErrors implements ExceptionMapper<RestException> {
        private final RestExceptionHandler camunda = new RestExceptionHandler();
        @Context
        private HttpHeaders headers;

        @Override
        public Response toResponse(RestException e) {
            return correct(e, () -> camunda.toResponse(e), headers);
        }
    }
}
