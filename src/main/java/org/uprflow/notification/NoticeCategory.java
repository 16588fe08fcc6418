package org.uprflow.notification;

/** What a notice is about; each category but the digest can be unsubscribed from on its own. */
enum NoticeCategory {
    TASK_AVAILABLE,
    TASK_ASSIGNED,
    DUE_SOON,
    OVERDUE,
    PHASE_COMPLETED,
    /** To the programme managers: someone who should have been told has no e-mail address. */
    MISSING_ADDRESS,
    /** Several held notices of one person and one country in one mail. */
    DIGEST;

    String messageKey() {
        return "notice.category." + name();
    }
}
