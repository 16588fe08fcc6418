package org.uprflow.report;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A cycle the country has not opened: 404 problem+json, like a country the caller cannot see. */
@RestControllerAdvice(assignableTypes = ReportApiController.class)
class ReportProblems {

    private final MessageSource messages;

    ReportProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(CycleNotOpenException.class)
    ResponseEntity<ProblemDetail> cycleNotOpen(CycleNotOpenException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, messages.getMessage(
                "problem.report.no-cycle.detail", new Object[] {e.country().upperCase(), e.cycleNumber()},
                LocaleContextHolder.getLocale()));
        problem.setTitle(messages.getMessage("problem.record.not-found.title", null, LocaleContextHolder.getLocale()));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
