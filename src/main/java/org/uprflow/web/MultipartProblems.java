package org.uprflow.web;

import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * A multipart body fails while it is read, before any controller is chosen, so {@link ApiProblemHandler}
 * (scoped to the platform's controllers) never sees it: without this a cut-short body was a 500 with a
 * stack trace in the log, and an upload over the container's limit a 413 without a body.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MultipartProblems {

    private final MessageSource messages;
    private final long limit;
    private final FieldSentences sentences;

    MultipartProblems(MessageSource messages, MultipartProperties multipart) {
        this.messages = messages;
        this.sentences = new FieldSentences(messages);
        this.limit = multipart.getMaxRequestSize().toBytes();
    }

    /** Tomcat's parser found a part, or a whole body sent without a length, above the limit (OversizedBodies). */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(TooLargeBodies.problem(messages,
                LocaleContextHolder.getLocale(), e.getMaxUploadSize() < 0 ? limit : e.getMaxUploadSize()));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> malformed(MultipartException e) {
        return answer(HttpStatus.BAD_REQUEST, "problem.malformed.title", "problem.malformed.multipart");
    }

    private ResponseEntity<ProblemDetail> answer(HttpStatus status, String titleKey, String detailKey) {
        ProblemWords words = new ProblemWords(sentences, LocaleContextHolder.getLocale());
        return ResponseEntity.status(status).body(words.problem(status, titleKey, detailKey));
    }
}
