package org.uprflow.cycle;

import org.uprflow.security.PlatformUser;

/**
 * Published inside the opening's transaction once the cycle's instance has started: a feature
 * that keeps part of what the manager stated (the meetings held before the platform) writes it
 * here, or refuses it with {@link InvalidCycleException}, which rolls the whole opening back.
 */
public record CycleOpened(Cycle cycle, OpenCycle request, PlatformUser openedBy) {
}
