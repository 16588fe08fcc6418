package org.uprflow.recommendation;

import java.util.List;

/**
 * A file's table as read: the header row's cells and each later row with its number as the user
 * sees it (a spreadsheet's row number; in CSV the record's number as a CSV parser counts records,
 * whatever the line endings). {@code undecodable} rows held bytes that the encoding could not
 * decode. {@code encoding} and {@code delimiter} are null for a spreadsheet.
 */
record ImportTable(String format, String encoding, Character delimiter, int headerRow, List<String> headers,
        List<Row> rows) {

    static final String CSV = "CSV";
    static final String XLSX = "XLSX";

    record Row(int number, List<String> cells, boolean undecodable) {

        /** The cell at {@code index}, empty when the row is shorter. */
        String cell(int index) {
            return index < cells.size() && cells.get(index) != null ? cells.get(index) : "";
        }

        boolean blank() {
            return cells.stream().allMatch(cell -> cell == null || cell.isBlank());
        }
    }

    /** The header row: of the first rows, the one naming most known columns (title lines above it are left out). */
    static int headerIndex(List<List<String>> firstRows) {
        int best = 0;
        long bestKnown = 0;
        for (int i = 0; i < firstRows.size(); i++) {
            long known = firstRows.get(i).stream().filter(header -> ImportField.ofHeader(header).isPresent()).count();
            if (known > bestKnown) {
                best = i;
                bestKnown = known;
            }
        }
        return best;
    }
}
