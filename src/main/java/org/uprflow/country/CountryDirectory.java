package org.uprflow.country;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprflow.security.PlatformUser;

/**
 * The countries on the platform and who takes part in each. Every method checks the caller:
 * a country the caller does not belong to does not exist for them (404).
 */
@Service
public class CountryDirectory {

    private final CountryRepository countries;
    private final CountryProvisioning provisioning;
    private final Clock clock;

    CountryDirectory(CountryRepository countries, CountryProvisioning provisioning) {
        this.countries = countries;
        this.provisioning = provisioning;
        this.clock = Clock.systemUTC();
    }

    /**
     * Creates the country's tenant, role groups, authorizations and Tasklist filters and its own
     * record, all in one transaction: a failure half-way leaves nothing behind. A programme
     * manager who onboards a country becomes one of its managers.
     */
    @Transactional
    public Country onboard(CountryCode code, PlatformUser caller) {
        if (!caller.managesCountries()) {
            throw new AccessDeniedException("Only admins and programme managers onboard countries");
        }
        if (countries.exists(code)) {
            throw new IdentityConflictException("code", "problem.country.duplicate.detail", code.upperCase());
        }
        String name = code.displayName(Locale.ENGLISH);
        provisioning.createCountry(code, name);
        try {
            countries.insert(code, name, OffsetDateTime.now(clock), caller.userId());
        } catch (DuplicateKeyException concurrentOnboarding) {
            throw new IdentityConflictException("code", "problem.country.duplicate.detail", code.upperCase());
        }
        if (caller.isProgrammeManager()) {
            provisioning.addToCountry(caller.userId(), code, ParticipantRole.PROGRAMME_MANAGER);
        }
        return countries.find(code).orElseThrow();
    }

    public List<Country> visibleTo(PlatformUser caller) {
        return caller.isAdmin() ? countries.findAll() : countries.findAll(caller.countryCodes());
    }

    public Country find(CountryCode code, PlatformUser caller) {
        if (!caller.belongsTo(code.value())) {
            throw new CountryNotFoundException(code);
        }
        return countries.find(code).orElseThrow(() -> new CountryNotFoundException(code));
    }

    public boolean isOnboarded(CountryCode code) {
        return countries.exists(code);
    }

    /**
     * The people of the country, for those who work in it; their e-mail addresses only for those who
     * manage it (who is whose contact is itself sensitive, and participants reach each other in meetings).
     */
    public List<Participant> participants(CountryCode code, PlatformUser caller) {
        find(code, caller);
        List<Participant> participants = provisioning.participants(code);
        return caller.manages(code.value()) ? participants : participants.stream().map(Participant::withoutEmail).toList();
    }

    /**
     * Gives a person a role in a country, creating the user if they are new. Only the country's
     * programme managers and admins do this, and only in that country: every role there is theirs to
     * give, since managing is the highest role a country has. Manager and country roles do not mix
     * across countries ({@link #requireNoMix}).
     */
    @Transactional
    public Participant addParticipant(CountryCode code, NewParticipant participant, PlatformUser caller) {
        find(code, caller);
        if (!caller.manages(code.value())) {
            throw new AccessDeniedException("Only the country's programme managers add participants");
        }
        if (provisioning.userExists(participant.userId())) {
            if (participant.describesNewUser()) {
                throw new IdentityConflictException("userId", "problem.participant.duplicate.detail", participant.userId());
            }
            requireNoMix(participant.userId(), participant.role(), code);
        } else {
            requireNewUserDetails(participant);
            provisioning.createUser(participant);
        }
        provisioning.addToCountry(participant.userId(), code, participant.role());
        return provisioning.participants(code).stream()
                .filter(p -> p.userId().equals(participant.userId())).findFirst().orElseThrow();
    }

    /**
     * The managers' group holds engine-wide authorizations that only the tenant check bounds, and the
     * Camunda webapps count every tenant of a user: a manager who also held a CSO role in another
     * country would manage it in Tasklist and Cockpit. So a participant of another country is not made
     * a manager here, and a manager gets no country role in a country she does not manage (409 either
     * way; the platform's own rule, security.PlatformUser.fromIdentityStore, ignores such a role too).
     */
    private void requireNoMix(String userId, ParticipantRole role, CountryCode code) {
        CountryProvisioning.RoleFootprint footprint = provisioning.footprint(userId);
        boolean mixes = role.isCountryGroup()
                ? !footprint.managed().isEmpty() && !footprint.managed().contains(code.value())
                : footprint.byCountryRoles().stream().anyMatch(country -> !country.equals(code.value()));
        if (mixes) {
            throw new IdentityConflictException("userId", "problem.participant.role-mix.detail", userId, code.upperCase());
        }
    }

    private static void requireNewUserDetails(NewParticipant participant) {
        Map<String, String> missing = new LinkedHashMap<>();
        if (participant.firstName() == null || participant.firstName().isBlank()) {
            missing.put("firstName", "validation.required-new-user");
        }
        if (participant.lastName() == null || participant.lastName().isBlank()) {
            missing.put("lastName", "validation.required-new-user");
        }
        if (participant.email() == null || participant.email().isBlank()) {
            missing.put("email", "validation.required-new-user");
        }
        if (participant.password() == null) {
            missing.put("password", "validation.required-new-user");
        }
        if (!missing.isEmpty()) {
            throw new InvalidParticipantException(missing);
        }
    }
}
