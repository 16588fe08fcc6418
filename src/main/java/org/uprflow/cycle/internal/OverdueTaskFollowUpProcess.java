package org.uprflow.cycle.internal;

/**
 * Started by {@link EscalateOverdueTaskDelegate} when a task of the cycle passes its due date
 * ({@code processes/overdue-task-follow-up.bpmn}). A process of its own, so that the programme
 * manager's follow-up never holds up the phase the overdue task belongs to.
 */
public final class OverdueTaskFollowUpProcess {

    public static final String KEY = "overdue-task-follow-up";

    public static final String FOLLOW_UP_OVERDUE_TASK = "Task_FollowUpOverdueTask";
    public static final String OVERDUE_TASK_FOLLOWED_UP = "EndEvent_OverdueTaskFollowedUp";

    public static final String OVERDUE_TASK_NAME = "overdueTaskName";
    public static final String OVERDUE_TASK_KEY = "overdueTaskKey";
    public static final String OVERDUE_TASK_ID = "overdueTaskId";
    public static final String OVERDUE_TASK_DUE = "overdueTaskDue";
    public static final String OVERDUE_TASK_GROUPS = "overdueTaskGroups";
    public static final String OVERDUE_PROCESS_INSTANCE_ID = "overdueProcessInstanceId";
    public static final String FOLLOW_UP_DUE = "followUpDue";

    private OverdueTaskFollowUpProcess() {
    }
}
