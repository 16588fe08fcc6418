package org.uprflow.cycle.internal;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.uprflow.cycle.CycleAlreadyOpenException;
import org.uprflow.cycle.CycleLauncher;
import org.uprflow.cycle.InvalidCycleException;
import org.uprflow.shared.CountryCode;
import org.uprflow.web.ApiCalls;
import org.uprflow.web.ApiSlice;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.uprflow.web.ApiCallers.KE_MANAGER;
import static org.uprflow.web.ProblemBodies.detail;
import static org.uprflow.web.ProblemBodies.errorCount;
import static org.uprflow.web.ProblemBodies.fieldError;
import static org.uprflow.web.ProblemBodies.problem;

/** Opening a cycle as a web slice ({@link ApiSlice}): validation and the cycle's refusals. */
@ApiSlice(CycleApiController.class)
class CycleApiWebTest {

    private static final String CYCLES = "/api/countries/KE/cycles";
    private static final String CYCLE_9 = """
            {"cycleNumber": 9, "wgSession": 40, "reviewDate": "2031-01-20"}""";

    @Autowired
    ApiCalls api;
    @MockitoBean
    CycleLauncher launcher;

    @Test
    void aCycleOpenAlreadyIsAConflict() throws Exception {
        when(launcher.open(eq(new CountryCode("ke")), any(), eq(KE_MANAGER))).thenThrow(new CycleAlreadyOpenException("KE-9"));
        api.as(KE_MANAGER).inLanguage("fr").post(CYCLES, CYCLE_9)
                .andExpect(problem(CONFLICT, "Cycle déjà ouvert", "Le cycle KE-9 est déjà ouvert pour ce pays."));
    }

    @Test
    void theOpeningRulesRefusalsAreNamedByField() throws Exception {
        when(launcher.open(eq(new CountryCode("ke")), any(), eq(KE_MANAGER))).thenThrow(new InvalidCycleException(
                Map.of("coordinationMeetingDue", InvalidCycleException.Problem.of("cycle.opening.date-missing"))));
        api.as(KE_MANAGER).post(CYCLES, CYCLE_9)
                .andExpect(problem(BAD_REQUEST, "Some fields need your attention"))
                .andExpect(fieldError("coordinationMeetingDue", "needs a date (yyyy-MM-dd)"))
                .andExpect(errorCount(1));
    }

    @Test
    void anUnknownFieldIsNamedInTheCallersLanguage() throws Exception {
        api.as(KE_MANAGER).inLanguage("fr")
                .post(CYCLES, "{\"cycleNumber\": 9, \"wgSession\": 40, \"reviewDate\": \"2031-01-20\", \"colour\": 1}")
                .andExpect(status().isBadRequest())
                .andExpect(detail("Le champ 'colour' est inconnu."))
                .andExpect(fieldError("colour", "Le champ 'colour' est inconnu."));
        verifyNoInteractions(launcher);
    }

    @Test
    void numbersOutOfBoundsAreNamed() throws Exception {
        api.as(KE_MANAGER).post(CYCLES, "{\"cycleNumber\": 0, \"wgSession\": 40}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.cycleNumber").isNotEmpty())
                .andExpect(fieldError("reviewDate", "Enter the date of the review."))
                .andExpect(errorCount(2));
        verifyNoInteractions(launcher);
    }
}
