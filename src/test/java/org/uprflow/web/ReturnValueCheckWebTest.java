package org.uprflow.web;

import jakarta.validation.constraints.NotNull;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.uprflow.web.ApiCallers.KE_CSO;
import static org.uprflow.web.ProblemBodies.problem;

/**
 * A controller's answer that breaks its own constraint is the platform's bug: Spring's 500 problem, never the
 * caller's 400 ("Some fields need your attention"). Without the guard ApiProblemHandler read the return value as a
 * parameter, failed on its missing name (a NullPointerException logged as a failed exception handler) and the
 * fallback resolver answered a 500 without a body.
 */
@ApiSlice(ReturnValueCheckWebTest.CheckedAnswer.class)
@Import(ReturnValueCheckWebTest.CheckedAnswer.class)
class ReturnValueCheckWebTest {

    @Autowired
    ApiCalls api;

    @Test
    void anAnswerThatFailsItsOwnCheckIsAServerError() throws Exception {
        api.as(KE_CSO).get("/api/test/checked-answer")
                .andExpect(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal Server Error"));
    }

    /** Scanned by no context (a test class's member); the slice imports it. */
    @RestController
    static class CheckedAnswer {

        @GetMapping("/api/test/checked-answer")
        @NotNull
        String answer() {
            return null;
        }
    }
}
