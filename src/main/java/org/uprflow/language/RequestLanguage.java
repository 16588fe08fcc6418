package org.uprflow.language;

import java.io.IOException;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.http.HttpHeaders;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.uprflow.engine.WebappLogin;
import org.uprflow.security.PlatformUser;

/**
 * The one rule for the language of a request, on every channel: the caller's own choice, else the
 * language their browser asks for among those offered (a setting of the person's own device), else
 * their countries' working language (what an e-mail, or a browser asking only for languages the
 * platform lacks, gets), else English. The caller is the
 * HTTP Basic user ({@code /api}, {@code /engine-rest}) or the webapps' login of the session
 * (Tasklist, its engine API, the platform's pages).
 *
 * <p>As the MVC {@link LocaleResolver} it serves {@code /api} and the pages; as a filter behind
 * the security chains it sets the locale of the Jersey servlets ({@code /engine-rest}, the
 * webapps' engine API), whose refusals and translated names would otherwise follow the browser.
 * Resolved lazily, once per request: a request that shows no text costs no query.
 */
class RequestLanguage extends OncePerRequestFilter implements LocaleResolver {

    private static final String RESOLVED = RequestLanguage.class.getName() + ".resolved";

    private final Languages languages;
    private final UserLanguages userLanguages;
    private final String engineName;

    RequestLanguage(Languages languages, UserLanguages userLanguages, String engineName) {
        this.languages = languages;
        this.userLanguages = userLanguages;
        this.engineName = engineName;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Object resolved = request.getAttribute(RESOLVED);
        if (resolved instanceof Locale locale) {
            return locale;
        }
        Locale locale = Locale.forLanguageTag(language(request));
        request.setAttribute(RESOLVED, locale);
        return locale;
    }

    /** The language code for this request (also what {@code config.js} gives Tasklist). */
    String language(HttpServletRequest request) {
        Optional<Caller> caller = caller(request);
        if (caller.isEmpty()) {
            return browser(request).orElseGet(languages::fallback);
        }
        UserLanguages.Known known = userLanguages.known(caller.get().userId(), caller.get().countries());
        return known.chosen().or(() -> browser(request)).or(known::ofCountries).orElseGet(languages::fallback);
    }

    /** The best offered language the browser asks for, when it asks for one at all. */
    private Optional<String> browser(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
            return Optional.empty();
        }
        return languages.firstOffered(Collections.list(request.getLocales()));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The language is chosen in the profile (PUT /api/profile/language)");
    }

    private record Caller(String userId, Set<String> countries) {
    }

    private Optional<Caller> caller(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PlatformUser user) {
            return Optional.of(new Caller(user.userId(), user.countryCodes()));
        }
        return WebappLogin.in(request.getSession(false), engineName)
                .map(login -> new Caller(login.userId(), Set.copyOf(login.tenantIds())));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        LocaleContext previous = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocaleContext(() -> resolveLocale(request));
        try {
            chain.doFilter(request, response);
        } finally {
            LocaleContextHolder.setLocaleContext(previous);
        }
    }
}
