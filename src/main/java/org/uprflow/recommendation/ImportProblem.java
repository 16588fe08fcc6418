package org.uprflow.recommendation;

import java.util.List;

/**
 * One thing wrong with an import file. {@code row} is the line of a spreadsheet (the header is
 * row 1), {@code null} for the file as a whole; {@code column} the header as written in the file
 * (or the expected one). The words come from the message bundle by {@code messageKey}.
 */
public record ImportProblem(Integer row, String column, String messageKey, List<Object> arguments) {

    static ImportProblem of(Integer row, String column, String messageKey, Object... arguments) {
        return new ImportProblem(row, column, messageKey, List.of(arguments));
    }

    /** The key of the problem in a problem+json {@code errors} map: "row 3, Response". */
    public String field() {
        String where = row == null ? "file" : "row " + row;
        return column == null ? where : where + ", " + column;
    }
}
