package org.uprflow.country;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.query.Query;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.uprflow.engine.EngineAuthentication;
import org.uprflow.security.PlatformUser;
import org.uprflow.shared.CountryCode;
import org.uprflow.shared.UnknownCountryCodeException;

/**
 * Writes a country into Camunda's identity store: its tenant, its role groups, their
 * authorizations to use Tasklist, and the Tasklist filters of each role. Runs as the platform,
 * since the callers (programme managers) may not create tenants themselves; the caller's rights
 * are checked by {@link CountryDirectory} before. Joins the caller's transaction.
 */
@Component
class CountryProvisioning {

    /** Filter property naming the country a filter belongs to; Tasklist ignores unknown properties. */
    private static final String FILTER_COUNTRY = "uprflowCountry";
    private static final String FILTER_VIEW = "uprflowView";
    private static final String VIEW_ALL_TASKS = "all-tasks";
    /** The message key of the role a role's filter is for: Tasklist shows the filter's name in each user's language. */
    private static final String FILTER_ROLE = "uprflowRole";
    private static final List<ParticipantRole> COUNTRY_ROLES = List.of(
            ParticipantRole.CSO, ParticipantRole.GOVERNMENT, ParticipantRole.NHRI);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final EngineAuthentication engineAuthentication;
    private final MessageSource messages;
    private final TransactionTemplate transaction;

    CountryProvisioning(IdentityService identity, AuthorizationService authorizations, FilterService filters,
            TaskService tasks, EngineAuthentication engineAuthentication, MessageSource messages,
            PlatformTransactionManager transactionManager) {
        this.transaction = new TransactionTemplate(transactionManager);
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.engineAuthentication = engineAuthentication;
        this.messages = messages;
    }

    /**
     * The global programme-managers group and what it may do in every country it is a member of.
     * Runs at every start; when two nodes start at once the loser finds the group made.
     */
    @EventListener(ApplicationStartedEvent.class)
    void ensureProgrammeManagersGroup() {
        try {
            createProgrammeManagersGroup();
        } catch (ProcessEngineException raceLost) {
            if (!programmeManagersGroupExists()) {
                throw raceLost;
            }
        }
        withdrawPeopleReads();
        nameTheRolesOfEarlierFilters();
    }

    /**
     * Gives a role's filter made before filters named their role (issue 12) its {@code uprflowRole}, read from the
     * country group the filter is granted to: Tasklist then shows its name in each user's language, like the
     * filters made since. Runs at every start (under the start-up lock); a filter that names its role is left as it is.
     */
    void nameTheRolesOfEarlierFilters() {
        transaction.executeWithoutResult(status -> engineAuthentication.asPlatform(() -> {
            for (Filter filter : filters.createTaskFilterQuery().list()) {
                Map<String, Object> properties = filter.getProperties();
                if (properties != null && "role-tasks".equals(properties.get(FILTER_VIEW))
                        && !properties.containsKey(FILTER_ROLE) && properties.get(FILTER_COUNTRY) instanceof String code) {
                    grantedRole(filter.getId(), code).ifPresent(role -> {
                        Map<String, Object> named = new LinkedHashMap<>(properties);
                        named.put(FILTER_ROLE, role.messageKey());
                        filter.setProperties(named);
                        filters.saveFilter(filter);
                    });
                }
            }
        }));
    }

    /** The country role whose group may read the filter, if one may. */
    private Optional<ParticipantRole> grantedRole(String filterId, String code) {
        CountryCode country;
        try {
            country = new CountryCode(code);
        } catch (UnknownCountryCodeException notACountry) {
            return Optional.empty();
        }
        return authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filterId).list()
                .stream().map(Authorization::getGroupId).filter(groupId -> groupId != null)
                .flatMap(groupId -> ParticipantRole.ofGroup(country, groupId).stream()).findFirst();
    }

    private boolean programmeManagersGroupExists() {
        return engineAuthentication.asPlatform(() ->
                identity.createGroupQuery().groupId(PlatformUser.PROGRAMME_MANAGERS_GROUP).count() > 0);
    }

    private void createProgrammeManagersGroup() {
        if (programmeManagersGroupExists()) {
            return;
        }
        // The group and its authorizations together, or neither: a half-made group would be skipped next start.
        transaction.executeWithoutResult(status -> engineAuthentication.asPlatform(() -> {
            String groupId = PlatformUser.PROGRAMME_MANAGERS_GROUP;
            Group group = identity.newGroup(groupId);
            group.setName(text("group.programme-managers.name"));
            group.setType("WORKFLOW");
            identity.saveGroup(group);
            grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(groupId, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            // Tenant checks keep each manager to the countries she is a member of. No CREATE_INSTANCE:
            // cycles are opened through /api (CycleLauncher), which keeps the one-cycle-per-number record;
            // a start through /engine-rest or Tasklist would bypass it.
            grant(groupId, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
                    Permissions.READ_INSTANCE, Permissions.READ_TASK, Permissions.UPDATE_TASK, Permissions.READ_HISTORY);
            grant(groupId, Resources.PROCESS_INSTANCE, ANY, Permissions.READ, Permissions.UPDATE);
            grant(groupId, Resources.TASK, ANY, Permissions.READ, Permissions.UPDATE);
            grant(groupId, Resources.DEPLOYMENT, ANY, Permissions.READ);
            grant(groupId, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
            // No READ on USER or GROUP: the engine's identity listings know no country, so they would show
            // every country's people. The people of a country are read through /api (CountryDirectory).
        }));
    }

    /**
     * Takes back the managers' engine-wide READ on users and groups that earlier versions granted. Runs at
     * every start; deleting what is gone already changes nothing.
     */
    private void withdrawPeopleReads() {
        transaction.executeWithoutResult(status -> engineAuthentication.asPlatform(() -> {
            for (Resource resource : List.of(Resources.USER, Resources.GROUP)) {
                authorizations.createAuthorizationQuery().groupIdIn(PlatformUser.PROGRAMME_MANAGERS_GROUP)
                        .resourceType(resource).resourceId(ANY).list()
                        .forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
            }
        }));
    }

    /** @throws IdentityConflictException if the tenant or one of the group ids is taken already */
    void createCountry(CountryCode code, String name) {
        engineAuthentication.asPlatform(() -> {
            if (identity.createTenantQuery().tenantId(code.value()).count() > 0) {
                throw new IdentityConflictException("code", "problem.country.duplicate.detail", code.upperCase());
            }
            for (ParticipantRole role : COUNTRY_ROLES) {
                if (identity.createGroupQuery().groupId(role.groupId(code)).count() > 0) {
                    throw new IdentityConflictException(null, "problem.participant.group-exists.detail", role.groupId(code));
                }
            }
            Tenant tenant = identity.newTenant(code.value());
            tenant.setName(name);
            identity.saveTenant(tenant);

            List<String> groupIds = new ArrayList<>();
            for (ParticipantRole role : COUNTRY_ROLES) {
                String groupId = role.groupId(code);
                Group group = identity.newGroup(groupId);
                group.setName(name + " \u00b7 " + text(role.messageKey()));
                group.setType("WORKFLOW");
                identity.saveGroup(group);
                identity.createTenantGroupMembership(code.value(), groupId);
                grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
                // Definitions are shared by all countries; reading them lets Tasklist show names and forms.
                grant(groupId, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
                // The role's own work first: Tasklist opens on the filter with the lowest priority.
                String roleFilter = saveFilter(code, "role-tasks", role.messageKey(), -20, "#3b7a57",
                        text("filter.role-tasks.name", name, text(role.messageKey())),
                        text("filter.role-tasks.description", name, text(role.messageKey())),
                        tasks.createTaskQuery().taskCandidateGroup(groupId).includeAssignedTasks()
                                .tenantIdIn(code.value()).orderByDueDate().asc());
                grant(groupId, Resources.FILTER, roleFilter, Permissions.READ);
                groupIds.add(groupId);
            }
            String myTasks = saveFilter(code, "my-tasks", null, -10, "#1f5fa8",
                    text("filter.my-tasks.name", name), text("filter.my-tasks.description", name),
                    tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")
                            .tenantIdIn(code.value()).orderByDueDate().asc());
            groupIds.forEach(groupId -> grant(groupId, Resources.FILTER, myTasks, Permissions.READ));
            saveFilter(code, VIEW_ALL_TASKS, null, -5, "#8a4b08",
                    text("filter.all-tasks.name", name), text("filter.all-tasks.description", name),
                    tasks.createTaskQuery().tenantIdIn(code.value()).orderByDueDate().asc());
        });
    }

    boolean userExists(String userId) {
        return engineAuthentication.asPlatform(() -> identity.createUserQuery().userId(userId).count() > 0);
    }

    /** The roles a user holds anywhere, as the grant rule ({@link CountryDirectory#addParticipant}) needs them. */
    RoleFootprint footprint(String userId) {
        return engineAuthentication.asPlatform(() -> {
            boolean manager = identity.createUserQuery().userId(userId)
                    .memberOfGroup(PlatformUser.PROGRAMME_MANAGERS_GROUP).count() > 0;
            Set<String> ownCountries = identity.createTenantQuery().userMember(userId).list().stream()
                    .map(Tenant::getId).collect(Collectors.toSet());
            Set<String> anyRoute = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
                    .stream().map(Tenant::getId).collect(Collectors.toSet());
            Set<String> byCountryRole = new HashSet<>(anyRoute);
            if (manager) {
                // A manager's own memberships are the countries she manages; the rest came with a country role.
                byCountryRole.removeAll(ownCountries);
            }
            return new RoleFootprint(manager ? ownCountries : Set.of(), byCountryRole);
        });
    }

    /**
     * @param managed        the countries the user manages
     * @param byCountryRoles the countries where the user holds a CSO, government or NHRI role and does not manage
     */
    record RoleFootprint(Set<String> managed, Set<String> byCountryRoles) {
    }

    void createUser(NewParticipant participant) {
        engineAuthentication.asPlatform(() -> {
            User user = identity.newUser(participant.userId());
            user.setFirstName(participant.firstName());
            user.setLastName(participant.lastName());
            user.setEmail(participant.email());
            user.setPassword(participant.password());
            identity.saveUser(user);
        });
    }

    /** Gives an existing user a role in the country; giving a role twice changes nothing. */
    void addToCountry(String userId, CountryCode code, ParticipantRole role) {
        engineAuthentication.asPlatform(() -> {
            if (role.isCountryGroup()) {
                addMembership(userId, role.groupId(code));
                return;
            }
            addMembership(userId, PlatformUser.PROGRAMME_MANAGERS_GROUP);
            if (identity.createTenantQuery().tenantId(code.value()).userMember(userId).count() == 0) {
                identity.createTenantUserMembership(code.value(), userId);
            }
            String allTasks = findFilter(code, VIEW_ALL_TASKS);
            if (authorizations.createAuthorizationQuery().userIdIn(userId).resourceType(Resources.FILTER)
                    .resourceId(allTasks).count() == 0) {
                grantUser(userId, Resources.FILTER, allTasks, Permissions.READ);
            }
        });
    }

    /** Everybody with a role in the country, by user id. */
    List<Participant> participants(CountryCode code) {
        return engineAuthentication.asPlatform(() -> {
            Map<String, User> users = new TreeMap<>();
            Map<String, List<ParticipantRole>> roles = new LinkedHashMap<>();
            for (ParticipantRole role : COUNTRY_ROLES) {
                for (User user : identity.createUserQuery().memberOfGroup(role.groupId(code)).list()) {
                    users.put(user.getId(), user);
                    roles.computeIfAbsent(user.getId(), id -> new ArrayList<>()).add(role);
                }
            }
            List<String> managers = identity.createUserQuery().memberOfGroup(PlatformUser.PROGRAMME_MANAGERS_GROUP)
                    .list().stream().map(User::getId).toList();
            for (User user : identity.createUserQuery().memberOfTenant(code.value()).list()) {
                if (managers.contains(user.getId())) {
                    users.put(user.getId(), user);
                    roles.computeIfAbsent(user.getId(), id -> new ArrayList<>()).add(ParticipantRole.PROGRAMME_MANAGER);
                }
            }
            return users.values().stream().map(user -> new Participant(user.getId(), user.getFirstName(),
                    user.getLastName(), user.getEmail(), List.copyOf(roles.get(user.getId())))).toList();
        });
    }

    private void addMembership(String userId, String groupId) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }

    private String saveFilter(CountryCode code, String view, String roleKey, int priority, String color, String name,
            String description, Query<?, ?> query) {
        Filter filter = filters.newTaskFilter(name);
        filter.setQuery(query);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("color", color);
        properties.put("refresh", true);
        properties.put(FILTER_COUNTRY, code.value());
        properties.put(FILTER_VIEW, view);
        if (roleKey != null) {
            properties.put(FILTER_ROLE, roleKey);
        }
        filter.setProperties(properties);
        return filters.saveFilter(filter).getId();
    }

    private String findFilter(CountryCode code, String view) {
        return filters.createTaskFilterQuery().list().stream()
                .filter(filter -> code.value().equals(filter.getProperties().get(FILTER_COUNTRY))
                        && view.equals(filter.getProperties().get(FILTER_VIEW)))
                .map(Filter::getId).findFirst()
                .orElseThrow(() -> new IllegalStateException("No '" + view + "' filter for country " + code));
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        save(authorization, resource, resourceId, permissions);
    }

    private void grantUser(String userId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setUserId(userId);
        save(authorization, resource, resourceId, permissions);
    }

    private void save(Authorization authorization, Resource resource, String resourceId, Permission... permissions) {
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.ENGLISH);
    }
}
