package org.uprflow.web;

import java.util.List;
import java.util.Set;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.uprflow.security.PlatformUser;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/** Callers of a web slice ({@link ApiSlice}), as the engine's identity store would name them. */
public final class ApiCallers {

    /** Kenya's CSO member. */
    public static final PlatformUser KE_CSO = new PlatformUser("ke.cso", Set.of("ke-cso"), Set.of("ke"), Set.of());
    /** A programme manager of Kenya. */
    public static final PlatformUser KE_MANAGER = new PlatformUser("manager",
            Set.of(PlatformUser.PROGRAMME_MANAGERS_GROUP), Set.of("ke"), Set.of("ke"));

    private ApiCallers() {
    }

    /** The request made by {@code caller}, authenticated: the controllers' {@code @AuthenticationPrincipal}. */
    public static RequestPostProcessor as(PlatformUser caller) {
        return authentication(new UsernamePasswordAuthenticationToken(caller, null,
                List.of(new SimpleGrantedAuthority("ROLE_USER"))));
    }
}
