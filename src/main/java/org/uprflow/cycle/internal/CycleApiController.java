package org.uprflow.cycle.internal;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.uprflow.cycle.Cycle;
import org.uprflow.cycle.CycleLauncher;
import org.uprflow.cycle.OpenCycle;
import org.uprflow.security.PlatformUser;
import org.uprflow.shared.CountryCode;

@RestController
@RequestMapping(path = "/api/countries/{code}/cycles", produces = "application/json")
@Tag(name = "Cycles", description = "A country's UPR cycles, from pre-session to mid-term report")
class CycleApiController {

    private final CycleLauncher launcher;

    CycleApiController(CycleLauncher launcher) {
        this.launcher = launcher;
    }

    @GetMapping
    @Operation(summary = "The country's cycles")
    List<Cycle> list(@PathVariable CountryCode code, @AuthenticationPrincipal PlatformUser caller) {
        return launcher.ofCountry(code, caller);
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Open a cycle: starts the country's upr-cycle process (business key KE-2)",
            description = "The country's programme managers and admins. 409 if that cycle number is open already.")
    ResponseEntity<Cycle> open(@PathVariable CountryCode code, @Valid @RequestBody OpenCycle request,
            @AuthenticationPrincipal PlatformUser caller) {
        Cycle cycle = launcher.open(code, request, caller);
        return ResponseEntity.created(URI.create("/api/countries/" + cycle.countryCode() + "/cycles/"
                + cycle.cycleNumber())).body(cycle);
    }
}
