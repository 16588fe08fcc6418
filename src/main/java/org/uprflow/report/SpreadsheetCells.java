package org.uprflow.report;

import java.util.Arrays;

/**
 * Cells of a CSV export that a spreadsheet will not run: text starting with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return is read as a formula by Excel, LibreOffice and
 * Google Sheets (OWASP "CSV injection"), so it gets a leading apostrophe, which they show as text.
 * Values that are not text (numbers, dates) pass unchanged.
 */
final class SpreadsheetCells {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetCells() {
    }

    static Object[] neutralised(Object... cells) {
        return Arrays.stream(cells).map(SpreadsheetCells::neutralised).toArray();
    }

    static Object neutralised(Object cell) {
        return cell instanceof String text && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0
                ? "'" + text : cell;
    }
}
