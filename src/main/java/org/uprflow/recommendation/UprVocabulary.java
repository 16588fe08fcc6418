package org.uprflow.recommendation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of the sources, read as the register's values. Positions: UPR Info's
 * {@code Accepted}/{@code Noted}/{@code Not Supported}, OHCHR's {@code Supported/Noted} (supported
 * in part), "under consideration" and the like as none yet (flagged, so the user sees it). Action
 * category {@code 4} or {@code 4 - General action}; session {@code 21} or
 * {@code 44 - November 2023}; cells holding several values split on new lines (UHRI's
 * "- " items), semicolons, and commas that start a new capitalised value
 * ({@code Rights of the Child,Women's rights}, but not {@code Economic, social and cultural rights}).
 */
final class UprVocabulary {

    /** What a response word means, and the message key of the flag a preview shows for it (or null). */
    record PositionWord(Position position, String flag) {
    }

    private static final Map<String, PositionWord> POSITIONS = Map.ofEntries(
            Map.entry("supported", new PositionWord(Position.SUPPORTED, null)),
            Map.entry("accepted", new PositionWord(Position.SUPPORTED, null)),
            Map.entry("accept", new PositionWord(Position.SUPPORTED, null)),
            Map.entry("support", new PositionWord(Position.SUPPORTED, null)),
            Map.entry("agreed", new PositionWord(Position.SUPPORTED, null)),
            Map.entry("voluntary pledge", new PositionWord(Position.SUPPORTED, "import.flag.pledge")),
            Map.entry("noted", new PositionWord(Position.NOTED, null)),
            Map.entry("not supported", new PositionWord(Position.NOTED, null)),
            Map.entry("not accepted", new PositionWord(Position.NOTED, null)),
            Map.entry("rejected", new PositionWord(Position.NOTED, null)),
            Map.entry("reject", new PositionWord(Position.NOTED, null)),
            Map.entry("supported/noted", new PositionWord(Position.SUPPORTED_IN_PART, null)),
            Map.entry("supported in part", new PositionWord(Position.SUPPORTED_IN_PART, null)),
            Map.entry("supported_in_part", new PositionWord(Position.SUPPORTED_IN_PART, null)),
            Map.entry("partially supported", new PositionWord(Position.SUPPORTED_IN_PART, null)),
            Map.entry("partially accepted", new PositionWord(Position.SUPPORTED_IN_PART, null)),
            Map.entry("accepted in part", new PositionWord(Position.SUPPORTED_IN_PART, null)),
            Map.entry("under consideration", new PositionWord(null, "import.flag.pending")),
            Map.entry("pending", new PositionWord(null, "import.flag.pending")),
            Map.entry("no response", new PositionWord(null, "import.flag.pending")),
            Map.entry("no response yet", new PositionWord(null, "import.flag.pending")),
            Map.entry("not yet", new PositionWord(null, "import.flag.pending")),
            Map.entry("to be considered", new PositionWord(null, "import.flag.pending")),
            Map.entry("considered", new PositionWord(null, "import.flag.pending")),
            Map.entry("-", new PositionWord(null, null)),
            Map.entry("none", new PositionWord(null, null)),
            Map.entry("none yet", new PositionWord(null, null)));

    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(\\d{1,3})(?:st|nd|rd|th)?\\b.*", Pattern.DOTALL);
    private static final Pattern CYCLE = Pattern.compile("(?i)^\\s*(?:cycle\\s*)?(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*cycle)?\\s*$");
    private static final Pattern SESSION = Pattern.compile("(?i)^\\s*(?:session\\s*)?(\\d{1,3})(?:st|nd|rd|th)?\\b.*", Pattern.DOTALL);
    private static final Pattern PARAGRAPH = Pattern.compile("(?<![\\d.])(\\d{1,3}\\.\\d{1,3})(?![\\d])");
    private static final Pattern LEADING_PARAGRAPH = Pattern.compile("^\\s*(\\d{1,3}\\.\\d{1,3})\\.?\\s+(\\S.*)$", Pattern.DOTALL);
    private static final Pattern SDG_TARGET = Pattern.compile("(?<![\\d.])((?:1[0-7]|[1-9])\\.(?:[1-9][0-9]?|[a-z]))(?![\\w])");
    private static final Pattern NEW_VALUE_COMMA = Pattern.compile(",\\s*(?=[\\p{Lu}\\d])");
    private static final Pattern ITEM_SEPARATOR = Pattern.compile("[\\r\\n;]+");

    private UprVocabulary() {
    }

    static Optional<PositionWord> position(String word) {
        String folded = Folding.fold(word).replaceAll("\\s*/\\s*", "/");
        PositionWord known = POSITIONS.get(folded);
        return Optional.ofNullable(known);
    }

    /** 1 to 5 from "4" or "4 - General action"; null when it is neither. */
    static Integer actionCategory(String value) {
        Matcher matcher = LEADING_NUMBER.matcher(value);
        if (!matcher.matches()) {
            return null;
        }
        int category = Integer.parseInt(matcher.group(1));
        return category >= 1 && category <= 5 ? category : null;
    }

    /** The Working Group session from "21", "44 - November 2023" or "Session 44"; null otherwise. */
    static Integer session(String value) {
        Matcher matcher = SESSION.matcher(value);
        if (!matcher.matches()) {
            return null;
        }
        int session = Integer.parseInt(matcher.group(1));
        return session > 0 ? session : null;
    }

    static Integer cycle(String value) {
        Matcher matcher = CYCLE.matcher(value);
        return matcher.matches() ? Integer.valueOf(matcher.group(1)) : null;
    }

    /** A paragraph number such as "136.1" from a cell ("136.1", "para. 136.1", "A/HRC/44/10, 136.1"). */
    static String paragraph(String value) {
        Matcher matcher = PARAGRAPH.matcher(value);
        String found = null;
        while (matcher.find()) {
            found = matcher.group(1);
        }
        return found;
    }

    /** "140.7 Ratify …" as ["140.7", "Ratify …"]; null when the text does not start with a paragraph number. */
    static String[] leadingParagraph(String text) {
        Matcher matcher = LEADING_PARAGRAPH.matcher(text);
        return matcher.matches() ? new String[] {matcher.group(1), matcher.group(2)} : null;
    }

    /**
     * "Ratify the Convention (Maldives) (Iran (Islamic Republic of));" as the text without its
     * brackets and the States in them, in order; null when the text ends with no bracket.
     */
    static TextAndStates trailingStates(String text) {
        String rest = text.strip();
        while (rest.endsWith(";") || rest.endsWith(".") || rest.endsWith(",")) {
            rest = rest.substring(0, rest.length() - 1).strip();
        }
        List<String> states = new ArrayList<>();
        while (rest.endsWith(")")) {
            int depth = 0;
            int open = -1;
            for (int i = rest.length() - 1; i >= 0; i--) {
                char c = rest.charAt(i);
                if (c == ')') {
                    depth++;
                } else if (c == '(' && --depth == 0) {
                    open = i;
                    break;
                }
            }
            if (open <= 0) {
                break;
            }
            String inside = rest.substring(open + 1, rest.length() - 1).strip();
            if (inside.isEmpty() || !Character.isUpperCase(inside.charAt(0))) {
                break;
            }
            states.add(0, inside);
            rest = rest.substring(0, open).strip();
        }
        if (states.isEmpty() || rest.isEmpty()) {
            return null;
        }
        while (rest.endsWith(";") || rest.endsWith(",")) {
            rest = rest.substring(0, rest.length() - 1).strip();
        }
        return new TextAndStates(rest, states);
    }

    record TextAndStates(String text, List<String> states) {
    }

    /** The values of a cell that holds several; UHRI's "- " bullets dropped. */
    static List<String> values(String cell) {
        Set<String> values = new LinkedHashSet<>();
        for (String item : ITEM_SEPARATOR.split(cell)) {
            for (String part : NEW_VALUE_COMMA.split(item)) {
                addItem(values, part);
            }
        }
        return List.copyOf(values);
    }

    /** The recommending States of a cell: one a line or separated by semicolons, never split on commas. */
    static List<String> states(String cell) {
        Set<String> states = new LinkedHashSet<>();
        for (String item : ITEM_SEPARATOR.split(cell)) {
            addItem(states, item);
        }
        return List.copyOf(states);
    }

    private static void addItem(Set<String> values, String item) {
        String value = item.strip();
        if (value.startsWith("- ") || value.startsWith("• ")) {
            value = value.substring(2).strip();
        }
        if (!value.isEmpty() && !value.equals("-")) {
            values.add(value);
        }
    }

    /** The SDG targets written in a cell ("5.2", "16.a"); goals without a target ("5 - Gender equality") are left out. */
    static List<String> sdgTargets(String cell) {
        Set<String> targets = new LinkedHashSet<>();
        Matcher matcher = SDG_TARGET.matcher(cell);
        while (matcher.find()) {
            targets.add(matcher.group(1));
        }
        return List.copyOf(targets);
    }
}
