package org.uprflow.matrix;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.uprflow.shared.CountryCode;
import org.uprflow.shared.EditConflictException;
import org.uprflow.shared.RecordNotFoundException;
import org.uprflow.web.ApiCalls;
import org.uprflow.web.ApiSlice;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.uprflow.web.ApiCallers.KE_CSO;
import static org.uprflow.web.ProblemBodies.errorCount;
import static org.uprflow.web.ProblemBodies.fieldError;
import static org.uprflow.web.ProblemBodies.problem;

/** The implementation matrix's API as a web slice ({@link ApiSlice}). */
@ApiSlice(MatrixApiController.class)
class MatrixApiWebTest {

    private static final String MATRIX = "/api/countries/KE/cycles/11/matrix";
    private static final String ROW = """
            {"themeCluster": "Women's rights"}""";

    @Autowired
    ApiCalls api;
    @MockitoBean
    ImplementationMatrix matrix;

    @Test
    void aRowOfAFinalVersionIsAConflictThatReloadingDoesNotSolve() throws Exception {
        UUID key = UUID.randomUUID();
        when(matrix.editEntry(eq(new CountryCode("ke")), eq(11), eq(2), eq(key), eq(5), any(), eq(KE_CSO)))
                .thenThrow(new EditConflictException("problem.matrix.frozen.detail", 2));
        api.as(KE_CSO).ifMatch("W/\"5\"").inLanguage("fr").put(MATRIX + "/versions/2/entries/" + key, ROW)
                .andExpect(problem(CONFLICT, "Modification concurrente", "La version 2 de la matrice de mise en œuvre "
                        + "est définitive et figée : ouvrez un nouveau brouillon pour la modifier."))
                .andExpect(jsonPath("$.stale").value(false));
    }

    @Test
    void anEditWithoutTheVersionReadNamesTheHeader() throws Exception {
        api.as(KE_CSO).put(MATRIX + "/versions/2/entries/" + UUID.randomUUID(), ROW)
                .andExpect(status().isBadRequest())
                .andExpect(fieldError("If-Match",
                        "Send the If-Match header with the version you read before editing (its ETag)."));
        verifyNoInteractions(matrix);
    }

    @Test
    void aRowWithoutItsClusterIsRefusedNamingIt() throws Exception {
        api.as(KE_CSO).ifMatch("5").inLanguage("fr").put(MATRIX + "/versions/2/entries/" + UUID.randomUUID(), "{}")
                .andExpect(status().isBadRequest())
                .andExpect(fieldError("themeCluster", "Indiquez le groupe thématique."))
                .andExpect(errorCount(1));
        verifyNoInteractions(matrix);
    }

    @Test
    void aVersionThatDoesNotExistIsNotFound() throws Exception {
        when(matrix.version(new CountryCode("ke"), 11, 7, KE_CSO))
                .thenThrow(new RecordNotFoundException("matrix version", 7));
        api.as(KE_CSO).get(MATRIX + "/versions/7")
                .andExpect(problem(NOT_FOUND, "Not found", "No matrix version '7' in this cycle of the country."));
    }

    /** Spring's own answer was English ("Required parameter 'to' is not present.") and named nothing in errors. */
    @Test
    void aComparisonWithoutItsSecondVersionIsRefusedNamingTheParameter() throws Exception {
        api.as(KE_CSO).get(MATRIX + "/compare?from=1")
                .andExpect(problem(BAD_REQUEST, "Some fields need your attention",
                        "Enter the version to compare it with."))
                .andExpect(fieldError("to", "Enter the version to compare it with."))
                .andExpect(errorCount(1));
        api.as(KE_CSO).inLanguage("fr").get(MATRIX + "/compare?from=1")
                .andExpect(problem(BAD_REQUEST, "Certains champs sont à revoir",
                        "Indiquez la version avec laquelle la comparer."))
                .andExpect(fieldError("to", "Indiquez la version avec laquelle la comparer."))
                .andExpect(errorCount(1));
        api.as(KE_CSO).inLanguage("es").get(MATRIX + "/compare")
                .andExpect(status().isBadRequest())
                .andExpect(fieldError("from", "Indique la versión que se compara."))
                .andExpect(errorCount(1));
        verifyNoInteractions(matrix);
    }

    /** The same shape as a path variable of the wrong type: the parameter named, its value unreadable. */
    @Test
    void aComparisonWithAVersionThatIsNoNumberIsRefusedNamingTheParameter() throws Exception {
        api.as(KE_CSO).inLanguage("fr").get(MATRIX + "/compare?from=1&to=two")
                .andExpect(problem(BAD_REQUEST, "Certains champs sont à revoir"))
                .andExpect(fieldError("to", "Vérifiez la version avec laquelle la comparer : sa valeur est illisible."))
                .andExpect(errorCount(1));
        verifyNoInteractions(matrix);
    }

    @Test
    void aLowerCaseCountryCodeIsTheSameCountry() throws Exception {
        api.as(KE_CSO).get("/api/countries/ke/cycles/11/matrix/versions")
                .andExpect(status().isOk());
        verify(matrix).versions(new CountryCode("ke"), 11, KE_CSO);
    }
}
