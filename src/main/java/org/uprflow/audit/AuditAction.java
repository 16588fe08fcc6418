package org.uprflow.audit;

/**
 * What someone did, as {@code audit_event.action} stores it (the names are the stored values:
 * renaming one needs a migration) and the register's audit page words it
 * ({@code page.register.audit.action.<name>}).
 */
public enum AuditAction {
    RECOMMENDATION_CREATED,
    RECOMMENDATION_EDITED,
    RECOMMENDATION_DELETED,
    RECOMMENDATIONS_IMPORTED,
    RECOMMENDATIONS_CARRIED_OVER,
    POSITION_RECORDED,
    POSITION_CHANGED_AFTER_PHASE,
    MATRIX_DRAFT_STARTED,
    MATRIX_ENTRY_ADDED,
    MATRIX_ENTRY_EDITED,
    MATRIX_AGREED,
    MATRIX_DISAGREED,
    MATRIX_FINALISED,
    PROGRESS_REPORT,
    PROGRESS_ASSESSMENT,
    MID_TERM_REPORT_PUBLISHED,
    MID_TERM_REPORT_MADE_PUBLIC,
    MID_TERM_REPORT_PUBLIC_LINK_REVOKED
}
