package org.uprflow.security;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is logged in, for the platform's pages, and the token their writes must carry; the user's own password. */
@RestController
@RequestMapping("/api/session")
class SessionApiController {

    private final PasswordChanges passwordChanges;

    SessionApiController(PasswordChanges passwordChanges) {
        this.passwordChanges = passwordChanges;
    }

    /**
     * @param countries              the caller's countries as the pages and {@code /api} write them ({@code KE}),
     *                               not as the engine's tenant ids ({@code ke}): a country picker must not offer both
     * @param csrfToken              the value for the {@code X-XSRF-TOKEN} header of writes made with the session
     *                               cookie; null when the caller authenticated with HTTP Basic
     * @param passwordChangeRequired the user must set their own password before anything else
     *                               ({@code POST /api/session/password})
     */
    record SessionView(String userId, List<String> countries, boolean admin, boolean programmeManager,
            String csrfToken, boolean passwordChangeRequired) {
    }

    record PasswordChange(@NotBlank @Size(max = 255) String currentPassword,
            @NotBlank @Size(max = 255) String newPassword) {
    }

    @GetMapping
    @Operation(summary = "The caller, their countries and roles; with a session login, the token for writes")
    SessionView current(@AuthenticationPrincipal PlatformUser caller, HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        boolean bySession = request.getHeader("Authorization") == null && session != null;
        return new SessionView(caller.userId(), caller.countryCodes().stream().map(code -> code.toUpperCase(Locale.ROOT)).sorted().toList(), caller.isAdmin(),
                caller.isProgrammeManager(), bySession ? WebappSessionAuthenticationFilter.csrfToken(session) : null,
                passwordChanges.required(caller.userId()));
    }

    /**
     * The caller's own password, under the same policy as every other channel. The one call besides who-am-I and
     * logging out that a user held by a first-login change may make. A wrong current password counts as a failed
     * login of that user from that address (LoginThrottle).
     */
    @PostMapping("/password")
    @Operation(summary = "Set your own password (required first for an account a programme manager created)")
    ResponseEntity<Void> changePassword(@AuthenticationPrincipal PlatformUser caller,
            @Valid @RequestBody PasswordChange change, HttpServletRequest request) {
        passwordChanges.changeOwn(caller.userId(), change.currentPassword(), change.newPassword(),
                request.getRemoteAddr());
        return ResponseEntity.noContent().build();
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
