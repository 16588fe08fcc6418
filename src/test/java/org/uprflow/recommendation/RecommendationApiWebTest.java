package org.uprflow.recommendation;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.uprflow.shared.CountryCode;
import org.uprflow.shared.EditConflictException;
import org.uprflow.shared.InvalidRegisterInputException;
import org.uprflow.shared.RecordNotFoundException;
import org.uprflow.web.ApiCalls;
import org.uprflow.web.ApiSlice;

import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.uprflow.web.ApiCallers.KE_MANAGER;
import static org.uprflow.web.ProblemBodies.detail;
import static org.uprflow.web.ProblemBodies.errorCount;
import static org.uprflow.web.ProblemBodies.fieldError;
import static org.uprflow.web.ProblemBodies.problem;

/** The register's API as a web slice ({@link ApiSlice}): mapping, validation and the refusals' bodies. */
@ApiSlice({RecommendationApiController.class, RecommendationImportApiController.class})
class RecommendationApiWebTest {

    private static final String REGISTER = "/api/countries/KE/cycles/10/recommendations";
    private static final String VALID = """
            {"text": "Ratify the Optional Protocol", "recommendingState": "Ghana"}""";

    @Autowired
    ApiCalls api;
    @MockitoBean
    RecommendationRegister register;
    @MockitoBean
    RecommendationImports imports;

    @Test
    void namesEveryMissingFieldInTheCallersLanguage() throws Exception {
        api.as(KE_MANAGER).inLanguage("fr").post(REGISTER, "{}")
                .andExpect(problem(BAD_REQUEST, "Certains champs sont à revoir"))
                .andExpect(fieldError("text", "Indiquez le texte."))
                .andExpect(fieldError("recommendingState", "Indiquez l'État auteur de la recommandation."))
                .andExpect(errorCount(2))
                .andExpect(jsonPath("$.instance").value(REGISTER));
        verifyNoInteractions(register);
    }

    @Test
    void refusesABodyThatIsNoJson() throws Exception {
        api.as(KE_MANAGER).post(REGISTER, "{\"text\": ")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Malformed request body"))
                .andExpect(jsonPath("$.detail", startsWith("The body is not valid JSON (line 1, column")));
        verifyNoInteractions(register);
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() throws Exception {
        api.as(KE_MANAGER).post(REGISTER, "{\"text\": \"t\", \"recommendingState\": \"Ghana\", \"session\": \"forty\"}")
                .andExpect(status().isBadRequest())
                .andExpect(detail("Field 'session' has a value that cannot be read as Integer."))
                .andExpect(jsonPath("$.errors.session").exists());
    }

    /** What the field should hold is said in the caller's language: the words were English in every language. */
    @Test
    void aFieldOfTheWrongTypeIsNamedInTheCallersLanguage() throws Exception {
        api.as(KE_MANAGER).inLanguage("fr").post(REGISTER, "{\"text\": \"t\", \"session\": \"forty\"}")
                .andExpect(problem(BAD_REQUEST, "Corps de requête mal formé",
                        "Le champ 'session' a une valeur qui ne peut pas être lue comme un nombre entier."));
        api.as(KE_MANAGER).inLanguage("es").post(REGISTER, "{\"text\": \"t\", \"position\": \"maybe\"}")
                .andExpect(problem(BAD_REQUEST, "Cuerpo de la solicitud mal formado", "El campo 'position' tiene un "
                        + "valor que no se puede leer como uno de los valores [SUPPORTED, NOTED, SUPPORTED_IN_PART]."));
        api.as(KE_MANAGER).post(REGISTER, "{\"text\": \"t\", \"position\": \"maybe\"}")
                .andExpect(detail("Field 'position' has a value that cannot be read as "
                        + "one of [SUPPORTED, NOTED, SUPPORTED_IN_PART]."));
        // a list is called a list, not by the Java class that would have held it ("ArrayList")
        api.as(KE_MANAGER).inLanguage("fr").post(REGISTER, "{\"text\": \"t\", \"themes\": {\"a\": 1}}")
                .andExpect(detail("Le champ 'themes' a une valeur qui ne peut pas être lue comme une liste (tableau JSON)."));
        verifyNoInteractions(register);
    }

    @Test
    void aStaleEditIsAConflictThatReloadingSolves() throws Exception {
        UUID id = UUID.randomUUID();
        when(register.edit(eq(new CountryCode("ke")), eq(10), eq(id), eq(3), any(), any()))
                .thenThrow(EditConflictException.staleVersion(id, 3, 4));
        api.as(KE_MANAGER).ifMatch("\"3\"").put(REGISTER + "/" + id, VALID)
                .andExpect(problem(CONFLICT, "Conflicting edit", "'" + id + "' was changed by someone else since you "
                        + "read it (you edited version 3, it is now at version 4): reload it and make your change again."))
                .andExpect(jsonPath("$.stale").value(true));
    }

    @Test
    void aRecommendationOfNoCycleOfTheCountryIsNotFound() throws Exception {
        UUID id = UUID.randomUUID();
        when(register.get(new CountryCode("ke"), 10, id, KE_MANAGER))
                .thenThrow(new RecordNotFoundException("recommendation", id));
        api.as(KE_MANAGER).inLanguage("fr").get(REGISTER + "/" + id)
                .andExpect(problem(NOT_FOUND, "Introuvable", "Aucun(e) recommendation '" + id + "' dans ce cycle du pays."));
    }

    @Test
    void aFieldRefusedByTheRegisterIsNamedLikeBeanValidationsOnes() throws Exception {
        when(register.create(any(), anyInt(), any(), any()))
                .thenThrow(InvalidRegisterInputException.worded("text", "validation.required"));
        api.as(KE_MANAGER).post(REGISTER, VALID)
                .andExpect(problem(BAD_REQUEST, "Some fields need your attention", "Enter the text."))
                .andExpect(fieldError("text", "Enter the text."))
                .andExpect(errorCount(1));
    }

    @Test
    void aCountryCodeThatIsNoIsoCodeIsRefusedNamingTheParameter() throws Exception {
        api.as(KE_MANAGER).get("/api/countries/XX/cycles/10/recommendations")
                .andExpect(problem(BAD_REQUEST, "Unknown country code", "'xx' is not an ISO 3166-1 alpha-2 country code."))
                .andExpect(fieldError("code", "'xx' is not an ISO 3166-1 alpha-2 country code."));
        verifyNoInteractions(register);
    }

    @Test
    void aCycleThatIsNoNumberIsRefusedNamingIt() throws Exception {
        api.as(KE_MANAGER).inLanguage("fr").get("/api/countries/KE/cycles/ten/recommendations")
                .andExpect(status().isBadRequest())
                .andExpect(fieldError("cycle", "Vérifiez le cycle : sa valeur est illisible."));
        verifyNoInteractions(register);
    }

    @Test
    void anImportWithProblemsListsThemByRowAndColumn() throws Exception {
        when(imports.importFile(eq(new CountryCode("ke")), eq(10), any(), any(), any(), any()))
                .thenThrow(new ImportRejectedException(List.of(ImportProblem.of(null, null, "import.empty"),
                        ImportProblem.of(3, "Response", "import.malformed", "a quote is not closed"))));
        api.as(KE_MANAGER).upload(REGISTER + "/import", "a;b".getBytes())
                .andExpect(problem(BAD_REQUEST, "Import refused", "The file has 2 problem(s); nothing was imported. "
                        + "Fix them all and import the file again."))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(fieldError("file", "The file has no recommendations."))
                .andExpect(fieldError("row 3, Response", "The file is not valid CSV from here on: a quote is not closed"))
                .andExpect(jsonPath("$.problems[1].row").value(3))
                .andExpect(jsonPath("$.problems[1].column").value("Response"));
    }

    /** A form without its file (another part's name, a script's typo) is refused naming it, in the caller's language. */
    @Test
    void anUploadWithoutItsFileNamesThePart() throws Exception {
        for (String path : List.of(REGISTER + "/import", REGISTER + "/import/previews")) {
            api.as(KE_MANAGER).inLanguage("fr").upload(path, "document", "a;b".getBytes())
                    .andExpect(problem(BAD_REQUEST, "Certains champs sont à revoir"))
                    .andExpect(fieldError("file", "Joignez le fichier."))
                    .andExpect(errorCount(1));
            api.as(KE_MANAGER).inLanguage("es").upload(path, "document", "a;b".getBytes())
                    .andExpect(status().isBadRequest())
                    .andExpect(fieldError("file", "Adjunte el archivo."));
        }
        verifyNoInteractions(imports);
    }

    /** The container's upload limit: MultipartProblems' 413 (ApiProblemHandler's own answer never ran). */
    @Test
    void anUploadAboveTheContainersLimitIsTooLarge() throws Exception {
        when(imports.preview(eq(new CountryCode("ke")), eq(10), any(), any(), any(), any()))
                .thenThrow(new MaxUploadSizeExceededException(1024 * 1024));
        api.as(KE_MANAGER).upload(REGISTER + "/import/previews", "a;b".getBytes())
                .andExpect(problem(PAYLOAD_TOO_LARGE, "Request too large",
                        "The request is larger than the limit of 1 MB (1048576 bytes)."))
                .andExpect(jsonPath("$.limit").value(1024 * 1024));
    }
}
