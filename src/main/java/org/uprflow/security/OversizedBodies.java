package org.uprflow.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.uprflow.web.TooLargeBodies;

/**
 * A body above the platform's limit ({@code spring.servlet.multipart.max-request-size}, for every request) gets a 413
 * problem naming the limit in the caller's language, and the client reads it. Before:
 * <ul>
 * <li>Tomcat stopped reading an upload its multipart parser refused and closed the connection while the client was
 * still sending, so the client saw a reset instead of the answer. The context now reads such a body to its end and
 * drops it, up to {@code server.tomcat.max-swallow-size} (application.yml); a larger one still closes the connection.</li>
 * <li>Tomcat answered {@code Expect: 100-continue} at once, so the client sent the whole body before it could hear
 * 413. "Continue" now goes out when the body is first read: a body refused unread is never sent.</li>
 * <li>Camunda's REST layer reads a multipart body without a limit, each part into memory, and the NUL check of engine
 * bodies reads JSON whole. A body whose length is above the limit is refused here before anything reads it, on every
 * path; one sent in chunks without a length is read here up to the limit first, except the forms and multipart
 * bodies that Tomcat's own parsers read with their limits (web.MultipartProblems answers the same 413 for those).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class OversizedBodies {

    /** The Jersey applications ({@code /engine-rest}, the webapps' API) read multipart bodies themselves. */
    private static final String[] OWN_MULTIPART_READERS = {"/engine-rest/", "/camunda/api/"};

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> swallowAbortedUploads() {
        return factory -> {
            factory.addContextCustomizers(context -> context.setSwallowAbortedUploads(true));
            factory.addConnectorCustomizers(connector -> connector.setProperty("continueResponseTiming", "onRead"));
        };
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> bodyLimit(MultipartProperties multipart, ObjectMapper objectMapper,
            MessageSource messages) {
        long limit = multipart.getMaxRequestSize().toBytes();
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                HttpServletRequest checked = request;
                if (request.getContentLengthLong() > limit) {
                    refuse(request, response);
                    return;
                }
                if (readHere(request)) {
                    byte[] body = upTo(request.getInputStream(), limit + 1);
                    if (body.length > limit) {
                        refuse(request, response);
                        return;
                    }
                    checked = new ReplayedBody(request, body);
                }
                chain.doFilter(checked, response);
            }

            private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
                ProblemDetail problem = TooLargeBodies.problem(messages, request.getLocale(), limit);
                problem.setInstance(URI.create(request.getRequestURI()));
                response.setStatus(problem.getStatus());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                objectMapper.writeValue(response.getOutputStream(), problem);
            }
        });
        // Before anything that reads a body: the NUL check of engine bodies, the webapps' login form, the engine.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** A body without a length that no parser with a limit of its own will read. */
    private static boolean readHere(HttpServletRequest request) {
        if (request.getContentLengthLong() >= 0 || request.getHeader("Transfer-Encoding") == null) {
            return false;
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            return false;
        }
        String path = request.getRequestURI();
        return !type.startsWith("multipart/") || Arrays.stream(OWN_MULTIPART_READERS).anyMatch(path::startsWith);
    }

    private static byte[] upTo(InputStream in, long bytes) throws IOException {
        return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, bytes));
    }
}
