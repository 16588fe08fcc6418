package org.uprflow.engine;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Stamps every process instance with the tenant of its country, taken from the start variable
 * {@value #COUNTRY_CODE_VARIABLE}. Works from the start variables alone, so timers, jobs and
 * API starts with nobody logged in are stamped too. A called process inherits its caller's tenant.
 * <p>
 * Process definitions are shared (deployed without tenant), so nothing else stops an instance
 * from being started for a country that does not exist or that the caller does not belong to:
 * both are refused here.
 */
public class CountryTenantIdProvider implements TenantIdProvider {

    public static final String COUNTRY_CODE_VARIABLE = "countryCode";

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
        DelegateExecution superExecution = ctx.getSuperExecution();
        if (superExecution != null) {
            return superExecution.getTenantId();
        }
        Object value = ctx.getVariables() == null ? null : ctx.getVariables().get(COUNTRY_CODE_VARIABLE);
        if (!(value instanceof String countryCode) || !countryCode.matches("[a-z]{2}")) {
            throw new BadUserRequestException("Process '" + ctx.getProcessDefinition().getKey()
                    + "' needs the start variable '" + COUNTRY_CODE_VARIABLE
                    + "' holding the lower-case ISO code of an onboarded country, got: " + value);
        }
        CommandContext commandContext = Context.getCommandContext();
        boolean onboarded = commandContext.runWithoutAuthorization(() -> commandContext.getProcessEngineConfiguration()
                .getIdentityService().createTenantQuery().tenantId(countryCode).count() == 1);
        if (!onboarded) {
            throw new BadUserRequestException("Country '" + countryCode + "' is not onboarded.");
        }
        Authentication caller = commandContext.getAuthentication();
        if (caller != null && !isAdmin(caller)
                && (caller.getTenantIds() == null || !caller.getTenantIds().contains(countryCode))) {
            throw new AuthorizationException("User '" + caller.getUserId()
                    + "' cannot start work for country '" + countryCode + "'.");
        }
        return countryCode;
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
        // CMMN is not used; a case instance would inherit its super execution's country.
        return ctx.getSuperExecution() == null ? null : ctx.getSuperExecution().getTenantId();
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
        if (ctx.getExecution() != null) {
            return ctx.getExecution().getTenantId();
        }
        return ctx.getCaseExecution() == null ? null : ctx.getCaseExecution().getTenantId();
    }

    private static boolean isAdmin(Authentication caller) {
        return caller.getGroupIds() != null && caller.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
    }
}
