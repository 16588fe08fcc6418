package org.uprflow.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.uprflow.cycle.CoordinationMeetingProcess;
import org.uprflow.cycle.ReviewAndPositionsProcess;
import org.uprflow.cycle.UprCycleProcess;

/**
 * What the demo countries' people "entered" in the tasks they already did, shaped on the Kenya
 * 2015 field report (50 CSO members and 15 government representatives at the dialogue, Nairobi,
 * Geneva pre-session). Every form field has a value here; a field without one stops the demo at
 * start, so a new form field cannot be forgotten.
 */
final class DemoTaskInput {

    private final Map<String, Object> values = new HashMap<>();

    DemoTaskInput(String countryName, LocalDate review) {
        String country = countryName.toLowerCase(Locale.ROOT);
        String upr = "https://www.upr-info.org/en/review/" + country;
        // pre-session
        values.put("stakeholderReportTitle", "Joint CSO stakeholder report on " + countryName);
        values.put("stakeholderReportLink", upr + "/stakeholder-report.pdf");
        values.put("stakeholderReportSubmittedOn", review.minusMonths(7).toString());
        values.put("stakeholderReportOrganisations", 34L);
        values.put("preSessionDate", review.minusMonths(1).toString());
        values.put("preSessionPlace", "Geneva");
        values.put("preSessionOrganisers", "UPR Info");
        values.put("recommendingStatesAttending", 28L);
        values.put("csoStatementSpeaker", "Coalition of " + countryName + " human rights CSOs");
        values.put("csoStatementLink", upr + "/pre-session-cso-statement.pdf");
        values.put("csoStatementIssues", "Access to justice; freedom of assembly; rights of persons with disabilities");
        values.put("nhriStatementSpeaker", "National human rights institution of " + countryName);
        values.put("nhriStatementLink", upr + "/pre-session-nhri-statement.pdf");
        values.put("nhriStatementIssues", "Implementation of the previous cycle's recommendations");
        // review and positions: the figures are the register's
        values.put("workingGroupReportLink", "https://www.ohchr.org/en/hr-bodies/upr/" + country + "-index");
        values.put(ReviewAndPositionsProcess.OUTCOME_ADOPTED_ON, review.plusMonths(4).toString());
        values.put("councilSession", 29L);
        // CSO workshop and coordination meeting
        values.put("csoWorkshopDate", review.plusMonths(2).toString());
        values.put("csoWorkshopPlace", "Capital city");
        values.put("csoWorkshopOrganisers", "UPR Info with the national human rights institution");
        values.put("csoWorkshopAttendance", 42L);
        values.put(CoordinationMeetingProcess.FIRST_DAY, review.plusMonths(6).toString());
        values.put(CoordinationMeetingProcess.SECOND_DAY, review.plusMonths(6).plusDays(1).toString());
        values.put(CoordinationMeetingProcess.PLACE, "Capital city");
        values.put(CoordinationMeetingProcess.ORGANISERS,
                "UPR Info with the national human rights institution and a national NGO, supported by the OHCHR office");
        values.put("csoFollowUpWorkshopHeldOn", review.plusMonths(6).toString());
        values.put("governmentTrainingHeldOn", review.plusMonths(6).toString());
        values.put("dialogueHeldOn", review.plusMonths(6).plusDays(1).toString());
        values.put("dialogueNhriAttendance", 3L);
        values.put("csoWorkshopAttendanceDayOne", 50L);
        values.put("governmentTrainingAttendance", 15L);
        values.put("governmentTrainingTopics", "The UPR mechanism; reporting; working with CSOs");
        values.put("dialogueCsoAttendance", 50L);
        values.put("dialogueGovernmentAttendance", 15L);
        values.put("agreedNextSteps", "Finalise the implementation matrix together at a follow-up meeting");
        values.put("followUpMeetingPlannedFor", review.plusMonths(8).toString());
        // follow-up meeting and matrix
        values.put(UprCycleProcess.FOLLOW_UP_MEETING_DATE, review.plusMonths(8).toString());
        values.put("followUpMeetingPlace", "Capital city");
        values.put("followUpCsoAttendance", 30L);
        values.put("followUpGovernmentAttendance", 12L);
        values.put("followUpMeetingOrganisers", "UPR Info with the national human rights institution");
        values.put("followUpNhriAttendance", 2L);
        values.put("followUpMeetingAgreed", "The implementation matrix as revised, final");
        // both sides agree to version 1, the draft of the CSO workshop, which finalises it
        values.put(UprCycleProcess.CSO_MATRIX_VERSION, 1L);
        values.put(UprCycleProcess.GOVERNMENT_MATRIX_VERSION, 1L);
        values.put(UprCycleProcess.CSO_AGREES_MATRIX, "yes");
        values.put("csoMatrixComments", "Agreed with the indicators as revised");
        values.put(UprCycleProcess.GOVERNMENT_AGREES_MATRIX, "yes");
        values.put("governmentMatrixComments", "Agreed; ministries named as responsible institutions");
        // agreed at the follow-up meeting, so the matrix is final on that day
        values.put(UprCycleProcess.CSO_AGREED_ON, review.plusMonths(8).toString());
        values.put(UprCycleProcess.GOVERNMENT_AGREED_ON, review.plusMonths(8).toString());
        // mid-term contributions (R + 28 months; not reached by the demo's cycles yet)
        for (String side : new String[] {"government", "cso", "nhri"}) {
            values.put(side + "MidTermSubmittedOn", review.plusMonths(28).toString());
        }
        // monitoring
        values.put("actionsReported", 40L);
        values.put("progressSummary", "Progress reported by the responsible ministries");
        values.put("assessmentSummary", "Independent assessment by the CSO coalition and the NHRI");
        values.put("actionsDisputed", 6L);
    }

    /** The values of the form's fields. */
    Map<String, Object> forFields(Iterable<String> fieldKeys) {
        Map<String, Object> input = new HashMap<>();
        for (String key : fieldKeys) {
            if (!values.containsKey(key)) {
                throw new IllegalStateException("The demo data has no value for form field '" + key + "'");
            }
            input.put(key, values.get(key));
        }
        return input;
    }
}
