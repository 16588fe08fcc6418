package org.uprflow.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The forms of the cycle's register, positions, matrix and progress tasks link to the register page
 * of the task's own country and cycle: form-js (Tasklist 7.24) fills in {@code {{countryCode}}} and
 * {@code {{cycleNumber}}} in a text component from the task's variables, which Tasklist passes to
 * the form.
 */
class TaskFormsLinkTheRegisterTest {

    @ParameterizedTest
    @CsvSource({"register-recommendations, register", "record-positions, register",
            "draft-implementation-plan, matrix", "hold-cso-follow-up-workshop, matrix", "agree-matrix-cso, matrix",
            "agree-matrix-government, matrix", "report-progress, progress", "assess-progress, progress"})
    void theTaskFormLinksTheRegisterOfItsCountryAndCycle(String form, String view) throws IOException {
        JsonNode schema = new ObjectMapper().readTree(Path.of("processes", form + ".form").toFile());
        List<String> texts = schema.path("components").findValuesAsText("text");

        assertThat(texts).anySatisfy(text -> assertThat(text)
                .contains("](/register/?country={{countryCode}}&cycle={{cycleNumber}}&view=" + view + ")"));
    }
}
