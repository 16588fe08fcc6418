package org.uprflow.recommendation;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A preview that is not (or no longer) on the server: imported, cancelled, expired, or of another
 * country's cycle. 404, saying so in the caller's language and what to do, rather than the generic
 * "not found" naming an internal kind of record.
 */
class ImportPreviewGone extends ErrorResponseException {

    private static final String KEY = "problem.import-preview.gone";

    ImportPreviewGone(Duration lifetime) {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null, KEY + ".detail",
                new Object[] {lifetime.toMinutes()});
    }

    @Override
    public String getTitleMessageCode() {
        return KEY + ".title";
    }
}
