package org.uprflow.cycle;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprflow.country.CountryCode;
import org.uprflow.country.CountryDirectory;
import org.uprflow.engine.EngineAuthentication;
import org.uprflow.security.PlatformUser;

/**
 * Opens a country's UPR cycle: one {@code upr-cycle} instance in the country's tenant with a
 * business key people can read ({@code KE-2}), and the platform's record of it, in one
 * transaction. The only way a cycle starts: nobody but the platform may start process instances.
 */
@Service
public class CycleLauncher {

    private final CountryDirectory countries;
    private final CycleRepository cycles;
    private final RuntimeService runtimeService;
    private final CycleCalendar calendar;
    private final EngineAuthentication engineAuthentication;
    private final Clock clock = Clock.systemUTC();

    CycleLauncher(CountryDirectory countries, CycleRepository cycles, RuntimeService runtimeService,
            CycleCalendar calendar, EngineAuthentication engineAuthentication) {
        this.countries = countries;
        this.cycles = cycles;
        this.runtimeService = runtimeService;
        this.calendar = calendar;
        this.engineAuthentication = engineAuthentication;
    }

    @Transactional
    public Cycle open(CountryCode country, OpenCycle request, PlatformUser caller) {
        countries.find(country, caller);
        if (!caller.manages(country.value())) {
            throw new AccessDeniedException("Only the country's programme managers open its cycles");
        }
        Map<String, Object> variables = startVariables(country, request);
        String businessKey = businessKey(country, request.cycleNumber());
        if (cycles.exists(country.value(), request.cycleNumber())) {
            throw new CycleAlreadyOpenException(businessKey);
        }
        // Started as the platform: managers may not start processes themselves (no CREATE_INSTANCE),
        // so that every cycle goes through here; the caller's right to this country was checked above.
        ProcessInstance instance = engineAuthentication.asPlatform(() ->
                runtimeService.startProcessInstanceByKey(UprCycleProcess.KEY, businessKey, variables));
        Cycle cycle = new Cycle(businessKey, country.upperCase(), request.cycleNumber(), request.wgSession(),
                request.reviewDate(), instance.getId(), OffsetDateTime.now(clock), caller.userId());
        try {
            cycles.insert(cycle);
        } catch (DuplicateKeyException openedAtTheSameMoment) {
            throw new CycleAlreadyOpenException(businessKey);
        }
        return cycle;
    }

    public List<Cycle> ofCountry(CountryCode country, PlatformUser caller) {
        countries.find(country, caller);
        return cycles.ofCountry(country.value());
    }

    public static String businessKey(CountryCode country, int cycleNumber) {
        return country.upperCase() + "-" + cycleNumber;
    }

    private Map<String, Object> startVariables(CountryCode country, OpenCycle request) {
        Set<String> knowable = calendar.schedule(request.reviewDate()).keySet();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> variables = new HashMap<>();
        for (Map.Entry<String, LocalDate> known : request.knownDatesOrNone().entrySet()) {
            if (!knowable.contains(known.getKey())) {
                errors.put("knownDates." + known.getKey(), "is not a date of the cycle; known are " + knowable);
            } else if (known.getValue() == null) {
                errors.put("knownDates." + known.getKey(), "needs a date (yyyy-MM-dd)");
            } else {
                variables.put(known.getKey(), calendar.dueOn(known.getValue()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidCycleException(errors);
        }
        variables.put(UprCycleProcess.COUNTRY_CODE, country.value());
        variables.put(UprCycleProcess.CYCLE_NUMBER, request.cycleNumber());
        variables.put(UprCycleProcess.WG_SESSION, request.wgSession());
        variables.put(UprCycleProcess.REVIEW_DATE, request.reviewDate().toString());
        return variables;
    }
}
