package org.uprflow.task;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uprflow.shared.CountryCode;

@RestController
@RequestMapping(path = "/api/tasks", produces = "application/json")
@Tag(name = "Tasks", description = "The caller's open tasks, in the caller's countries only")
class TaskApiController {

    private final TaskInbox inbox;

    TaskApiController(TaskInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    @Operation(summary = "Open tasks the caller may work on or see, earliest due first",
            description = "Each with its cycle's business key (cycle: KE-4). Optionally of one country (country=KE).")
    List<OpenTask> openTasks(@RequestParam(required = false) CountryCode country,
            @RequestParam(defaultValue = "0") @Min(0) int first,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int max) {
        return inbox.openTasks(country, first, max);
    }
}
