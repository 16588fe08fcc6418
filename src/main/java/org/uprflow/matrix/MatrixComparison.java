package org.uprflow.matrix;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What changed from one version of a matrix to another, row by row (matched by key). */
record MatrixComparison(int from, int to, List<MatrixEntry> added, List<MatrixEntry> removed,
        List<EntryChange> changed) {

    /** A row in both versions whose fields differ: field name to its value before and after. */
    public record EntryChange(UUID key, String themeCluster, Map<String, FieldChange> fields) {
    }

    public record FieldChange(Object before, Object after) {
    }
}
