package org.uprflow.task;

import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where a user lands after the login, and the work waiting for them there.
 *
 * @param destination  {@code TASKS}: the landing page with the caller's open tasks (CSO, government, NHRI);
 *                     {@code DASHBOARD}: the managers' dashboard (programme managers, admins)
 * @param everyCountry true for an admin, whose dashboard holds every onboarded country
 * @param total        how many open tasks the caller has in all (at most {@link LandingApiController#LISTED} listed)
 */
record Landing(String userId, Destination destination, boolean everyCountry, List<Work> tasks, int total) {

    enum Destination { TASKS, DASHBOARD }

    /** One open task, with the cycle it belongs to and where to do it. */
    record Work(String id, String name,
            @Schema(example = "KE") String countryCode,
            @Schema(description = "The cycle's business key, null for a task outside a cycle", example = "KE-4") String cycle,
            @Schema(example = "4") Integer cycleNumber,
            OffsetDateTime due,
            @Schema(description = "Due before now and still open") boolean overdue,
            String assignee,
            @Schema(description = "Opens the task in Tasklist", example = "/camunda/app/tasklist/default/#/?task=42")
            String tasklistUrl,
            @Schema(description = "The cycle's register, null outside a cycle", example = "/register/?country=KE&cycle=4")
            String registerUrl) {
    }
}
