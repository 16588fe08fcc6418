package org.uprflow.engine;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api}'s answer to a write that lost a race: 409, retryable, in the caller's language. */
class ConcurrentUpdateProblemsTest {

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        mvc = MockMvcBuilders.standaloneSetup(new RacingController())
                .setControllerAdvice(new ConcurrentUpdateProblems(messages)).build();
    }

    @Test
    void theEnginesOptimisticLockingIsARetryableConflict() throws Exception {
        mvc.perform(post("/race/engine")).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.retryable").value(true))
                .andExpect(jsonPath("$.title").value("Changed at the same moment"));
    }

    @Test
    void aDatabaseLockThatCouldNotBeHadIsARetryableConflictInTheCallersLanguage() throws Exception {
        mvc.perform(post("/race/database").header("Accept-Language", "fr")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.retryable").value(true))
                .andExpect(jsonPath("$.title").value("Modifié au même moment"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("rien de la vôtre n’a été")));
    }

    @Test
    void otherFailuresAreNotHiddenAsConflicts() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mvc.perform(post("/race/bug")))
                .hasRootCauseInstanceOf(IllegalStateException.class);
    }

    @RestController
    static class RacingController {
        @PostMapping("/race/{kind}")
        void race(@PathVariable String kind) {
            switch (kind) {
                case "engine" -> throw new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE ExecutionEntity' failed");
                case "database" -> throw new CannotAcquireLockException("deadlock detected");
                default -> throw new IllegalStateException("a bug");
            }
        }
    }
}
