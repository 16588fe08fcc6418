package org.uprflow.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report's implementation matrix as CSV, one row per matrix row, with the latest progress
 * report and assessment beside it: what a spreadsheet user asks for. Recommendations are named
 * by their UN paragraph number (else their number in the register), several separated by ";". No cell
 * runs as a formula (SpreadsheetCells).
 */
final class MatrixCsv {

    static final String[] HEADER = {"Theme cluster", "Goal", "Actions", "Indicators", "Responsible institution",
        "Timeline", "Status", "Recommendations", "Latest progress report", "Reported by", "Reported on",
        "Latest assessment", "Assessed by", "Assessed on"};

    private MatrixCsv() {
    }

    static String write(MidTermReport report) {
        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            for (MidTermReport.Entry e : report.entries()) {
                MidTermReport.Note reported = latest(e.reports());
                MidTermReport.Note assessed = latest(e.assessments());
                printer.printRecord(SpreadsheetCells.neutralised(e.themeCluster(), e.goal(), e.actions(), e.indicators(),
                        e.responsibleInstitution(), e.timeline(), e.status(),
                        String.join(";", ReportPdf.cited(e)),
                        reported == null ? null : reported.text(), reported == null ? null : reported.author(),
                        reported == null ? null : reported.at(), assessed == null ? null : assessed.text(),
                        assessed == null ? null : assessed.author(), assessed == null ? null : assessed.at()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString();
    }

    private static MidTermReport.Note latest(List<MidTermReport.Note> notes) {
        return notes.isEmpty() ? null : notes.get(notes.size() - 1);
    }
}
