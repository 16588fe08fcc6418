package org.uprflow.cycle;

import java.util.Optional;
import java.util.stream.Stream;

/** Phase 8, called by the cycle ({@code processes/mid-term-report.bpmn}). */
public final class MidTermReportProcess {

    public static final String KEY = "mid-term-report";

    public static final String CONTRIBUTE_GOVERNMENT = "Task_ContributeGovernmentMidTermReport";
    public static final String CONTRIBUTE_CSO = "Task_ContributeCsoMidTermReport";
    public static final String CONTRIBUTE_NHRI = "Task_ContributeNhriMidTermReport";
    public static final String COMPILE_MID_TERM_REPORT = "Task_CompileMidTermReport";
    public static final String PUBLISH_MID_TERM_REPORT = "Task_PublishMidTermReport";
    public static final String MID_TERM_REPORT_PUBLISHED = "EndEvent_MidTermReportPublished";

    public static final String PUBLISH_MID_TERM_REPORT_FORM = "publish-mid-term-report";

    /** The side of a contribution form ({@code contribute-cso-mid-term-report}: cso), else empty. */
    public static Optional<String> contributingSide(String formId) {
        return Stream.of("government", "cso", "nhri")
                .filter(side -> ("contribute-" + side + "-mid-term-report").equals(formId)).findFirst();
    }

    /**
     * Recorded from the matrix when a side's contribution completes (never typed), e.g.
     * {@code csoMidTermFullyImplemented}: the side's contribution starts from the matrix's figures.
     */
    public static String fullyImplemented(String side) {
        return side + "MidTermFullyImplemented";
    }

    public static String partiallyImplemented(String side) {
        return side + "MidTermPartiallyImplemented";
    }

    /** The day a side states it submitted its contribution ({@code csoMidTermSubmittedOn}; empty: the day it completed). */
    public static String submittedOn(String side) {
        return side + "MidTermSubmittedOn";
    }

    private MidTermReportProcess() {
    }
}
