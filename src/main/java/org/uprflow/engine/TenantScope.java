package org.uprflow.engine;

import java.util.List;

/**
 * The countries (tenants) an identity may work in, whoever set it: the platform's filters or the
 * Camunda webapps' own login, which counts every tenant of every group of the user. The platform
 * supplies the rule (security.PlatformUser); {@link ScopedIdentities} applies it before every command.
 */
public interface TenantScope {

    /** The tenants the engine should check {@code userId} against, out of the ones the identity store gives. */
    List<String> tenantsOf(String userId, List<String> groupIds, List<String> tenantIds);
}
