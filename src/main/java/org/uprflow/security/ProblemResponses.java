package org.uprflow.security;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * 401 and 403 from the security filters, and 400 for a request the firewall refuses (an unnormalised
 * path such as {@code /login/../engine-rest/user}, a NUL in a parameter), in the same problem+json shape
 * as the API's other errors.
 */
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final ObjectMapper objectMapper;
    private final MessageSource messages;

    ProblemResponses(ObjectMapper objectMapper, MessageSource messages) {
        this.objectMapper = objectMapper;
        this.messages = messages;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        // API clients need the challenge to retry with credentials; the platform's pages do not, and a
        // browser would answer the challenge with its own password dialog instead of the login page.
        if (e instanceof LoginThrottledException throttled) {
            response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
            write(request, response, HttpStatus.TOO_MANY_REQUESTS, "problem.throttled");
            return;
        }
        if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"UPR Flow\"");
        }
        write(request, response, HttpStatus.UNAUTHORIZED, "problem.unauthorized");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "problem.forbidden");
    }

    /** The client's mistake: a 400, and no stack trace in the log. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        write(request, response, HttpStatus.BAD_REQUEST, "problem.rejected");
    }

    /** A NUL character in a text of the body: 400 naming the field (NulInEngineBodies). */
    void nulCharacter(HttpServletRequest request, HttpServletResponse response, String field) throws IOException {
        ProblemDetail problem = problem(request, HttpStatus.BAD_REQUEST, "problem.nul");
        problem.setDetail(messages.getMessage("problem.nul.detail", new Object[] {field}, request.getLocale()));
        problem.setProperty("errors", Map.of(field, messages.getMessage("problem.nul.field", null,
                request.getLocale())));
        send(request, response, problem);
    }

    /** 404: a path the engine serves on {@code /engine-rest} but not through the webapps (RequestGuards). */
    void notHere(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.NOT_FOUND, "problem.not-here");
    }

    /** 403 until the user has set their own password (PasswordChanges); says where to set it. */
    void passwordChangeRequired(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetail problem = problem(request, HttpStatus.FORBIDDEN, "problem.password-change");
        problem.setProperty("passwordChangeRequired", true);
        problem.setProperty("changeAt", PasswordChangeGate.PAGE);
        send(request, response, problem);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
            throws IOException {
        send(request, response, problem(request, status, key));
    }

    private ProblemDetail problem(HttpServletRequest request, HttpStatus status, String key) {
        Locale locale = request.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(key + ".detail", null, locale));
        problem.setTitle(messages.getMessage(key + ".title", null, locale));
        return problem;
    }

    private void send(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        HttpStatus status = HttpStatus.valueOf(problem.getStatus());
        if (status != HttpStatus.BAD_REQUEST) {
            // A refused request's path is what the firewall found wrong: not echoed.
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
