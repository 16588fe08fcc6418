package org.uprflow.recommendation;

/** What an import added. */
public record ImportSummary(int imported, long withoutPosition) {
}
