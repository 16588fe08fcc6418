package org.uprflow.matrix;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.uprflow.shared.CountryCode;
import org.uprflow.shared.EditConflictException;
import org.uprflow.shared.RecordNotFoundException;
import org.uprflow.web.ApiSlice;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.uprflow.web.ApiCallers.KE_CSO;
import static org.uprflow.web.ApiCallers.as;

/** The implementation matrix's API as a web slice ({@link ApiSlice}). */
@ApiSlice(MatrixApiController.class)
class MatrixApiWebTest {

    private static final String MATRIX = "/api/countries/KE/cycles/11/matrix";
    private static final String ROW = """
            {"themeCluster": "Women's rights"}""";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ImplementationMatrix matrix;

    @Test
    void aRowOfAFinalVersionIsAConflictThatReloadingDoesNotSolve() throws Exception {
        UUID key = UUID.randomUUID();
        when(matrix.editEntry(eq(new CountryCode("ke")), eq(11), eq(2), eq(key), eq(5), any(), eq(KE_CSO)))
                .thenThrow(new EditConflictException("problem.matrix.frozen.detail", 2));
        mvc.perform(put(MATRIX + "/versions/2/entries/" + key).with(as(KE_CSO)).header("If-Match", "W/\"5\"")
                        .header("Accept-Language", "fr").contentType(MediaType.APPLICATION_JSON).content(ROW))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Modification concurrente"))
                .andExpect(jsonPath("$.detail").value("La version 2 de la matrice de mise en œuvre est définitive et "
                        + "figée : ouvrez un nouveau brouillon pour la modifier."))
                .andExpect(jsonPath("$.stale").value(false));
    }

    @Test
    void anEditWithoutTheVersionReadNamesTheHeader() throws Exception {
        mvc.perform(put(MATRIX + "/versions/2/entries/" + UUID.randomUUID()).with(as(KE_CSO))
                        .contentType(MediaType.APPLICATION_JSON).content(ROW))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['If-Match']")
                        .value("Send the If-Match header with the version you read before editing (its ETag)."));
        verifyNoInteractions(matrix);
    }

    @Test
    void aRowWithoutItsClusterIsRefusedNamingIt() throws Exception {
        mvc.perform(put(MATRIX + "/versions/2/entries/" + UUID.randomUUID()).with(as(KE_CSO)).header("If-Match", "5")
                        .header("Accept-Language", "fr").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.themeCluster").value("Indiquez le groupe thématique."))
                .andExpect(jsonPath("$.errorCount").value(1));
        verifyNoInteractions(matrix);
    }

    @Test
    void aVersionThatDoesNotExistIsNotFound() throws Exception {
        when(matrix.version(new CountryCode("ke"), 11, 7, KE_CSO))
                .thenThrow(new RecordNotFoundException("matrix version", 7));
        mvc.perform(get(MATRIX + "/versions/7").with(as(KE_CSO)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Not found"))
                .andExpect(jsonPath("$.detail").value("No matrix version '7' in this cycle of the country."));
    }

    @Test
    void aComparisonWithoutItsSecondVersionIsRefusedNamingTheParameter() throws Exception {
        mvc.perform(get(MATRIX + "/compare").param("from", "1").with(as(KE_CSO)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("'to'")));
        verifyNoInteractions(matrix);
    }

    @Test
    void aLowerCaseOrPaddedCountryCodeIsTheSameCountry() throws Exception {
        mvc.perform(get("/api/countries/ke/cycles/11/matrix/versions").with(as(KE_CSO)))
                .andExpect(status().isOk());
        verify(matrix).versions(new CountryCode("ke"), 11, KE_CSO);
    }
}
