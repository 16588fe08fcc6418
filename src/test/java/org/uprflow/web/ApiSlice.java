package org.uprflow.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.MultipartAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.uprflow.security.PlatformUser;

/**
 * A web slice of the API ({@code @WebMvcTest}): the named controllers with everything MVC applies to them (the
 * problem handlers, the {@code CountryCode} converter, Jackson and Bean Validation as configured in
 * {@code application.yml}, the message bundles), their services as mocks, no engine and no database. It checks
 * what a controller owns (mapping, validation, the problem+json bodies of refusals, the caller's language) in
 * seconds; what needs the engine and PostgreSQL stays with the {@code *IT}s.
 * <p>
 * Security: the platform's chains (security.SecurityConfiguration) authenticate against the engine's identity
 * store and need the engine, so the slice gets {@link ApiSliceSecurity} instead, the same shape as the
 * {@code /api} chain (every request authenticated, HTTP Basic, no session, no CSRF token since Basic carries no
 * cookie); a test names its caller with {@link ApiCallers#as(PlatformUser)}, a {@link PlatformUser} as the
 * authenticated principal, exactly what the controllers' {@code @AuthenticationPrincipal} receives. Who may do what is the services' work (mocked here)
 * and the ITs'. Left out as well: cycle.OpenedCycleCheck, the interceptor that answers 404 for a cycle nobody
 * opened before a controller runs (a database look-up, pinned by the ITs).
 * <p>
 * A test sends its requests through {@link ApiCalls} (who asks, in which language, what) and checks refusals with
 * {@link ProblemBodies}, so that each reads as what it checks.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "org\\.uprflow\\.cycle\\.OpenedCycleCheck"))
@Import({ApiSliceSecurity.class, ApiCalls.class})
// the upload limits MultipartProblems answers with, as the platform configures them
@ImportAutoConfiguration(MultipartAutoConfiguration.class)
public @interface ApiSlice {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();
}
