package org.uprflow.engine;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * {@code /api}'s answer when a write lost a race with another transaction: the engine's optimistic
 * locking (two requests changing one process instance, a group or a user at the same moment) or the
 * database's (a deadlock, a lock that could not be had: Spring's {@link ConcurrencyFailureException}).
 * The transaction was rolled back whole, so it is 409 with {@code "retryable": true}: the client may
 * send the same request again. {@code /engine-rest} answers the same way ({@link EngineRestErrors}).
 * Not a catch-all: other exceptions go on to web.ApiProblemHandler or surface as bugs.
 */
@RestControllerAdvice(basePackages = "org.uprflow")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConcurrentUpdateProblems {

    private final MessageSource messages;

    ConcurrentUpdateProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler({OptimisticLockingException.class, ConcurrencyFailureException.class})
    ResponseEntity<ProblemDetail> concurrentUpdate(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                messages.getMessage("problem.concurrent-update.detail", null, LocaleContextHolder.getLocale()));
        problem.setTitle(messages.getMessage("problem.concurrent-update.title", null, LocaleContextHolder.getLocale()));
        problem.setProperty("retryable", true);
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
