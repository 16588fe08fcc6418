package org.uprflow.matrix;

import java.util.List;
import java.util.UUID;

/** A matrix row's government reports and independent assessments, side by side, oldest first. */
record EntryProgress(UUID entryKey, List<ProgressNote> reports, List<ProgressNote> assessments) {
}
