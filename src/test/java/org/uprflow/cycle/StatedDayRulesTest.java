package org.uprflow.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The days a form lets its user state (custom property {@code statedDay}) are the days things
 * happened: never after today, never before the days the form names in {@code notBefore} once those
 * have come; the forms declare them, so no other form takes them.
 */
class StatedDayRulesTest {

    private static final String REVIEW = "2015-01-21";

    private final TaskInputRules rules = new TaskInputRules(CycleEngine.messages(), TaskInputRules.DEFAULT_FORMS);

    @Test
    void aContributionStatedBeforeTheReviewOrAfterTodayIsRefusedNamingTheField() {
        String tomorrow = LocalDate.now().plusDays(1).toString();
        assertThat(rules.problems("contribute-cso-mid-term-report", contribution("2014-06-20", REVIEW)))
                .containsExactly("'Day the contribution was submitted' is 2014-06-20, before the review (2015-01-21): "
                        + "it cannot come before it");
        assertThat(rules.problems("contribute-cso-mid-term-report", contribution(tomorrow, REVIEW)))
                .containsExactly("'Day the contribution was submitted' is " + tomorrow + ", after today ("
                        + LocalDate.now() + "): state the day it happened, once it has happened");
        assertThat(rules.problems("contribute-cso-mid-term-report", contribution("2017-06-01", REVIEW))).isEmpty();
        assertThat(rules.problems("contribute-cso-mid-term-report", contribution(null, REVIEW)))
                .as("optional: left empty, the day of the completion").isEmpty();
    }

    @Test
    void aReviewStillAheadBindsNoDayUpToToday() {
        String review = LocalDate.now().plusMonths(8).toString();
        assertThat(rules.problems("contribute-cso-mid-term-report", contribution("2015-07-13", review))).isEmpty();
        assertThat(rules.problems("record-outcome-adoption",
                Map.of("outcomeAdoptedOn", "2015-07-13", "councilSession", 29L, "reviewDate", review))).isEmpty();
    }

    @Test
    void anAgreementCannotPrecedeTheRoundsFollowUpMeeting() {
        Map<String, Object> values = new HashMap<>(Map.of("csoMatrixVersion", 1L, "csoAgreesMatrix", "yes",
                "csoAgreedOn", "2015-09-01", "reviewDate", REVIEW, "followUpMeetingDate", "2015-09-17"));
        assertThat(rules.problems("agree-matrix-cso", values)).containsExactly("'Day the CSOs agreed' is 2015-09-01, "
                + "before the follow-up meeting of the round (2015-09-17): it cannot come before it");
        values.put("csoAgreedOn", "2015-09-17");
        assertThat(rules.problems("agree-matrix-cso", values)).isEmpty();
    }

    @Test
    void theAdoptionIsRequiredAndBoundedButHasNoDefault() {
        assertThat(rules.problems("record-outcome-adoption",
                Map.of("outcomeAdoptedOn", "2014-06-25", "councilSession", 29L, "reviewDate", REVIEW)))
                .containsExactly("'Date of adoption' is 2014-06-25, before the review (2015-01-21): it cannot come before it");
        assertThat(rules.statedDayFields("record-outcome-adoption")).as("required: never today by default").isEmpty();
        assertThat(rules.statedDayFields("agree-matrix-government")).containsExactly("governmentAgreedOn");
        assertThat(rules.statedDayFields("contribute-nhri-mid-term-report")).containsExactly("nhriMidTermSubmittedOn");
        assertThat(rules.statedDayFields("record-dialogue")).as("meetings: HeldDateCheck").isEmpty();
    }

    @Test
    void aStatedDayIsTakenOnlyOnTheFormThatDeclaresItAndAsADay() {
        assertThat(rules.submissionProblems("Contribute the CSOs' mid-term assessment", "contribute-cso-mid-term-report",
                Map.of("csoMidTermLink", "https://example.org", "governmentMidTermSubmittedOn", "2017-06-01")))
                .singleElement().asString().startsWith("'governmentMidTermSubmittedOn' is not a field of the form");
        assertThat(rules.submissionProblems("Contribute the CSOs' mid-term assessment", "contribute-cso-mid-term-report",
                Map.of("csoMidTermSubmittedOn", 20170601L)))
                .containsExactly("'Day the contribution was submitted' must be a date (yyyy-MM-dd), not '20170601'");
    }

    private static Map<String, Object> contribution(String day, String review) {
        Map<String, Object> values = new HashMap<>(Map.of("csoMidTermLink", "https://example.org", "reviewDate", review));
        values.put("csoMidTermSubmittedOn", day);
        return values;
    }
}
