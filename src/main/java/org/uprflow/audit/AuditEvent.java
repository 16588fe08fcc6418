package org.uprflow.audit;

import java.time.OffsetDateTime;

/** One thing someone did: {@code action} on {@code subject} (an id), with a short human detail. */
public record AuditEvent(long id, String countryCode, Integer cycleNumber, OffsetDateTime occurredAt, String actor,
        AuditAction action, String subject, String detail) {
}
