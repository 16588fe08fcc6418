package org.uprflow.cycle;

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

    private MidTermReportProcess() {
    }
}
