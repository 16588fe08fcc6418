package org.uprflow.matrix;

/**
 * What the caller may do in a cycle's register and matrix (the server checks each write anyway):
 * register, edit and delete recommendations; record positions; draft the matrix; agree to a draft
 * for their side; finalise a draft; report progress; assess it; read the audit trail.
 */
record CyclePermissions(boolean register, boolean recordPositions, boolean draftMatrix, boolean agree,
        boolean finalise, boolean reportProgress, boolean assess, boolean readAudit) {
}
