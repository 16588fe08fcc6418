package org.uprflow.country;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.uprflow.language.Languages;
import org.uprflow.shared.CountryCode;
import org.uprflow.web.ApiCalls;
import org.uprflow.web.ApiSlice;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.uprflow.web.ApiCallers.KE_MANAGER;
import static org.uprflow.web.ProblemBodies.detail;
import static org.uprflow.web.ProblemBodies.errorCount;
import static org.uprflow.web.ProblemBodies.fieldError;
import static org.uprflow.web.ProblemBodies.problem;

/** The countries' API as a web slice ({@link ApiSlice}): the country code at the edge and the refusals' bodies. */
@ApiSlice(CountryApiController.class)
class CountryApiWebTest {

    @Autowired
    ApiCalls api;
    @MockitoBean
    CountryDirectory directory;
    @MockitoBean
    Languages languages;

    @Test
    void aPathThatIsNoCountryCodeIsRefusedInTheCallersLanguage() throws Exception {
        // the code as the platform writes it (lower case), as the answer gave it before the converter
        String sentence = "'xx' n'est pas un code de pays ISO 3166-1 alpha-2.";
        api.as(KE_MANAGER).inLanguage("fr-FR,fr;q=0.9").get("/api/countries/XX")
                .andExpect(problem(BAD_REQUEST, "Code de pays inconnu", sentence))
                .andExpect(fieldError("code", sentence))
                .andExpect(jsonPath("$.instance").value("/api/countries/XX"));
        verifyNoInteractions(directory);
    }

    @Test
    void theControllerReceivesTheCodeAsACountryCode() throws Exception {
        when(directory.participants(new CountryCode("ke"), KE_MANAGER)).thenReturn(List.of());
        api.as(KE_MANAGER).get("/api/countries/Ke/participants")
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
    }

    @Test
    void aCountryTheCallerCannotSeeIsNotFound() throws Exception {
        when(directory.find(new CountryCode("mw"), KE_MANAGER)).thenThrow(new CountryNotFoundException(new CountryCode("mw")));
        api.as(KE_MANAGER).inLanguage("fr").get("/api/countries/MW")
                .andExpect(status().isNotFound())
                .andExpect(detail("Aucun pays 'MW' auquel vous avez accès n'est inscrit."));
    }

    @Test
    void aBodysCodeThatIsNoIsoCodeIsNamedByItsField() throws Exception {
        api.as(KE_MANAGER).post("/api/countries", "{\"code\": \"K3\"}")
                .andExpect(problem(BAD_REQUEST, "Unknown country code"))
                .andExpect(fieldError("code", "'K3' is not an ISO 3166-1 alpha-2 country code."));
        verifyNoInteractions(directory);
    }

    @Test
    void aMissingCodeIsNamed() throws Exception {
        api.as(KE_MANAGER).post("/api/countries", "{}")
                .andExpect(status().isBadRequest())
                .andExpect(fieldError("code", "Enter the country code."))
                .andExpect(errorCount(1));
        verifyNoInteractions(directory);
    }

    @Test
    void aCountryOnboardedTwiceIsAConflictNamingTheCode() throws Exception {
        when(directory.onboard(eq(new CountryCode("ke")), any(), eq(KE_MANAGER)))
                .thenThrow(new IdentityConflictException("code", "problem.country.duplicate.detail", "KE"));
        api.as(KE_MANAGER).post("/api/countries", "{\"code\": \"ke\"}")
                .andExpect(problem(CONFLICT, "Already exists", "Country 'KE' is already onboarded."))
                .andExpect(fieldError("code", "Country 'KE' is already onboarded."));
    }

    @Test
    void whatTheServiceDeniesIsForbiddenInTheCallersLanguage() throws Exception {
        when(directory.find(new CountryCode("ke"), KE_MANAGER)).thenThrow(new AccessDeniedException("not a manager"));
        api.as(KE_MANAGER).inLanguage("fr").get("/api/countries/KE")
                .andExpect(problem(FORBIDDEN, "Interdit", "Vous n'êtes pas autorisé·e à faire ceci."));
    }

    @Test
    void aMissingBodyIsSaidToBeMissing() throws Exception {
        api.as(KE_MANAGER).post("/api/countries", "")
                .andExpect(problem(BAD_REQUEST, "Malformed request body", "The request body is missing."));
        verifyNoInteractions(directory);
    }

    @Test
    void aNewUserWithoutAFirstNameIsRefusedNamingIt() throws Exception {
        when(directory.addParticipant(eq(new CountryCode("ke")), any(), eq(KE_MANAGER)))
                .thenThrow(new InvalidParticipantException(Map.of("firstName", "validation.required-new-user")));
        api.as(KE_MANAGER).post("/api/countries/KE/participants", "{\"userId\": \"ke.new\", \"role\": \"CSO\"}")
                .andExpect(problem(BAD_REQUEST, "Some fields need your attention", "Enter the first name of the new user."))
                .andExpect(fieldError("firstName", "Enter the first name of the new user."));
    }
}
