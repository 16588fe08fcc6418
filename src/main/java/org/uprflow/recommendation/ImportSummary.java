package org.uprflow.recommendation;

/**
 * What an import did: rows added, rows already in the register that it updated or left as they
 * were, and how many recommendations of the cycle still have no position afterwards.
 */
public record ImportSummary(int imported, int updated, int unchanged, int withoutPosition) {
}
