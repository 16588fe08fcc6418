package org.uprflow.security;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is logged in, for the platform's pages, and the token their writes must carry. */
@RestController
@RequestMapping("/api/session")
class SessionApiController {

    /**
     * @param countries the caller's countries as the pages and {@code /api} write them ({@code KE}), not as
     *                  the engine's tenant ids ({@code ke}): a country picker must not offer both
     * @param csrfToken the value for the {@code X-XSRF-TOKEN} header of writes made with the session
     *                  cookie; null when the caller authenticated with HTTP Basic
     */
    record SessionView(String userId, List<String> countries, boolean admin, boolean programmeManager,
            String csrfToken) {
    }

    @GetMapping
    @Operation(summary = "The caller, their countries and roles; with a session login, the token for writes")
    SessionView current(@AuthenticationPrincipal PlatformUser caller, HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        boolean bySession = request.getHeader("Authorization") == null && session != null;
        return new SessionView(caller.userId(), caller.countryCodes().stream().map(code -> code.toUpperCase(Locale.ROOT)).sorted().toList(), caller.isAdmin(),
                caller.isProgrammeManager(), bySession ? WebappSessionAuthenticationFilter.csrfToken(session) : null);
    }

    /** Ends the session: the platform's pages and the Camunda webapps share it, so both are logged out. */
    @PostMapping("/logout")
    @Operation(summary = "Log out of the platform's pages and the Camunda webapps")
    ResponseEntity<Void> logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return ResponseEntity.noContent().build();
    }
}
