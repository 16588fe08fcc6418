package org.uprflow.notification;

import java.time.Instant;
import java.util.List;

/**
 * A user task as the notices need it, read from the engine by the adapters.
 *
 * @param countryCode lower-case, the task's tenant
 * @param cycleKey the cycle's business key ({@code KE-4}), null for a task outside a cycle
 */
record TaskEvent(String countryCode, String cycleKey, String taskId, String taskKey, String taskName,
        Instant due, List<String> candidateGroups, String assignee) {

    TaskEvent {
        candidateGroups = List.copyOf(candidateGroups);
    }
}
