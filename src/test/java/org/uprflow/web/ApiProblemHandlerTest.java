package org.uprflow.web;

import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers of {@link ApiProblemHandler} that no request through a slice reaches cheaply: a converter's refusal
 * whose detail the bundles lack, and a body whose wrong value Jackson cannot say the type of.
 */
class ApiProblemHandlerTest {

    private final ApiProblemHandler handler = new ApiProblemHandler(bundles());
    private final ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest());

    @AfterEach
    void forgetTheLanguage() {
        LocaleContextHolder.resetLocaleContext();
    }

    /** Map.of refused the null detail: the client's mistake became a 500. */
    @Test
    void aConverterRefusalWithoutADetailStillNamesTheParameter() throws Exception {
        LocaleContextHolder.setLocale(Locale.FRENCH);
        ErrorResponseException unworded = new ErrorResponseException(HttpStatus.BAD_REQUEST,
                ProblemDetail.forStatus(HttpStatus.BAD_REQUEST), null, "problem.no-such-key.detail", null);
        TypeMismatchException mismatch = new MethodArgumentTypeMismatchException("XX", Integer.class, "cycle",
                parameter(), unworded);

        ResponseEntity<Object> answer = handler.handleException(mismatch, request);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getDetail()).isEqualTo("V\u00e9rifiez le cycle : sa valeur est illisible.");
        assertThat(problem.getProperties()).containsEntry("errors",
                Map.of("cycle", "V\u00e9rifiez le cycle : sa valeur est illisible."));
    }

    /** "the documented type" was English in every language. */
    @Test
    void aValueOfAnUnknownTypeIsSaidInTheCallersLanguage() throws Exception {
        LocaleContextHolder.setLocale(Locale.FRENCH);
        MismatchedInputException mismatch = MismatchedInputException.from(null, (Class<?>) null, "unreadable");
        mismatch.prependPath(new Object(), "session");
        HttpMessageNotReadableException unreadable = new HttpMessageNotReadableException("unreadable", mismatch,
                new MockHttpInputMessage(new byte[0]));

        ResponseEntity<Object> answer = handler.handleException(unreadable, request);

        assertThat(((ProblemDetail) answer.getBody()).getDetail())
                .isEqualTo("Le champ 'session' a une valeur qui ne peut pas \u00eatre lue comme le type document\u00e9.");
    }

    private static MethodParameter parameter() throws NoSuchMethodException {
        return new MethodParameter(ApiProblemHandlerTest.class.getDeclaredMethod("cycle", Integer.class), 0);
    }

    @SuppressWarnings("unused")
    private static void cycle(Integer cycle) {
    }

    /** The bundles as application.yml configures them. */
    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        return source;
    }
}
