package org.uprflow.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The one answer to a body above the limit, whoever refuses it: security's OversizedBodies (by its length,
 * before anything reads it) or {@link MultipartProblems} (Tomcat's multipart parser).
 */
public final class TooLargeBodies {

    private TooLargeBodies() {
    }

    /** 413 naming the limit in megabytes and bytes, with the limit in bytes as {@code limit}. */
    public static ProblemDetail problem(MessageSource messages, Locale locale, long limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                messages.getMessage("problem.too-large.detail", new Object[] {megabytes(limit), String.valueOf(limit)},
                        locale));
        problem.setTitle(messages.getMessage("problem.too-large.title", null, locale));
        problem.setProperty("limit", limit);
        return problem;
    }

    private static String megabytes(long bytes) {
        double megabytes = bytes / (1024.0 * 1024.0);
        return megabytes == Math.rint(megabytes) ? String.valueOf((long) megabytes)
                : String.format(Locale.ROOT, "%.1f", megabytes);
    }
}
