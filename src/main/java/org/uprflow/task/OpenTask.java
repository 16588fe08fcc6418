package org.uprflow.task;

import java.time.OffsetDateTime;

/** A user task waiting to be done, as the caller may see it. */
public record OpenTask(String id, String name, String countryCode, String processInstanceId,
        String assignee, OffsetDateTime created, OffsetDateTime due) {
}
