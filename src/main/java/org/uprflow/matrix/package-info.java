/**
 * The implementation matrix of a country's cycle: rows per thematic cluster (goal, actions,
 * indicators, responsible institution, timeline, status) linked to the register's
 * recommendations, kept in numbered versions. A finalised version is frozen; the next round edits
 * a new draft copied from it, and any two versions can be compared. Progress reports of the
 * government and independent assessments of CSOs and the NHRI are kept side by side per row.
 * {@link org.uprflow.matrix.ImplementationMatrix} is the way in.
 */
package org.uprflow.matrix;
