package org.uprflow.country;

import org.uprflow.shared.CountryCode;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.uprflow.language.Languages;
import org.uprflow.web.ApiSlice;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.uprflow.web.ApiCallers.KE_MANAGER;
import static org.uprflow.web.ApiCallers.as;

/** The countries' API as a web slice ({@link ApiSlice}): the country code at the edge and the refusals' bodies. */
@ApiSlice(CountryApiController.class)
class CountryApiWebTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CountryDirectory directory;
    @MockitoBean
    Languages languages;

    @Test
    void aPathThatIsNoCountryCodeIsRefusedInTheCallersLanguage() throws Exception {
        // the code as the platform writes it (lower case), as the answer gave it before the converter
        String sentence = "'xx' n'est pas un code de pays ISO 3166-1 alpha-2.";
        mvc.perform(get("/api/countries/XX").with(as(KE_MANAGER)).header("Accept-Language", "fr-FR,fr;q=0.9"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Code de pays inconnu"))
                .andExpect(jsonPath("$.detail").value(sentence))
                .andExpect(jsonPath("$.errors.code").value(sentence))
                .andExpect(jsonPath("$.instance").value("/api/countries/XX"));
        verifyNoInteractions(directory);
    }

    @Test
    void theControllerReceivesTheCodeAsACountryCode() throws Exception {
        when(directory.participants(new CountryCode("ke"), KE_MANAGER)).thenReturn(java.util.List.of());
        mvc.perform(get("/api/countries/Ke/participants").with(as(KE_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
    }

    @Test
    void aCountryTheCallerCannotSeeIsNotFound() throws Exception {
        when(directory.find(new CountryCode("mw"), KE_MANAGER)).thenThrow(new CountryNotFoundException(new CountryCode("mw")));
        mvc.perform(get("/api/countries/MW").with(as(KE_MANAGER)).header("Accept-Language", "fr"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Aucun pays 'MW' auquel vous avez accès n'est inscrit."));
    }

    @Test
    void aBodysCodeThatIsNoIsoCodeIsNamedByItsField() throws Exception {
        mvc.perform(post("/api/countries").with(as(KE_MANAGER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"K3\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Unknown country code"))
                .andExpect(jsonPath("$.errors.code").value("'K3' is not an ISO 3166-1 alpha-2 country code."));
        verifyNoInteractions(directory);
    }

    @Test
    void aMissingCodeIsNamed() throws Exception {
        mvc.perform(post("/api/countries").with(as(KE_MANAGER)).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.code").value("Enter the country code."))
                .andExpect(jsonPath("$.errorCount").value(1));
        verifyNoInteractions(directory);
    }

    @Test
    void aCountryOnboardedTwiceIsAConflictNamingTheCode() throws Exception {
        when(directory.onboard(eq(new CountryCode("ke")), any(), eq(KE_MANAGER)))
                .thenThrow(new IdentityConflictException("code", "problem.country.duplicate.detail", "KE"));
        mvc.perform(post("/api/countries").with(as(KE_MANAGER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"ke\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Already exists"))
                .andExpect(jsonPath("$.detail").value("Country 'KE' is already onboarded."))
                .andExpect(jsonPath("$.errors.code").value("Country 'KE' is already onboarded."));
    }

    @Test
    void aNewUserWithoutAFirstNameIsRefusedNamingIt() throws Exception {
        when(directory.addParticipant(eq(new CountryCode("ke")), any(), eq(KE_MANAGER)))
                .thenThrow(new InvalidParticipantException(Map.of("firstName", "validation.required-new-user")));
        mvc.perform(post("/api/countries/KE/participants").with(as(KE_MANAGER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"userId\": \"ke.new\", \"role\": \"CSO\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Some fields need your attention"))
                .andExpect(jsonPath("$.detail").value("Enter the first name of the new user."))
                .andExpect(jsonPath("$.errors.firstName").value("Enter the first name of the new user."));
    }
}
