/**
 * The UPR country cycle as it runs in the engine: the process descriptors (keys, element ids,
 * variable names), the {@link org.uprflow.cycle.CycleCalendar} that derives every due date from
 * the review date, the delegates and listeners the BPMN files call by bean name, and the rules
 * that check what a task's form sends. The BPMN and form files themselves live in the top-level
 * {@code processes/} folder.
 * <p>The module's API (ADR 0020) is this package's public types: the descriptors the other features
 * name elements by, {@link org.uprflow.cycle.CycleLauncher} and {@link org.uprflow.cycle.OpenCycle} to open a cycle,
 * {@link org.uprflow.cycle.CycleSteps} and the calendar to ask where a cycle stands, the task-input rules and checks
 * other features' listeners plug into, and the {@link org.uprflow.cycle.CycleOpened} event. The delegates, the
 * controller and the phase variants live in {@code internal}; the repository and the opening rules are package-private.
 */
package org.uprflow.cycle;
