package org.uprflow.country;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprflow.engine.Passwords;
import org.uprflow.engine.PlatformPasswordPolicy;
import org.uprflow.language.Languages;
import org.uprflow.security.PasswordChanges;
import org.uprflow.security.PlatformUser;
import org.uprflow.shared.CountryCode;

/**
 * The countries on the platform and who takes part in each. Every method checks the caller:
 * a country the caller does not belong to does not exist for them (404).
 */
@Service
public class CountryDirectory {

    private final CountryRepository countries;
    private final CountryProvisioning provisioning;
    private final Passwords passwords;
    private final PasswordChanges passwordChanges;
    private final MessageSource messages;
    private final Languages languages;
    private final Clock clock;

    CountryDirectory(CountryRepository countries, CountryProvisioning provisioning, Passwords passwords,
            PasswordChanges passwordChanges, MessageSource messages, Languages languages, Clock clock) {
        this.clock = clock;
        this.countries = countries;
        this.provisioning = provisioning;
        this.passwords = passwords;
        this.passwordChanges = passwordChanges;
        this.messages = messages;
        this.languages = languages;
    }

    /**
     * Creates the country's tenant, role groups, authorizations and Tasklist filters and its own
     * record, all in one transaction: a failure half-way leaves nothing behind. A programme
     * manager who onboards a country becomes one of its managers.
     */
    @Transactional
    public Country onboard(CountryCode code, PlatformUser caller) {
        return onboard(code, languages.fallback(), caller);
    }

    /** The same, in a working language the platform offers (checked by the caller, {@link Languages#require}). */
    @Transactional
    public Country onboard(CountryCode code, String language, PlatformUser caller) {
        if (!caller.managesCountries()) {
            throw new AccessDeniedException("Only admins and programme managers onboard countries");
        }
        if (countries.exists(code)) {
            throw new IdentityConflictException("code", "problem.country.duplicate.detail", code.upperCase());
        }
        String name = code.displayName(Locale.ENGLISH);
        provisioning.createCountry(code, name);
        try {
            countries.insert(code, name, language, OffsetDateTime.now(clock), caller.userId());
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
        return add(code, participant, caller, false);
    }

    /**
     * The embedded default's demo logins only: their documented password {@code demo} is no password under the
     * policy, so it is written without it, and they are not asked to change it (README, docs/adr/0016).
     */
    @Transactional
    public Participant addDemoParticipant(CountryCode code, NewParticipant participant, PlatformUser caller) {
        return add(code, participant, caller, true);
    }

    private Participant add(CountryCode code, NewParticipant participant, PlatformUser caller, boolean demo) {
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
            if (demo) {
                passwords.saveDemoUser(participant.userId(), participant.firstName(), participant.lastName(),
                        participant.email(), participant.password());
            } else {
                requireAcceptablePassword(participant);
                provisioning.createUser(participant);
                if (!caller.isAdmin()) {
                    // The manager chose the first password and knows it: the user sets their own before anything else.
                    passwordChanges.require(participant.userId(), caller.userId());
                }
            }
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

    /** The engine's password policy, checked first so that the refusal names the rules in the user's language. */
    private void requireAcceptablePassword(NewParticipant participant) {
        List<String> refusals = passwords.refusals(participant.password(), participant.userId(),
                participant.firstName(), participant.lastName(), participant.email());
        if (!refusals.isEmpty()) {
            Locale locale = LocaleContextHolder.getLocale();
            throw InvalidParticipantException.worded("password", String.join("; ", refusals.stream()
                    .map(key -> messages.getMessage(key, new Object[] {PlatformPasswordPolicy.MIN_LENGTH}, locale))
                    .toList()));
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
