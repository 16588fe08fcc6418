package org.uprflow.cycle;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A country's UPR cycle on the platform. */
public record Cycle(String businessKey, String countryCode, int cycleNumber, int wgSession, LocalDate reviewDate,
        String processInstanceId, OffsetDateTime openedAt, String openedBy) {
}
