package org.uprflow.report;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.uprflow.shared.CountryCode;
import org.uprflow.web.ApiCalls;
import org.uprflow.web.ApiSlice;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.uprflow.web.ApiCallers.KE_CSO;
import static org.uprflow.web.ApiCallers.KE_MANAGER;
import static org.uprflow.web.ProblemBodies.detail;
import static org.uprflow.web.ProblemBodies.fieldError;
import static org.uprflow.web.ProblemBodies.problem;

/**
 * The mid-term report's API as a web slice ({@link ApiSlice}): report's refusals answered by the one generic path,
 * with the bodies its own handler (ReportProblems, gone) gave.
 */
@ApiSlice(ReportApiController.class)
class ReportApiWebTest {

    private static final String CYCLE = "/api/countries/KE/cycles/12";

    @Autowired
    ApiCalls api;
    @MockitoBean
    MidTermReports reports;
    @MockitoBean
    ReportDocument document;

    @Test
    void aCycleTheCountryHasNotOpenedIsNotFound() throws Exception {
        when(reports.report(new CountryCode("ke"), 12, KE_CSO))
                .thenThrow(new CycleNotOpenException(new CountryCode("ke"), 12));
        api.as(KE_CSO).get(CYCLE + "/report")
                .andExpect(problem(NOT_FOUND, "Not found", "Country KE has no cycle 12 on the platform."))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.instance").value(CYCLE + "/report"));
    }

    @Test
    void aCycleTheCountryHasNotOpenedIsNotFoundInFrench() throws Exception {
        when(reports.report(new CountryCode("ke"), 12, KE_CSO))
                .thenThrow(new CycleNotOpenException(new CountryCode("ke"), 12));
        api.as(KE_CSO).inLanguage("fr").get(CYCLE + "/report")
                .andExpect(problem(NOT_FOUND, "Introuvable", "Le pays KE n’a pas de cycle 12 sur la plateforme."));
    }

    @Test
    void aReportThatIsNotPublicHasNoLink() throws Exception {
        when(reports.publicLink(new CountryCode("ke"), 12, KE_MANAGER)).thenReturn(Optional.empty());
        api.as(KE_MANAGER).get(CYCLE + "/report/public-link")
                .andExpect(status().isNotFound())
                .andExpect(detail("No public link 'KE-12' in this cycle of the country."));
    }

    @Test
    void aCountryCodeThatIsNoIsoCodeIsRefused() throws Exception {
        api.as(KE_CSO).get("/api/countries/XX/cycles/12/report")
                .andExpect(status().isBadRequest())
                .andExpect(fieldError("code", "'xx' is not an ISO 3166-1 alpha-2 country code."));
        verifyNoInteractions(reports);
    }
}
