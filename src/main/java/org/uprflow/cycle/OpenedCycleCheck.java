package org.uprflow.cycle;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.uprflow.security.PlatformUser;
import org.uprflow.shared.CountryCode;

/**
 * The one check that a request addressed to a country's cycle ({@code /api/countries/KE/cycles/4/…},
 * or {@code ?cycle=4} on the audit trail) names a cycle that was opened on the platform: anything
 * else is 404 before a controller runs, so nothing can be read from or written into a cycle that
 * nobody opened (KE-1 or KE-9 when only KE-4 and KE-5 exist): one look-up by primary key. A
 * country the caller does not belong to is left to the controller's own 404, the same answer
 * whether or not it has that cycle.
 */
@Configuration(proxyBeanMethods = false)
class OpenedCycleCheck implements HandlerInterceptor, WebMvcConfigurer {

    private static final String COUNTRY = "code";
    private static final String CYCLE = "cycle";
    /** Numbers outside 1..99 are malformed: the controller's 400 names them. */
    private static final int MAX_CYCLE = 99;

    private final CycleRepository cycles;

    OpenedCycleCheck(CycleRepository cycles) {
        this.cycles = cycles;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/countries/*/cycles/*", "/api/countries/*/cycles/*/**",
                "/api/countries/*/audit");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> path = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String country = path == null ? null : path.get(COUNTRY);
        String cycle = path != null && path.containsKey(CYCLE) ? path.get(CYCLE) : request.getParameter(CYCLE);
        Integer number = number(cycle);
        if (number != null && (number < 1 || number > MAX_CYCLE)) {
            number = null;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        // a malformed number is the controller's to refuse (400 naming it); no caller, security's (401)
        if (country == null || number == null || authentication == null
                || !(authentication.getPrincipal() instanceof PlatformUser caller)) {
            return true;
        }
        CountryCode code = CountryCode.of(country);
        // not the caller's country: the controller's own check answers 404 without a word about its cycles
        if (!caller.belongsTo(code.value())) {
            return true;
        }
        if (!cycles.exists(code.value(), number)) {
            throw new CycleNotFoundException(code, number);
        }
        return true;
    }

    private static Integer number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
