package org.uprflow.engine;

import java.util.function.Supplier;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;

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

    private EngineRestErrors() {
    }

    /** Registers the corrected mappers in the engine's Jersey application. */
    public static CamundaJerseyResourceConfig jerseyConfig() {
        return new CamundaJerseyResourceConfig() {
            @Override
            protected void registerAdditionalResources() {
                register(ProcessEngineErrors.class);
                register(RestErrors.class);
                register(TranslatedEngineAnswers.class);
            }
        };
    }

    /** Camunda's own answer is asked for only when no correction applies: its handlers log a 500 as they build it. */
    static Response correct(Throwable error, Supplier<Response> camundasAnswer) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockingException) {
                return conflict();
            }
            String message = String.valueOf(cause.getMessage());
            boolean missing = cause instanceof NullValueException
                    && (message.contains("doesn't exist") || message.startsWith(TASK_GONE));
            if (missing || message.contains(TENANT_CHECK_FAILED)) {
                return answer(Response.Status.NOT_FOUND, "InvalidRequestException", "Not found.");
            }
            if (cause instanceof ConflictingInput) {
                return answer(Response.Status.CONFLICT, "InvalidRequestException", cause.getMessage());
            }
            if (cause instanceof BadUserRequestException || cause instanceof FormFieldValidationException
                    || cause instanceof RejectedInput) {
                return answer(Response.Status.BAD_REQUEST, "InvalidRequestException", cause.getMessage());
            }
        }
        return camundasAnswer.get();
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

        @Override
        public Response toResponse(ProcessEngineException e) {
            return correct(e, () -> camunda.toResponse(e));
        }
    }

    @Priority(1)
    public static class RestErrors implements ExceptionMapper<RestException> {
        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException e) {
            return correct(e, () -> camunda.toResponse(e));
        }
    }
}
