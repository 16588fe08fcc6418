package org.uprflow.security;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/login-throttles", produces = "application/json")
@Tag(name = "Login throttles", description = "Sources slowed down after failed logins; admins only")
@PreAuthorize("hasAuthority('" + EngineIdentityAuthenticationProvider.ROLE_ADMIN + "')")
class LoginThrottleApiController {

    private final LoginThrottle throttle;

    LoginThrottleApiController(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @GetMapping
    @Operation(summary = "The throttled sources, latest failure first (at most 500)")
    List<LoginThrottle.Throttle> list() {
        return throttle.list();
    }

    @DeleteMapping
    @Operation(summary = "Lift a throttle: its source may try again at once; 404 if there is none")
    ResponseEntity<Void> lift(@RequestParam String source) {
        return throttle.lift(source) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }
}
