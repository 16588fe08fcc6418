package org.uprflow.cycle;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprflow.country.CountryDirectory;
import org.uprflow.engine.EngineAuthentication;
import org.uprflow.security.PlatformUser;
import org.uprflow.shared.CountryCode;

/**
 * Opens a country's UPR cycle: one {@code upr-cycle} instance in the country's tenant with a
 * business key people can read ({@code KE-2}), and the platform's record of it, in one
 * transaction. The only way a cycle starts: nobody but the platform may start process instances.
 *
 * <p>A cycle that began before the platform starts at the phase the manager says it stands at
 * (the instance starts before that phase's activity), with the earlier phases recorded as done on
 * the days stated and its calendar re-planned from the opening ({@link CycleCalendar#countingFrom}).
 */
@Service
public class CycleLauncher {

    private final CountryDirectory countries;
    private final CycleRepository cycles;
    private final RuntimeService runtimeService;
    private final CycleCalendar calendar;
    private final CycleOpeningRules rules;
    private final EngineAuthentication engineAuthentication;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CycleLauncher(CountryDirectory countries, CycleRepository cycles, RuntimeService runtimeService,
            CycleCalendar calendar, CycleOpeningRules rules, EngineAuthentication engineAuthentication,
            ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.countries = countries;
        this.cycles = cycles;
        this.runtimeService = runtimeService;
        this.calendar = calendar;
        this.rules = rules;
        this.engineAuthentication = engineAuthentication;
        this.events = events;
    }

    @Transactional
    public Cycle open(CountryCode country, OpenCycle request, PlatformUser caller) {
        countries.find(country, caller);
        if (!caller.manages(country.value())) {
            throw new AccessDeniedException("Only the country's programme managers open its cycles");
        }
        LocalDate today = LocalDate.now(clock);
        rules.check(request, today);
        OpeningPhase phase = request.phaseOrStart();
        LocalDate calendarFrom = calendar.countingFrom(request.reviewDate(), phase, today);
        Map<String, Object> variables = startVariables(country, request, calendarFrom);
        String businessKey = businessKey(country, request.cycleNumber());
        if (cycles.exists(country.value(), request.cycleNumber())) {
            throw new CycleAlreadyOpenException(businessKey);
        }
        // Started as the platform: managers may not start processes themselves (no CREATE_INSTANCE),
        // so that every cycle goes through here; the caller's right to this country was checked above.
        ProcessInstance instance = engineAuthentication.asPlatform(() -> start(phase, businessKey, variables));
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<CycleStep> stepsDone = request.stepsDoneOrNone().stream().map(step -> new CycleStep(step.phase(),
                step.doneOn(), blankToNull(step.note()), step.documentsOrNone().stream().map(String::trim).toList(),
                now, caller.userId())).toList();
        Cycle cycle = new Cycle(businessKey, country.upperCase(), request.cycleNumber(), request.wgSession(),
                request.reviewDate(), instance.getId(), now, caller.userId(), phase, calendarFrom, stepsDone);
        try {
            cycles.insert(cycle);
        } catch (DuplicateKeyException openedAtTheSameMoment) {
            throw new CycleAlreadyOpenException(businessKey);
        }
        events.publishEvent(new CycleOpened(cycle, request, caller));
        return cycle;
    }

    public List<Cycle> ofCountry(CountryCode country, PlatformUser caller) {
        countries.find(country, caller);
        return cycles.ofCountry(country.value());
    }

    public static String businessKey(CountryCode country, int cycleNumber) {
        return country.upperCase() + "-" + cycleNumber;
    }

    /** From the start, or before the first activity of the phase reached: the earlier ones never run. */
    private ProcessInstance start(OpeningPhase phase, String businessKey, Map<String, Object> variables) {
        if (phase == OpeningPhase.PRE_SESSION) {
            return runtimeService.startProcessInstanceByKey(UprCycleProcess.KEY, businessKey, variables);
        }
        return runtimeService.createProcessInstanceByKey(UprCycleProcess.KEY).businessKey(businessKey)
                .setVariables(variables).startBeforeActivity(phase.startActivity()).execute();
    }

    /**
     * The whole calendar at start, counted from {@code calendarFrom}, the manager's known dates
     * kept: a cycle started at a later phase never passes the step that plans it.
     */
    private Map<String, Object> startVariables(CountryCode country, OpenCycle request, LocalDate calendarFrom) {
        Map<String, Object> variables = new HashMap<>(calendar.schedule(calendarFrom));
        request.knownDatesOrNone().forEach((name, day) -> variables.put(name, calendar.dueOn(day)));
        variables.put(UprCycleProcess.COUNTRY_CODE, country.value());
        variables.put(UprCycleProcess.CYCLE_NUMBER, request.cycleNumber());
        variables.put(UprCycleProcess.WG_SESSION, request.wgSession());
        variables.put(UprCycleProcess.REVIEW_DATE, request.reviewDate().toString());
        if (!calendarFrom.equals(request.reviewDate())) {
            variables.put(UprCycleProcess.CALENDAR_FROM, calendarFrom.toString());
        }
        return variables;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
