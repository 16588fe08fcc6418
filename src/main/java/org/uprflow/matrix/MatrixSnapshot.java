package org.uprflow.matrix;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A version of the matrix with its rows, the progress notes of each row (by entry key, oldest first)
 * and the sides' answers in every round of the follow-up meeting.
 */
public record MatrixSnapshot(MatrixVersion version, List<MatrixEntry> entries, Map<UUID, List<ProgressNote>> progress,
        List<MatrixAnswer> answers) {

    public List<ProgressNote> progressOf(UUID entryKey) {
        return progress.getOrDefault(entryKey, List.of());
    }
}
