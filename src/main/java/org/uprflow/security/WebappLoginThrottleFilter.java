package org.uprflow.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The same throttle for the Camunda webapps' login form (which the platform's login page posts to as
 * well): a source that must wait gets 429 without its password being checked; a 401 counts as a failure.
 */
class WebappLoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final ProblemResponses problems;

    WebappLoginThrottleFilter(LoginThrottle throttle, ProblemResponses problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().contains("/login/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String userId = request.getParameter("username");
        if (userId == null || userId.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        LoginThrottle.Standing standing = throttle.standing(userId, address);
        if (!standing.waitFor().isZero()) {
            problems.commence(request, response, new LoginThrottledException(standing.waitFor()));
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            throttle.failed(userId, address);
        } else if (response.getStatus() == HttpStatus.OK.value() && standing.userFailedBefore()) {
            throttle.succeeded(userId, address);
        }
    }
}
