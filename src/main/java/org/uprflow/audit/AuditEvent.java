package org.uprflow.audit;

import java.time.OffsetDateTime;

/** One thing someone did: {@code action} on {@code subject} (an id), with a short human detail. */
record AuditEvent(long id, String countryCode, Integer cycleNumber, OffsetDateTime occurredAt, String actor,
        AuditAction action, String subject, String detail) {
}
