package org.uprflow.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uprflow.security.PlatformUser;
import org.uprflow.shared.CountryCode;

@RestController
@RequestMapping(path = "/api/dashboard", produces = "application/json")
@Tag(name = "Dashboard", description = "The programme managers' view of their countries")
class DashboardApiController {

    private final Dashboard dashboard;

    DashboardApiController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping
    @Operation(summary = "All the caller's countries at a glance",
            description = "Per country: the latest cycle, its phase and timeline, open and overdue tasks per role, "
                    + "the matrix's implementation status, the meetings' attendance. Programme managers (their "
                    + "countries) and admins (all); anybody else 403.")
    Overview overview(@AuthenticationPrincipal PlatformUser caller) {
        return dashboard.overview(caller);
    }

    @GetMapping("/countries/{code}")
    @Operation(summary = "One country in depth: phase history, open tasks, matrix progress, meetings, links",
            description = "The latest cycle, or the one given by ?cycle=. A country not managed by the caller: 404.")
    CountryInDepth country(@PathVariable CountryCode code, @RequestParam(required = false) Integer cycle,
            @AuthenticationPrincipal PlatformUser caller) {
        return dashboard.country(code, cycle, caller);
    }
}
