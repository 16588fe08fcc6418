package org.uprflow.cycle;

/** Phase 2, called by the cycle ({@code processes/pre-session.bpmn}). */
public final class PreSessionProcess {

    public static final String KEY = "pre-session";

    public static final String SUBMIT_STAKEHOLDER_REPORT = "Task_SubmitStakeholderReport";
    public static final String ORGANISE_PRE_SESSION = "Task_OrganisePreSession";
    public static final String RECORD_CSO_STATEMENT = "Task_RecordCsoStatement";
    public static final String RECORD_NHRI_STATEMENT = "Task_RecordNhriStatement";
    public static final String PRE_SESSION_HELD = "EndEvent_PreSessionHeld";

    private PreSessionProcess() {
    }
}
