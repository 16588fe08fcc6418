package org.uprflow.recommendation;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An uploaded file as a table: {@code .xlsx} (by its name or its zip signature) through
 * {@link XlsxTableReader}, anything else as delimited text through {@link TextEncoding} and
 * {@link CsvTableReader}. What stops the file from being read at all (too large, no known
 * encoding, no workbook, a zip bomb, macros, an encoding or delimiter the user named that does not
 * exist) comes back as problems of the file, and no table.
 */
final class ImportFile {

    record Opened(ImportTable table, List<ImportProblem> problems) {
    }

    /** The file's table, its mapping and what it holds for the country's cycle. */
    record Read(ImportTable table, ImportMapping mapping, ImportReading.Result result) {
    }

    /**
     * Reads the file for the country's cycle with the options; {@link ImportRejectedException}
     * when it cannot be read at all or the options name what it does not have. Problems of its
     * rows are in the result.
     */
    static Read read(byte[] bytes, String fileName, ImportOptions options, long maxBytes,
            org.uprflow.shared.CountryCode country, int cycle) {
        Opened opened = open(bytes, fileName, options, maxBytes);
        if (opened.table() == null) {
            throw new ImportRejectedException(opened.problems());
        }
        ImportMapping mapping = ImportMapping.of(opened.table().headers(), options.mapping());
        if (!mapping.problems().isEmpty()) {
            throw new ImportRejectedException(mapping.problems());
        }
        return new Read(opened.table(), mapping,
                ImportReading.read(opened.table(), mapping, new StateNames(country), cycle));
    }

    private ImportFile() {
    }

    static Opened open(byte[] bytes, String fileName, ImportOptions options, long maxBytes) {
        List<ImportProblem> problems = new ArrayList<>();
        if (bytes.length > maxBytes) {
            problems.add(ImportProblem.of(null, null, "import.too-large", String.valueOf(maxBytes)));
        }
        Charset charset = null;
        if (options.encoding() != null) {
            try {
                charset = Charset.forName(options.encoding());
            } catch (IllegalCharsetNameException | java.nio.charset.UnsupportedCharsetException e) {
                problems.add(ImportProblem.of(null, "encoding", "import.encoding.unknown", options.encoding()));
            }
        }
        Character delimiter = null;
        if (options.delimiter() != null) {
            delimiter = delimiter(options.delimiter());
            if (delimiter == null) {
                problems.add(ImportProblem.of(null, "delimiter", "import.delimiter.unknown", options.delimiter()));
            }
        }
        if (!problems.isEmpty()) {
            return new Opened(null, problems);
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls")
                    || XlsxTableReader.looksLikeZip(bytes)) {
                return new Opened(XlsxTableReader.read(bytes), List.of());
            }
            TextEncoding.Decoded decoded = TextEncoding.decode(bytes, charset);
            return new Opened(CsvTableReader.read(decoded, delimiter), List.of());
        } catch (XlsxTableReader.Unreadable e) {
            return new Opened(null, List.of(ImportProblem.of(null, null, e.messageKey())));
        } catch (TextEncoding.NoKnownEncoding e) {
            return new Opened(null, List.of(ImportProblem.of(null, null, "import.encoding.none")));
        } catch (CsvTableReader.MalformedCsv e) {
            return new Opened(null, List.of(ImportProblem.of(e.row(), null, "import.malformed", e.getMessage())));
        }
    }

    private static Character delimiter(String value) {
        if (value.equalsIgnoreCase("tab") || value.equals("\\t")) {
            return '\t';
        }
        return value.length() == 1 && CsvTableReader.DELIMITERS.contains(value.charAt(0)) ? value.charAt(0) : null;
    }
}
