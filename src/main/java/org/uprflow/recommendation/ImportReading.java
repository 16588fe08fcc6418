package org.uprflow.recommendation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recommendations of a file's table for one country's cycle, read through a mapping. Rows of
 * other States under review, other cycles and other bodies than the UPR are skipped and counted;
 * a paragraph number leading the text ("140.7 Ratify …") and recommending States in brackets at
 * its end ("… (Maldives) (Portugal);") are taken out of it when no column holds them. Rows of one
 * recommendation (the same paragraph number, or without one the same text) become one
 * recommendation with every recommending State. Every problem is listed by the row's number.
 */
final class ImportReading {

    /** A recommendation as it will be stored, the first row it came from, and what the preview flags on it. */
    record Read(RecommendationFields fields, int row, List<String> flags) {
    }

    record Result(List<Read> recommendations, List<ImportProblem> problems, int rowsRead, int skippedOtherStates,
            int skippedOtherCycles, int skippedOtherBodies, int mergedRows) {
    }

    /** Several recommending States of one recommendation, joined. */
    private static final int MAX_STATES = 2000;

    private final ImportTable table;
    private final ImportMapping mapping;
    private final StateNames stateUnderReview;
    private final int cycleNumber;
    private final List<ImportProblem> problems = new ArrayList<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private int rowsRead;
    private int skippedOtherStates;
    private int skippedOtherCycles;
    private int skippedOtherBodies;
    private int mergedRows;

    private ImportReading(ImportTable table, ImportMapping mapping, StateNames stateUnderReview, int cycleNumber) {
        this.table = table;
        this.mapping = mapping;
        this.stateUnderReview = stateUnderReview;
        this.cycleNumber = cycleNumber;
    }

    static Result read(ImportTable table, ImportMapping mapping, StateNames stateUnderReview, int cycleNumber) {
        return new ImportReading(table, mapping, stateUnderReview, cycleNumber).read();
    }

    private Result read() {
        problems.addAll(mapping.problems());
        if (!mapping.has(ImportField.TEXT)) {
            problems.add(ImportProblem.of(null, null, "import.mapping.no-text"));
        }
        for (ImportTable.Row row : table.rows()) {
            if (row.undecodable()) {
                problems.add(ImportProblem.of(row.number(), null, "import.row.undecodable", table.encoding()));
            } else if (!row.blank() && mapping.has(ImportField.TEXT)) {
                rowsRead++;
                read(row);
            }
        }
        if (problems.isEmpty() && groups.isEmpty()) {
            problems.add(ImportProblem.of(null, null, "import.empty"));
        }
        List<Read> read = groups.values().stream().map(Group::read).toList();
        return new Result(read, List.copyOf(problems), rowsRead, skippedOtherStates, skippedOtherCycles,
                skippedOtherBodies, mergedRows);
    }

    private void read(ImportTable.Row row) {
        Cells cells = new Cells(row);
        String body = cells.value(ImportField.RECOMMENDING_BODY);
        if (body != null && !isUpr(body)) {
            skippedOtherBodies++;
            return;
        }
        if (mapping.has(ImportField.STATE_UNDER_REVIEW)) {
            String state = cells.value(ImportField.STATE_UNDER_REVIEW);
            if (state == null) {
                cells.problem(ImportField.STATE_UNDER_REVIEW, "import.value.missing");
                return;
            }
            if (UprVocabulary.states(state).stream().noneMatch(stateUnderReview::matches)) {
                skippedOtherStates++;
                return;
            }
        }
        String cycle = cells.value(ImportField.CYCLE);
        if (cycle != null) {
            Integer number = UprVocabulary.cycle(cycle);
            if (number == null) {
                cells.problem(ImportField.CYCLE, "import.cycle.invalid", cycle);
                return;
            }
            if (number != cycleNumber) {
                skippedOtherCycles++;
                return;
            }
        }
        int before = problems.size();
        List<String> flags = new ArrayList<>();
        String text = cells.value(ImportField.TEXT);
        if (text == null) {
            cells.problem(ImportField.TEXT, "import.text.missing");
            return;
        }
        String reference = reference(cells);
        String[] leading = UprVocabulary.leadingParagraph(text);
        if (leading != null) {
            reference = reference == null ? leading[0] : reference;
            text = leading[1].strip();
        }
        List<String> states = List.of();
        String statesCell = cells.value(ImportField.RECOMMENDING_STATES);
        if (statesCell != null) {
            states = UprVocabulary.states(statesCell);
        } else {
            UprVocabulary.TextAndStates bracketed = UprVocabulary.trailingStates(text);
            if (bracketed != null) {
                text = bracketed.text();
                states = bracketed.states();
            }
        }
        if (states.isEmpty()) {
            cells.problem(ImportField.RECOMMENDING_STATES, "import.states.missing");
        } else if (states.stream().anyMatch(state -> state.length() > RecommendationFields.MAX_STATE)
                || String.join(RecommendationFields.STATE_SEPARATOR, states).length() > MAX_STATES) {
            cells.problem(ImportField.RECOMMENDING_STATES, "import.value.too-long", RecommendationFields.MAX_STATE);
        }
        if (text.length() > RecommendationFields.MAX_TEXT) {
            cells.problem(ImportField.TEXT, "import.value.too-long", RecommendationFields.MAX_TEXT);
        }
        Position position = null;
        String response = cells.value(ImportField.POSITION);
        if (response != null) {
            var word = UprVocabulary.position(response);
            if (word.isEmpty()) {
                cells.problem(ImportField.POSITION, "import.position.unknown", response);
            } else {
                position = word.get().position();
                if (word.get().flag() != null) {
                    flags.add(word.get().flag());
                }
            }
        }
        Integer session = number(cells, ImportField.SESSION, UprVocabulary::session, "import.session.invalid");
        Integer category = number(cells, ImportField.ACTION_CATEGORY, UprVocabulary::actionCategory,
                "import.action-category.range");
        List<String> themes = list(cells, ImportField.THEMES);
        List<String> persons = list(cells, ImportField.AFFECTED_PERSONS);
        String sdgCell = cells.value(ImportField.SDG_TARGETS);
        List<String> targets = sdgCell == null ? List.of() : UprVocabulary.sdgTargets(sdgCell);
        if (sdgCell != null && targets.isEmpty()) {
            flags.add("import.flag.sdg-goals");
        }
        String source = cells.value(ImportField.SOURCE_REFERENCE);
        if (source != null && source.length() > RecommendationFields.MAX_SOURCE) {
            cells.problem(ImportField.SOURCE_REFERENCE, "import.value.too-long", RecommendationFields.MAX_SOURCE);
        }
        if (problems.size() > before) {
            return;
        }
        RecommendationFields fields = new RecommendationFields(session, text,
                String.join(RecommendationFields.STATE_SEPARATOR, states), position, themes, persons, targets, category,
                source, reference);
        String key = reference != null ? "#" + reference : "text:" + Folding.fold(text);
        Group group = groups.get(key);
        if (group == null) {
            groups.put(key, new Group(fields, row.number(), states, flags));
        } else {
            mergedRows++;
            group.merge(fields, states, flags, cells);
        }
    }

    private String reference(Cells cells) {
        String cell = cells.value(ImportField.REFERENCE);
        if (cell == null) {
            return null;
        }
        String paragraph = UprVocabulary.paragraph(cell);
        if (paragraph != null) {
            return paragraph;
        }
        if (cell.length() > RecommendationFields.MAX_REFERENCE) {
            cells.problem(ImportField.REFERENCE, "import.value.too-long", RecommendationFields.MAX_REFERENCE);
            return null;
        }
        return cell;
    }

    private Integer number(Cells cells, ImportField field, java.util.function.Function<String, Integer> parse,
            String messageKey) {
        String value = cells.value(field);
        if (value == null) {
            return null;
        }
        Integer number = parse.apply(value);
        if (number == null) {
            cells.problem(field, messageKey, value);
        }
        return number;
    }

    private List<String> list(Cells cells, ImportField field) {
        String cell = cells.value(field);
        if (cell == null) {
            return List.of();
        }
        List<String> values = UprVocabulary.values(cell);
        if (values.stream().anyMatch(value -> value.length() > RecommendationFields.MAX_TAG)) {
            cells.problem(field, "import.value.too-long", RecommendationFields.MAX_TAG);
        }
        return values;
    }

    private static boolean isUpr(String body) {
        String folded = Folding.fold(body);
        return folded.contains("upr") || folded.contains("universal periodic review")
                || folded.contains("examen periodique universel") || folded.contains("examen periodico universal");
    }

    /** The rows of one recommendation. */
    private final class Group {
        private RecommendationFields fields;
        private final int row;
        private final Set<String> states;
        private final Set<String> flags;

        Group(RecommendationFields fields, int row, List<String> states, List<String> flags) {
            this.fields = fields;
            this.row = row;
            this.states = new LinkedHashSet<>(states);
            this.flags = new LinkedHashSet<>(flags);
        }

        void merge(RecommendationFields other, List<String> otherStates, List<String> otherFlags, Cells cells) {
            if (!Folding.fold(fields.text()).equals(Folding.fold(other.text()))) {
                cells.problem(ImportField.TEXT, "import.row.text-conflict", row, fields.reference());
                return;
            }
            if (fields.position() != null && other.position() != null && fields.position() != other.position()) {
                cells.problem(ImportField.POSITION, "import.row.position-conflict", row);
                return;
            }
            states.addAll(otherStates);
            flags.addAll(otherFlags);
            fields = new RecommendationFields(first(fields.session(), other.session()), fields.text(),
                    String.join(RecommendationFields.STATE_SEPARATOR, states),
                    first(fields.position(), other.position()), union(fields.themes(), other.themes()),
                    union(fields.affectedGroups(), other.affectedGroups()),
                    union(fields.sdgTargets(), other.sdgTargets()),
                    first(fields.actionCategory(), other.actionCategory()),
                    first(fields.sourceReference(), other.sourceReference()), fields.reference());
            if (fields.recommendingState().length() > MAX_STATES) {
                cells.problem(ImportField.RECOMMENDING_STATES, "import.value.too-long", MAX_STATES);
            }
        }

        Read read() {
            return new Read(fields, row, List.copyOf(flags));
        }

        private static <T> T first(T one, T other) {
            return one != null ? one : other;
        }

        private static List<String> union(List<String> one, List<String> other) {
            Set<String> all = new LinkedHashSet<>(one);
            all.addAll(other);
            return List.copyOf(all);
        }
    }

    /** The mapped cells of one row; problems named by the file's own header. */
    private final class Cells {
        private final ImportTable.Row row;

        Cells(ImportTable.Row row) {
            this.row = row;
        }

        String value(ImportField field) {
            Integer column = mapping.column(field);
            if (column == null) {
                return null;
            }
            String value = row.cell(column).strip();
            if (value.indexOf('\0') >= 0) {
                // PostgreSQL stores no NUL in text: named here, not a failed write (500) at the end of the import.
                problem(field, "import.value.nul");
                value = value.replace("\0", "").strip();
            }
            return value.isEmpty() ? null : value;
        }

        void problem(ImportField field, String messageKey, Object... arguments) {
            Integer column = mapping.column(field);
            String header = column == null ? field.key() : table.headers().get(column);
            problems.add(ImportProblem.of(row.number(), header, messageKey, arguments));
        }
    }
}
