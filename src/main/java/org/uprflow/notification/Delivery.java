package org.uprflow.notification;

/** How a person wants to hear of their work. */
enum Delivery {
    IMMEDIATE,
    DAILY_DIGEST,
    WEEKLY_DIGEST,
    /** Nothing but the notices of overdue tasks (immediately). */
    OVERDUE_ONLY;

    boolean wants(NoticeCategory category) {
        return this != OVERDUE_ONLY || category == NoticeCategory.OVERDUE;
    }

    /** Digest people get their notices held and collected; overdue notices never wait. */
    boolean holds(NoticeCategory category) {
        return (this == DAILY_DIGEST || this == WEEKLY_DIGEST) && category != NoticeCategory.OVERDUE;
    }
}
