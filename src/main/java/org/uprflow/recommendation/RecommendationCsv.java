package org.uprflow.recommendation;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.uprflow.country.CountryCode;

/**
 * Reads a CSV file of recommendations in the columns public UPR data uses (UPR Info's database
 * exports and the like). Header names are matched case-insensitively, in any order; several
 * themes, groups or SDG targets in one cell are separated by semicolons. Every problem is
 * collected, by row and column, so that a user fixes the file in one go; the caller imports
 * nothing unless there is none.
 */
final class RecommendationCsv {

    /** More would only bury the first ones; the user fixes these and tries again. */
    static final int MAX_PROBLEMS = 200;

    private static final Pattern CYCLE = Pattern.compile("(?i)(?:cycle\\s*)?(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*cycle)?");
    private static final Pattern SESSION = Pattern.compile("(?i)(?:session\\s*)?(\\d{1,3})");
    private static final Pattern SDG_TARGET = Pattern.compile(RecommendationFields.SDG_TARGET);

    enum Column {
        TEXT(true, "recommendation", "recommendation text", "text"),
        RECOMMENDING_STATE(true, "recommending state", "recommending states", "recommending country"),
        STATE_UNDER_REVIEW(true, "state under review", "sur", "state under review (sur)"),
        POSITION(false, "response", "position", "response/position"),
        THEMES(false, "issues", "themes", "issue", "theme", "issues/themes"),
        AFFECTED_GROUPS(false, "affected groups", "affected persons", "groups"),
        SDG_TARGETS(false, "sdg targets", "sdgs", "sdg"),
        CYCLE(false, "cycle"),
        SESSION(false, "session"),
        ACTION_CATEGORY(false, "action category", "action"),
        SOURCE_REFERENCE(false, "source reference", "source", "document");

        private final boolean required;
        private final List<String> names;

        Column(boolean required, String... names) {
            this.required = required;
            this.names = List.of(names);
        }

        /** The header a file should use. */
        String header() {
            String first = names.get(0);
            return Character.toUpperCase(first.charAt(0)) + first.substring(1);
        }

        static Optional<Column> ofHeader(String header) {
            String name = normalise(header);
            return Arrays.stream(values()).filter(column -> column.names.contains(name)).findFirst();
        }
    }

    record Parsed(List<RecommendationFields> rows, List<ImportProblem> problems) {
    }

    private final CountryCode country;
    private final List<String> countryNames;
    private final int cycleNumber;
    private final long maxBytes;
    private final List<ImportProblem> problems = new ArrayList<>();
    /** The row where each recommendation (by {@link RecommendationFields#identity}) first appears. */
    private final Map<String, Integer> rowOf = new java.util.HashMap<>();

    private RecommendationCsv(CountryCode country, int cycleNumber, long maxBytes) {
        this.country = country;
        // how public data names the State under review: its code or its name in English, French or Spanish
        this.countryNames = List.of(country.value(), country.displayName(Locale.ENGLISH),
                country.displayName(Locale.FRENCH), country.displayName(new Locale("es")));
        this.cycleNumber = cycleNumber;
        this.maxBytes = maxBytes;
    }

    /** The recommendations of the file for the country's cycle, or the problems that stop it. */
    static Parsed read(InputStream file, CountryCode country, int cycleNumber, long maxBytes) {
        return new RecommendationCsv(country, cycleNumber, maxBytes).read(file);
    }

    private Parsed read(InputStream file) {
        byte[] bytes;
        try {
            bytes = file.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded file", e);
        }
        if (bytes.length > maxBytes) {
            problem(null, null, "import.too-large", String.valueOf(maxBytes));
            return new Parsed(List.of(), problems);
        }
        String text = decode(bytes);
        if (!problems.isEmpty()) {
            return new Parsed(List.of(), problems);
        }
        List<RecommendationFields> rows = parse(text);
        return new Parsed(problems.isEmpty() ? rows : List.of(), List.copyOf(problems));
    }

    /** UTF-8 or nothing: a decoder that reports, so that no byte turns silently into a '?'. */
    private String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        Integer lastLine = null;
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (!result.isError()) {
                break;
            }
            int offset = in.position();
            int line = lineOf(bytes, offset);
            if (!Integer.valueOf(line).equals(lastLine)) {
                problem(line, null, "import.not-utf8", String.format("0x%02X", bytes[offset] & 0xff), String.valueOf(offset));
                lastLine = line;
            }
            in.position(offset + result.length());
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private List<RecommendationFields> parse(String text) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiterOf(text))
                .setIgnoreEmptyLines(true).setTrim(true).get();
        List<RecommendationFields> rows = new ArrayList<>();
        long lastRow = 1;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<Column, Integer> columns = null;
            List<String> headers = null;
            for (CSVRecord record : parser) {
                lastRow = record.getRecordNumber();
                if (columns == null) {
                    headers = record.toList();
                    columns = header(headers);
                    if (!problems.isEmpty()) {
                        return rows;
                    }
                } else if (problems.size() < MAX_PROBLEMS) {
                    row(record, headers, columns).ifPresent(rows::add);
                }
            }
            if (columns == null || rows.isEmpty() && problems.isEmpty()) {
                problem(null, null, "import.empty");
            }
        } catch (IOException | UncheckedIOException e) {
            problem((int) lastRow + 1, null, "import.malformed", e.getMessage());
        }
        if (problems.size() >= MAX_PROBLEMS) {
            problem(null, null, "import.too-many-problems", MAX_PROBLEMS);
        }
        return rows;
    }

    /** Excel in much of Europe writes semicolons: whichever the header line has more of. */
    private static char delimiterOf(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        long commas = header.chars().filter(c -> c == ',').count();
        long semicolons = header.chars().filter(c -> c == ';').count();
        return semicolons > commas ? ';' : ',';
    }

    private Map<Column, Integer> header(List<String> headers) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            Optional<Column> column = Column.ofHeader(header);
            if (column.isEmpty()) {
                problem(1, header, "import.header.unknown", header, knownHeaders());
            } else if (columns.putIfAbsent(column.get(), i) != null) {
                problem(1, header, "import.header.duplicate", header);
            }
        }
        for (Column column : Column.values()) {
            if (column.required && !columns.containsKey(column)) {
                problem(1, column.header(), "import.header.missing", column.header());
            }
        }
        return columns;
    }

    private static String knownHeaders() {
        return String.join(", ", Arrays.stream(Column.values()).map(Column::header).toList());
    }

    private Optional<RecommendationFields> row(CSVRecord record, List<String> headers, Map<Column, Integer> columns) {
        int row = (int) record.getRecordNumber();
        int before = problems.size();
        if (record.size() != headers.size()) {
            problem(row, null, "import.row.width", record.size(), headers.size());
            return Optional.empty();
        }
        Cells cells = new Cells(record, headers, columns, row);
        String text = cells.required(Column.TEXT, RecommendationFields.MAX_TEXT);
        String recommendingState = cells.required(Column.RECOMMENDING_STATE, 200);
        cells.value(Column.STATE_UNDER_REVIEW).ifPresentOrElse(state -> {
            if (!isThisCountry(state)) {
                cells.problem(Column.STATE_UNDER_REVIEW, "import.state-under-review.other", state, country.upperCase(),
                        country.displayName(Locale.ENGLISH));
            }
        }, () -> cells.problem(Column.STATE_UNDER_REVIEW, "import.value.missing"));
        Position position = cells.value(Column.POSITION).map(value -> Position.parse(value).orElseGet(() -> {
            cells.problem(Column.POSITION, "import.position.unknown", value);
            return null;
        })).orElse(null);
        cells.value(Column.CYCLE).ifPresent(value -> {
            Matcher cycle = CYCLE.matcher(value);
            if (!cycle.matches() || Integer.parseInt(cycle.group(1)) != cycleNumber) {
                cells.problem(Column.CYCLE, "import.cycle.other", value, cycleNumber);
            }
        });
        Integer session = cells.value(Column.SESSION).map(value -> {
            Matcher matcher = SESSION.matcher(value);
            if (matcher.matches() && Integer.parseInt(matcher.group(1)) > 0) {
                return Integer.parseInt(matcher.group(1));
            }
            cells.problem(Column.SESSION, "import.session.invalid", value);
            return null;
        }).orElse(null);
        Integer category = cells.value(Column.ACTION_CATEGORY).map(value -> {
            if (value.matches("[1-5]")) {
                return Integer.parseInt(value);
            }
            cells.problem(Column.ACTION_CATEGORY, "import.action-category.range", value);
            return null;
        }).orElse(null);
        List<String> themes = cells.list(Column.THEMES);
        List<String> groups = cells.list(Column.AFFECTED_GROUPS);
        List<String> targets = cells.list(Column.SDG_TARGETS);
        targets.stream().filter(target -> !SDG_TARGET.matcher(target).matches()).findFirst()
                .ifPresent(target -> cells.problem(Column.SDG_TARGETS, "import.sdg-target.invalid", target));
        String source = cells.value(Column.SOURCE_REFERENCE).orElse(null);
        if (source != null && source.length() > 500) {
            cells.problem(Column.SOURCE_REFERENCE, "import.value.too-long", 500);
        }
        if (text != null && recommendingState != null) {
            Integer first = rowOf.putIfAbsent(RecommendationFields.identity(text, recommendingState), row);
            if (first != null) {
                cells.problem(Column.TEXT, "import.row.duplicate", first);
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new RecommendationFields(session, text, recommendingState, position, themes, groups, targets,
                category, source));
    }

    private boolean isThisCountry(String state) {
        return countryNames.stream().anyMatch(state::equalsIgnoreCase);
    }

    private void problem(Integer row, String column, String messageKey, Object... arguments) {
        problems.add(ImportProblem.of(row, column, messageKey, arguments));
    }

    /** The cells of one row, by column, with the row's problems named by the file's own headers. */
    private final class Cells {
        private final CSVRecord record;
        private final List<String> headers;
        private final Map<Column, Integer> columns;
        private final int row;

        Cells(CSVRecord record, List<String> headers, Map<Column, Integer> columns, int row) {
            this.record = record;
            this.headers = headers;
            this.columns = columns;
            this.row = row;
        }

        Optional<String> value(Column column) {
            Integer index = columns.get(column);
            if (index == null) {
                return Optional.empty();
            }
            String value = record.get(index);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
        }

        String required(Column column, int maxLength) {
            Optional<String> value = value(column);
            if (value.isEmpty()) {
                problem(column, column == Column.TEXT ? "import.text.missing" : "import.value.missing");
                return null;
            }
            if (value.get().length() > maxLength) {
                problem(column, "import.value.too-long", maxLength);
            }
            return value.get();
        }

        List<String> list(Column column) {
            List<String> values = value(column).stream().flatMap(cell -> Arrays.stream(cell.split(";")))
                    .map(String::strip).filter(value -> !value.isEmpty()).distinct().toList();
            if (values.stream().anyMatch(value -> value.length() > 200)) {
                problem(column, "import.value.too-long", 200);
            }
            return values;
        }

        void problem(Column column, String messageKey, Object... arguments) {
            Integer index = columns.get(column);
            RecommendationCsv.this.problem(row, index == null ? column.header() : headers.get(index), messageKey,
                    arguments);
        }
    }

    private static String normalise(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("\\s+", " ");
    }
}
