/**
 * The cycle module's inside (ADR 0020), hidden from the other modules: the delegates and the
 * {@link org.uprflow.cycle.internal.PhaseVariants} bean the BPMN files call by bean name, the overdue-task
 * follow-up's descriptor that only its delegate and the process tests need, and the cycles' REST controller.
 * Public only so that the cycle's own process tests can wire them into a bare engine.
 */
package org.uprflow.cycle.internal;
