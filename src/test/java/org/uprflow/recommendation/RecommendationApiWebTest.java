package org.uprflow.recommendation;

import org.uprflow.shared.EditConflictException;
import org.uprflow.shared.RecordNotFoundException;
import org.uprflow.shared.InvalidRegisterInputException;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.uprflow.shared.CountryCode;
import org.uprflow.web.ApiSlice;

import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.uprflow.web.ApiCallers.KE_MANAGER;
import static org.uprflow.web.ApiCallers.as;

/** The register's API as a web slice ({@link ApiSlice}): mapping, validation and the refusals' bodies. */
@ApiSlice({RecommendationApiController.class, RecommendationImportApiController.class})
class RecommendationApiWebTest {

    private static final String REGISTER = "/api/countries/KE/cycles/10/recommendations";
    private static final String VALID = """
            {"text": "Ratify the Optional Protocol", "recommendingState": "Ghana"}""";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    RecommendationRegister register;
    @MockitoBean
    RecommendationImports imports;

    @Test
    void namesEveryMissingFieldInTheCallersLanguage() throws Exception {
        mvc.perform(post(REGISTER).with(as(KE_MANAGER)).contentType(MediaType.APPLICATION_JSON).content("{}")
                        .header("Accept-Language", "fr"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Certains champs sont à revoir"))
                .andExpect(jsonPath("$.errors.text").value("Indiquez le texte."))
                .andExpect(jsonPath("$.errors.recommendingState").value("Indiquez l'État auteur de la recommandation."))
                .andExpect(jsonPath("$.errorCount").value(2))
                .andExpect(jsonPath("$.instance").value(REGISTER));
        verifyNoInteractions(register);
    }

    @Test
    void refusesABodyThatIsNoJson() throws Exception {
        mvc.perform(post(REGISTER).with(as(KE_MANAGER)).contentType(MediaType.APPLICATION_JSON).content("{\"text\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Malformed request body"))
                .andExpect(jsonPath("$.detail", startsWith("The body is not valid JSON (line 1, column")));
        verifyNoInteractions(register);
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() throws Exception {
        mvc.perform(post(REGISTER).with(as(KE_MANAGER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"t\", \"recommendingState\": \"Ghana\", \"session\": \"forty\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Field 'session' has a value that cannot be read as Integer."))
                .andExpect(jsonPath("$.errors.session").exists());
    }

    @Test
    void aStaleEditIsAConflictThatReloadingSolves() throws Exception {
        UUID id = UUID.randomUUID();
        when(register.edit(eq(new CountryCode("ke")), eq(10), eq(id), eq(3), any(), any()))
                .thenThrow(EditConflictException.staleVersion(id, 3, 4));
        mvc.perform(put(REGISTER + "/" + id).with(as(KE_MANAGER)).header("If-Match", "\"3\"")
                        .contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Conflicting edit"))
                .andExpect(jsonPath("$.detail").value("'" + id + "' was changed by someone else since you read it "
                        + "(you edited version 3, it is now at version 4): reload it and make your change again."))
                .andExpect(jsonPath("$.stale").value(true));
    }

    @Test
    void aRecommendationOfNoCycleOfTheCountryIsNotFound() throws Exception {
        UUID id = UUID.randomUUID();
        when(register.get(new CountryCode("ke"), 10, id, KE_MANAGER))
                .thenThrow(new RecordNotFoundException("recommendation", id));
        mvc.perform(get(REGISTER + "/" + id).with(as(KE_MANAGER)).header("Accept-Language", "fr"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Introuvable"))
                .andExpect(jsonPath("$.detail").value("Aucun(e) recommendation '" + id + "' dans ce cycle du pays."));
    }

    @Test
    void aFieldRefusedByTheRegisterIsNamedLikeBeanValidationsOnes() throws Exception {
        when(register.create(any(), anyInt(), any(), any()))
                .thenThrow(InvalidRegisterInputException.worded("text", "validation.required"));
        mvc.perform(post(REGISTER).with(as(KE_MANAGER)).contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Some fields need your attention"))
                .andExpect(jsonPath("$.detail").value("Enter the text."))
                .andExpect(jsonPath("$.errors.text").value("Enter the text."))
                .andExpect(jsonPath("$.errorCount").value(1));
    }

    @Test
    void aCountryCodeThatIsNoIsoCodeIsRefusedNamingTheParameter() throws Exception {
        mvc.perform(get("/api/countries/XX/cycles/10/recommendations").with(as(KE_MANAGER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Unknown country code"))
                .andExpect(jsonPath("$.detail").value("'xx' is not an ISO 3166-1 alpha-2 country code."))
                .andExpect(jsonPath("$.errors.code").value("'xx' is not an ISO 3166-1 alpha-2 country code."));
        verifyNoInteractions(register);
    }

    @Test
    void aCycleThatIsNoNumberIsRefusedNamingIt() throws Exception {
        mvc.perform(get("/api/countries/KE/cycles/ten/recommendations").with(as(KE_MANAGER))
                        .header("Accept-Language", "fr"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.cycle").value("Vérifiez le cycle : sa valeur est illisible."));
        verifyNoInteractions(register);
    }

    @Test
    void anImportWithProblemsListsThemByRowAndColumn() throws Exception {
        when(imports.importFile(eq(new CountryCode("ke")), eq(10), any(), any(), any(), any()))
                .thenThrow(new ImportRejectedException(List.of(ImportProblem.of(null, null, "import.empty"),
                        ImportProblem.of(3, "Response", "import.malformed", "a quote is not closed"))));
        mvc.perform(multipart(REGISTER + "/import").file("file", "a;b".getBytes()).with(as(KE_MANAGER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Import refused"))
                .andExpect(jsonPath("$.detail").value("The file has 2 problem(s); nothing was imported. Fix them all "
                        + "and import the file again."))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.errors.file").value("The file has no recommendations."))
                .andExpect(jsonPath("$.errors['row 3, Response']")
                        .value("The file is not valid CSV from here on: a quote is not closed"))
                .andExpect(jsonPath("$.problems[1].row").value(3))
                .andExpect(jsonPath("$.problems[1].column").value("Response"));
    }

    /** The container's upload limit: MultipartProblems' 413 (ApiProblemHandler's own answer never ran). */
    @Test
    void anUploadAboveTheContainersLimitIsTooLarge() throws Exception {
        when(imports.preview(eq(new CountryCode("ke")), eq(10), any(), any(), any(), any()))
                .thenThrow(new MaxUploadSizeExceededException(1024 * 1024));
        mvc.perform(multipart(REGISTER + "/import/previews").file("file", "a;b".getBytes()).with(as(KE_MANAGER)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.title").value("Request too large"))
                .andExpect(jsonPath("$.detail").value("The request is larger than the limit of 1 MB (1048576 bytes)."))
                .andExpect(jsonPath("$.limit").value(1024 * 1024));
    }
}
