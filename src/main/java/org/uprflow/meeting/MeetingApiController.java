package org.uprflow.meeting;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.uprflow.country.CountryDirectory;
import org.uprflow.security.PlatformUser;
import org.uprflow.shared.CountryCode;

@RestController
@RequestMapping(path = "/api/countries/{code}/cycles/{cycle}/meetings", produces = "application/json")
@Tag(name = "Meetings", description = "The meetings of a country's cycle as they were held, with attendance per side")
class MeetingApiController {

    private final CountryDirectory countries;
    private final MeetingLog meetings;

    MeetingApiController(CountryDirectory countries, MeetingLog meetings) {
        this.countries = countries;
        this.meetings = meetings;
    }

    @GetMapping
    @Operation(summary = "The cycle's meetings in the order they were held",
            description = "Everybody of the country; another country's: 404. Recorded when the task that records "
                    + "the meeting is completed.")
    List<Meeting> list(@PathVariable CountryCode code, @PathVariable int cycle, @AuthenticationPrincipal PlatformUser caller) {
        countries.find(code, caller);
        return meetings.ofCycle(code.value(), cycle);
    }
}
