package org.uprflow.report;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.uprflow.shared.CountryCode;
import org.uprflow.web.ApiSlice;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.uprflow.web.ApiCallers.KE_CSO;
import static org.uprflow.web.ApiCallers.KE_MANAGER;
import static org.uprflow.web.ApiCallers.as;

/**
 * The mid-term report's API as a web slice ({@link ApiSlice}): report's refusals answered by the one generic path,
 * with the bodies its own handler (ReportProblems, gone) gave.
 */
@ApiSlice(ReportApiController.class)
class ReportApiWebTest {

    private static final String CYCLE = "/api/countries/KE/cycles/12";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    MidTermReports reports;
    @MockitoBean
    ReportDocument document;

    @Test
    void aCycleTheCountryHasNotOpenedIsNotFound() throws Exception {
        when(reports.report(new CountryCode("ke"), 12, KE_CSO))
                .thenThrow(new CycleNotOpenException(new CountryCode("ke"), 12));
        mvc.perform(get(CYCLE + "/report").with(as(KE_CSO)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Not found"))
                .andExpect(jsonPath("$.detail").value("Country KE has no cycle 12 on the platform."))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.instance").value(CYCLE + "/report"));
    }

    @Test
    void aCycleTheCountryHasNotOpenedIsNotFoundInFrench() throws Exception {
        when(reports.report(new CountryCode("ke"), 12, KE_CSO))
                .thenThrow(new CycleNotOpenException(new CountryCode("ke"), 12));
        mvc.perform(get(CYCLE + "/report").with(as(KE_CSO)).header("Accept-Language", "fr"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Introuvable"))
                .andExpect(jsonPath("$.detail").value("Le pays KE n’a pas de cycle 12 sur la plateforme."));
    }

    @Test
    void aReportThatIsNotPublicHasNoLink() throws Exception {
        when(reports.publicLink(new CountryCode("ke"), 12, KE_MANAGER)).thenReturn(Optional.empty());
        mvc.perform(get(CYCLE + "/report/public-link").with(as(KE_MANAGER)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No public link 'KE-12' in this cycle of the country."));
    }

    @Test
    void aCountryCodeThatIsNoIsoCodeIsRefused() throws Exception {
        mvc.perform(get("/api/countries/XX/cycles/12/report").with(as(KE_CSO)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.code").value("'xx' is not an ISO 3166-1 alpha-2 country code."));
        verifyNoInteractions(reports);
    }
}
