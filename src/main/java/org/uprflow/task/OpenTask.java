package org.uprflow.task;

import java.time.OffsetDateTime;

/**
 * A user task waiting to be done, as the caller may see it. {@code cycle} is the business key of
 * the cycle it belongs to ({@code KE-4}), which the platform gave the cycle's process instance
 * when it opened it and which the instance's phases inherit; null for a task outside a cycle.
 */
record OpenTask(String id, String name, String countryCode, String cycle, String processInstanceId,
        String assignee, OffsetDateTime created, OffsetDateTime due) {
}
