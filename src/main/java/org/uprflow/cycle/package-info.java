/**
 * The UPR country cycle as it runs in the engine: the process descriptors (keys, element ids,
 * variable names), the {@link org.uprflow.cycle.CycleCalendar} that derives every due date from
 * the review date, the delegates and listeners the BPMN files call by bean name, and the rules
 * that check what a task's form sends. The BPMN and form files themselves live in the top-level
 * {@code processes/} folder.
 */
package org.uprflow.cycle;
