package org.uprflow.recommendation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What an uploaded file will import, before it does: how it was read, which column feeds which
 * field, the first recommendations as they will be stored, the counts, and every problem (the
 * first {@value ImportProblems#LISTED} listed, {@code problemCount} all of them). Messages are in
 * the caller's language. {@code importable} is false while there is any problem.
 */
public record ImportPreview(UUID id, OffsetDateTime expiresAt, String fileName, String format, String encoding,
        String delimiter, int headerRow, List<Column> columns, List<String> fields, List<Row> rows, Counts counts,
        List<Problem> problems, int problemCount, List<String> notes, boolean importable) {

    /** A column of the file: its header, the field it feeds (null: ignored), the first values. */
    public record Column(int index, String header, String field, List<String> examples) {
    }

    public record Row(@Schema(description = "The first row of the file it comes from") int row, String reference,
            String text, List<String> recommendingStates, Position position, Integer session, Integer actionCategory,
            List<String> themes, List<String> affectedPersons, List<String> sdgTargets, String sourceReference,
            List<String> flags) {
    }

    public record Counts(
            @Schema(description = "Rows of the file read (blank rows left out)") int rowsRead,
            @Schema(description = "Recommendations it will import or update") int recommendations,
            @Schema(description = "Rows about another State under review, skipped") int skippedOtherStates,
            @Schema(description = "Rows of another cycle, skipped") int skippedOtherCycles,
            @Schema(description = "Rows of a treaty body or other mechanism than the UPR, skipped") int skippedOtherBodies,
            @Schema(description = "Rows that repeat a recommendation (another recommending State, or the same row "
                    + "again), merged into it") int mergedRows,
            @Schema(description = "Recommendations with something the user should look at") int flagged,
            @Schema(description = "Recommendations without a position in the file") int withoutPosition) {
    }

    public record Problem(Integer row, String column, String message) {
    }
}
