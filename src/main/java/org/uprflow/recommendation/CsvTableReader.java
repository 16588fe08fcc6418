package org.uprflow.recommendation;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file's table. Line endings CR LF, LF or the old Mac's CR alone (commons-csv takes all
 * three); the delimiter is the one of comma, semicolon, tab and bar that the first line has most
 * of, unless the user names it. A row with bytes the encoding could not decode is marked by its
 * record number, found from where its characters start.
 */
final class CsvTableReader {

    static final List<Character> DELIMITERS = List.of(',', ';', '\t', '|');
    private static final int HEADER_SEARCH_ROWS = 10;

    private CsvTableReader() {
    }

    static ImportTable read(TextEncoding.Decoded decoded, Character chosenDelimiter) throws MalformedCsv {
        String text = decoded.text();
        char delimiter = chosenDelimiter != null ? chosenDelimiter : delimiterOf(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        List<CSVRecord> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                records.add(record);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new MalformedCsv(records.size() + 1, e.getMessage());
        }
        List<Integer> undecodable = decoded.undecodable();
        List<List<String>> first = records.stream().limit(HEADER_SEARCH_ROWS).map(CSVRecord::toList).toList();
        int headerIndex = records.isEmpty() ? 0 : ImportTable.headerIndex(first);
        List<String> headers = records.isEmpty() ? List.of() : trimmed(records.get(headerIndex).toList());
        List<ImportTable.Row> rows = new ArrayList<>(Math.max(0, records.size() - headerIndex - 1));
        int next = 0;
        for (int i = 0; i < records.size(); i++) {
            CSVRecord record = records.get(i);
            long end = i + 1 < records.size() ? records.get(i + 1).getCharacterPosition() : Long.MAX_VALUE;
            boolean bad = false;
            while (next < undecodable.size() && undecodable.get(next) < end) {
                bad = true;
                next++;
            }
            if (i > headerIndex) {
                rows.add(new ImportTable.Row((int) record.getRecordNumber(), trimmed(record.toList()), bad));
            } else if (bad) {
                rows.add(new ImportTable.Row((int) record.getRecordNumber(), List.of(), true));
            }
        }
        return new ImportTable(ImportTable.CSV, decoded.charset().name(), delimiter,
                records.isEmpty() ? 1 : (int) records.get(headerIndex).getRecordNumber(), headers, rows);
    }

    private static List<String> trimmed(List<String> cells) {
        return cells.stream().map(String::strip).toList();
    }

    /** Of the candidate delimiters, the one the first line holds most of; a comma when none. */
    static char delimiterOf(String text) {
        int end = text.length();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                end = i;
                break;
            }
        }
        String header = text.substring(0, end);
        char best = ',';
        long most = 0;
        for (char candidate : DELIMITERS) {
            long count = header.chars().filter(c -> c == candidate).count();
            if (count > most) {
                best = candidate;
                most = count;
            }
        }
        return best;
    }

    /** The text stops being CSV (an unclosed quote): where, and commons-csv's words. */
    static final class MalformedCsv extends Exception {
        private final int row;

        MalformedCsv(int row, String message) {
            super(message, null, false, false);
            this.row = row;
        }

        int row() {
            return row;
        }
    }
}
