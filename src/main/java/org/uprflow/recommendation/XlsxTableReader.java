package org.uprflow.recommendation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.Collections;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * The first sheet of an {@code .xlsx} workbook (OHCHR's Universal Human Rights Index exports it).
 * Before the workbook is parsed its zip is walked once, inflating into nothing: a file that is no
 * zip, a zip that is no workbook, a workbook with macros, and a zip bomb (more inflated bytes than
 * {@link #MAX_INFLATION} times the file, or than {@link #MAX_INFLATED_BYTES}) are refused without
 * anything being kept. Numbers read as written ({@code 44}, not {@code 44.0}).
 */
final class XlsxTableReader {

    /** An honest workbook of text inflates some 5 to 20 times; a zip bomb thousands. */
    static final int MAX_INFLATION = 100;
    static final long MAX_INFLATED_BYTES = 400L * 1024 * 1024;
    private static final int HEADER_SEARCH_ROWS = 10;

    /** Why a file cannot be read as a workbook; the message key says it to the user. */
    static final class Unreadable extends Exception {
        private final String messageKey;

        Unreadable(String messageKey) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
        }

        String messageKey() {
            return messageKey;
        }
    }

    private XlsxTableReader() {
    }

    static boolean looksLikeZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    static ImportTable read(byte[] bytes) throws Unreadable {
        if (!looksLikeZip(bytes)) {
            throw new Unreadable(ReadableWorkbook.isOLE2Header(bytes) ? "import.xlsx.old-or-protected"
                    : "import.xlsx.not-a-spreadsheet");
        }
        checkZip(bytes);
        List<List<String>> all = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes));
                Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            Iterator<Row> iterator = rows.iterator();
            while (iterator.hasNext()) {
                Row row = iterator.next();
                List<String> cells = new ArrayList<>(row.getCellCount());
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(text(row.getCell(i)));
                }
                all.add(cells);
                numbers.add(row.getRowNum());
            }
        } catch (IOException | RuntimeException e) {
            // fastexcel throws its own runtime exceptions and XML parsers' on a damaged workbook
            throw new Unreadable("import.xlsx.not-a-spreadsheet");
        }
        int headerIndex = all.isEmpty() ? 0 : ImportTable.headerIndex(all.subList(0, Math.min(all.size(), HEADER_SEARCH_ROWS)));
        List<ImportTable.Row> rows = new ArrayList<>(Math.max(0, all.size() - headerIndex - 1));
        for (int i = headerIndex + 1; i < all.size(); i++) {
            rows.add(new ImportTable.Row(numbers.get(i), all.get(i), false));
        }
        return new ImportTable(ImportTable.XLSX, null, null, all.isEmpty() ? 1 : numbers.get(headerIndex),
                all.isEmpty() ? List.of() : all.get(headerIndex), rows);
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case STRING -> cell.asString().strip();
            case NUMBER -> cell.asNumber().stripTrailingZeros().toPlainString();
            case BOOLEAN, FORMULA -> cell.getRawValue() == null ? "" : cell.getRawValue().strip();
            default -> "";
        };
    }

    /**
     * Walks every entry of the zip (by its central directory, as the workbook reader does),
     * inflating into a small buffer and counting what comes out, whatever sizes the zip declares:
     * a bomb stops it early.
     */
    private static void checkZip(byte[] bytes) throws Unreadable {
        long limit = Math.min(MAX_INFLATED_BYTES, Math.max(1L << 20, (long) bytes.length * MAX_INFLATION));
        long inflated = 0;
        boolean workbook = false;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                String name = entry.getName().toLowerCase(Locale.ROOT);
                if (name.endsWith("vbaproject.bin") || name.startsWith("xl/macrosheets/")) {
                    throw new Unreadable("import.xlsx.macros");
                }
                workbook |= name.equals("xl/workbook.xml");
                try (InputStream in = zip.getInputStream(entry)) {
                    if (name.equals("[content_types].xml") && contentTypesNameMacros(in, buffer)) {
                        throw new Unreadable("import.xlsx.macros");
                    }
                    int read;
                    while ((read = in.read(buffer)) > 0) {
                        inflated += read;
                        if (inflated > limit) {
                            throw new Unreadable("import.xlsx.zip-bomb");
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // no zip, a damaged one, or one in a form commons-compress does not read
            throw new Unreadable("import.xlsx.not-a-spreadsheet");
        }
        if (!workbook) {
            throw new Unreadable("import.xlsx.not-a-spreadsheet");
        }
    }

    /** A macro-enabled workbook (.xlsm renamed) says so in its content types. */
    private static boolean contentTypesNameMacros(InputStream zip, byte[] buffer) throws IOException {
        int read = zip.readNBytes(buffer, 0, buffer.length);
        String types = new String(buffer, 0, read, java.nio.charset.StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        return types.contains("macroenabled") || types.contains("vbaproject");
    }
}
