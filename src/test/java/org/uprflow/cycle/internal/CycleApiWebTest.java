package org.uprflow.cycle.internal;

import java.util.Map;

import org.uprflow.cycle.CycleAlreadyOpenException;
import org.uprflow.cycle.CycleLauncher;
import org.uprflow.cycle.InvalidCycleException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.uprflow.shared.CountryCode;
import org.uprflow.web.ApiSlice;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.uprflow.web.ApiCallers.KE_MANAGER;
import static org.uprflow.web.ApiCallers.as;

/** Opening a cycle as a web slice ({@link ApiSlice}): validation and the cycle's refusals. */
@ApiSlice(CycleApiController.class)
class CycleApiWebTest {

    private static final String CYCLES = "/api/countries/KE/cycles";
    private static final String CYCLE_9 = """
            {"cycleNumber": 9, "wgSession": 40, "reviewDate": "2031-01-20"}""";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CycleLauncher launcher;

    @Test
    void aCycleOpenAlreadyIsAConflict() throws Exception {
        when(launcher.open(eq(new CountryCode("ke")), any(), eq(KE_MANAGER))).thenThrow(new CycleAlreadyOpenException("KE-9"));
        mvc.perform(post(CYCLES).with(as(KE_MANAGER)).header("Accept-Language", "fr")
                        .contentType(MediaType.APPLICATION_JSON).content(CYCLE_9))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Cycle déjà ouvert"))
                .andExpect(jsonPath("$.detail").value("Le cycle KE-9 est déjà ouvert pour ce pays."));
    }

    @Test
    void theOpeningRulesRefusalsAreNamedByField() throws Exception {
        when(launcher.open(eq(new CountryCode("ke")), any(), eq(KE_MANAGER))).thenThrow(new InvalidCycleException(
                Map.of("coordinationMeetingDue", InvalidCycleException.Problem.of("cycle.opening.date-missing"))));
        mvc.perform(post(CYCLES).with(as(KE_MANAGER)).contentType(MediaType.APPLICATION_JSON).content(CYCLE_9))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Some fields need your attention"))
                .andExpect(jsonPath("$.errors.coordinationMeetingDue").value("needs a date (yyyy-MM-dd)"))
                .andExpect(jsonPath("$.errorCount").value(1));
    }

    @Test
    void anUnknownFieldIsNamedInTheCallersLanguage() throws Exception {
        mvc.perform(post(CYCLES).with(as(KE_MANAGER)).header("Accept-Language", "fr")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cycleNumber\": 9, \"wgSession\": 40, \"reviewDate\": \"2031-01-20\", \"colour\": 1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Le champ 'colour' est inconnu."))
                .andExpect(jsonPath("$.errors.colour").value("Le champ 'colour' est inconnu."));
        verifyNoInteractions(launcher);
    }

    @Test
    void numbersOutOfBoundsAreNamed() throws Exception {
        mvc.perform(post(CYCLES).with(as(KE_MANAGER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cycleNumber\": 0, \"wgSession\": 40}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.cycleNumber").isNotEmpty())
                .andExpect(jsonPath("$.errors.reviewDate").value("Enter the date of the review."))
                .andExpect(jsonPath("$.errorCount").value(2));
        verifyNoInteractions(launcher);
    }
}
