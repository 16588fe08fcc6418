package org.uprflow.cycle.internal;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;

/**
 * Chooses which definition of a phase a country's cycle calls. Used by every call activity of
 * the cycle as {@code camunda:calledElementTenantId="${phaseVariants.tenantFor(countryCode, 'key')}"}.
 *
 * <p>Returns the country's tenant id when that country has deployed its own definition of the
 * phase (from {@code processes/<country>/}), otherwise {@code null}, which makes Camunda 7.24 look
 * the key up among the definitions deployed without a tenant, the shared ones
 * (CountryVariantTest proves both).
 */
@Component("phaseVariants")
public class PhaseVariants {

    private final RepositoryService repositoryService;

    public PhaseVariants(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    public String tenantFor(String countryCode, String processKey) {
        long own = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(processKey)
                .tenantIdIn(countryCode)
                .count();
        return own > 0 ? countryCode : null;
    }
}
