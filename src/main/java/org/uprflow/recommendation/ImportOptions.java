package org.uprflow.recommendation;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How to read an import file, where the detection is not what the user wants. All optional.
 * {@code mapping}: field key → the column's header as written in the file, or empty for no column
 * (keys: text, reference, recommendingStates, stateUnderReview, position, themes, affectedPersons,
 * sdgTargets, cycle, session, actionCategory, sourceReference, recommendingBody).
 */
public record ImportOptions(
        @Schema(description = "Encoding of a CSV file, e.g. UTF-8, UTF-16, windows-1252, x-MacRoman; detected when empty")
        String encoding,
        @Schema(description = "Delimiter of a CSV file: , ; | or tab; detected when empty") String delimiter,
        @Schema(description = "Field key to the file's column header (empty: no column); recognised headers map themselves")
        Map<String, String> mapping) {

    public static final ImportOptions DETECTED = new ImportOptions(null, null, null);

    public ImportOptions {
        encoding = encoding == null || encoding.isBlank() ? null : encoding.strip();
        delimiter = delimiter == null || delimiter.isEmpty() ? null : delimiter;
        mapping = mapping == null ? Map.of() : new LinkedHashMap<>(mapping);
    }

    /** These options with {@code other}'s where it says something. */
    ImportOptions overriddenBy(ImportOptions other) {
        if (other == null) {
            return this;
        }
        Map<String, String> merged = new LinkedHashMap<>(mapping);
        merged.putAll(other.mapping());
        return new ImportOptions(other.encoding() != null ? other.encoding() : encoding,
                other.delimiter() != null ? other.delimiter() : delimiter, merged);
    }
}
