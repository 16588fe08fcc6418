package org.uprflow.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The engine's notion of "who is calling" for the current thread. The engine applies its tenant
 * and authorization checks to that identity; platform code that must do what the caller may not
 * (creating a tenant on a programme manager's request) runs {@link #asPlatform}.
 */
@Component
public class EngineAuthentication {

    private final IdentityService identityService;

    EngineAuthentication(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** The caller's identity, with the tenants the platform's rule (TenantScope) has given already. */
    public void set(String userId, Collection<String> groupIds, Collection<String> tenantIds) {
        identityService.setAuthentication(new ScopedIdentities.Scoped(userId, new ArrayList<>(groupIds),
                new ArrayList<>(tenantIds)));
    }

    public void clear() {
        identityService.clearAuthentication();
    }

    /** Runs {@code work} with no engine identity, so no authorization check applies; restores the caller after. */
    public <T> T asPlatform(Supplier<T> work) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    public void asPlatform(Runnable work) {
        asPlatform(() -> {
            work.run();
            return null;
        });
    }
}
