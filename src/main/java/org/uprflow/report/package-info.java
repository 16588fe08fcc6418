/**
 * The mid-term report of a country's cycle: compiled from the register, the implementation
 * matrix with its progress reports and assessments, the meetings and the engine's history of the
 * cycle; read as JSON, PDF and the matrix as CSV; published once by a programme manager from the
 * cycle's mid-term report phase, after which the stored content is what everybody reads.
 * {@link org.uprflow.report.MidTermReports} is the way in.
 */
package org.uprflow.report;
