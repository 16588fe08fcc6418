package org.uprflow.recommendation;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.uprflow.security.PlatformUser;
import org.uprflow.shared.CountryCode;

@RestController
@RequestMapping(path = "/api/countries/{code}/cycles/{cycle}/recommendations", produces = "application/json")
@Tag(name = "Recommendations")
class CarryOverApiController {

    private final RegisterCarryOver carryOver;

    CarryOverApiController(RegisterCarryOver carryOver) {
        this.carryOver = carryOver;
    }

    @PostMapping("/carry-over")
    @Operation(summary = "Start the register from the previous cycle's recommendations that are still open",
            description = "The country's programme managers and admins. Copies, all or nothing, every recommendation "
                    + "of the country's previous opened cycle that its matrix does not call fully implemented (the "
                    + "latest final version, else the latest draft), each linked to the one it continues. 409 when "
                    + "the register is not empty; 404 when there is no earlier cycle.")
    ResponseEntity<RegisterCarryOver.CarriedOver> carryOver(@PathVariable CountryCode code, @PathVariable int cycle,
            @AuthenticationPrincipal PlatformUser caller) {
        return ResponseEntity.status(201).body(carryOver.carryOver(code, cycle, caller));
    }

    @GetMapping("/origins")
    @Operation(summary = "The cycle's carried-over recommendations with the earlier ones they continue")
    List<RegisterCarryOver.Origin> origins(@PathVariable CountryCode code, @PathVariable int cycle,
            @AuthenticationPrincipal PlatformUser caller) {
        return carryOver.origins(code, cycle, caller);
    }
}
