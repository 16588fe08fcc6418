package org.uprflow.audit;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uprflow.security.PlatformUser;
import org.uprflow.shared.CountryCode;

@RestController
@RequestMapping(path = "/api/countries/{code}/audit", produces = "application/json")
@Tag(name = "Audit trail", description = "Who changed a country's register and matrix, and when")
class AuditApiController {

    private final AuditTrail trail;

    AuditApiController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    @Operation(summary = "The country's audit trail, newest first",
            description = "The country's programme managers and admins (others of the country: 403). "
                    + "Optionally one cycle; at most " + AuditTrail.MAX_PAGE_SIZE + " events a page.")
    List<AuditEvent> read(@PathVariable CountryCode code, @RequestParam(required = false) @Min(1) @Max(99) Integer cycle,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(AuditTrail.MAX_PAGE_SIZE) int size,
            @AuthenticationPrincipal PlatformUser caller) {
        return trail.read(code, cycle, page, size, caller);
    }
}
