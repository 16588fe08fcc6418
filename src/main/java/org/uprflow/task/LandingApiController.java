package org.uprflow.task;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.uprflow.security.PlatformUser;

/**
 * The landing after the login (issue 12): participants land on their open tasks across their
 * countries and cycles, managers and admins on the dashboard. The tasks come from the same engine
 * query as {@code /api/tasks}, so the engine's tenant check decides what is listed.
 */
@RestController
@RequestMapping(path = "/api/landing", produces = "application/json")
@Tag(name = "Tasks")
class LandingApiController {

    /** More than any participant has open at once; the page says how many there are in all. */
    static final int LISTED = 200;
    private static final String TASKLIST_TASK = "/camunda/app/tasklist/default/#/?task=";

    private final TaskInbox inbox;
    private final Clock clock;

    LandingApiController(TaskInbox inbox, Clock clock) {
        this.clock = clock;
        this.inbox = inbox;
    }

    @GetMapping
    @Operation(summary = "Where the caller lands after the login, and their open tasks, earliest due first")
    Landing landing(@AuthenticationPrincipal PlatformUser caller) {
        List<OpenTask> open = inbox.openTasks(null, 0, LISTED + 1);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Landing.Work> work = open.stream().limit(LISTED).map(task -> work(task, now)).toList();
        Landing.Destination destination = caller.managesCountries() ? Landing.Destination.DASHBOARD
                : Landing.Destination.TASKS;
        return new Landing(caller.userId(), destination, caller.isAdmin(), work,
                open.size() > LISTED ? Math.toIntExact(inbox.countOpenTasks()) : open.size());
    }

    private static Landing.Work work(OpenTask task, OffsetDateTime now) {
        Integer cycleNumber = cycleNumber(task.cycle());
        String register = task.countryCode() == null || cycleNumber == null ? null
                : "/register/?country=" + task.countryCode() + "&cycle=" + cycleNumber;
        return new Landing.Work(task.id(), task.name(), task.countryCode(), task.cycle(), cycleNumber, task.due(),
                task.due() != null && task.due().isBefore(now), task.assignee(), TASKLIST_TASK + task.id(), register);
    }

    /** {@code KE-4} → 4; null for a business key that is no cycle's. */
    static Integer cycleNumber(String cycle) {
        if (cycle == null) {
            return null;
        }
        int dash = cycle.lastIndexOf('-');
        String number = cycle.substring(dash + 1);
        return dash > 0 && !number.isEmpty() && number.length() <= 3 && number.chars().allMatch(Character::isDigit)
                ? Integer.valueOf(number) : null;
    }
}
