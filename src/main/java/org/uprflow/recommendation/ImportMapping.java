package org.uprflow.recommendation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which column of the file holds which field. Recognised headers map themselves; the user's
 * mapping (field key → header as written in the file, or empty for none) changes that. A
 * mapping that names an unknown field or a column the file does not have is the request's
 * problem: listed, and the caller refuses it.
 */
record ImportMapping(Map<ImportField, Integer> columns, List<ImportProblem> problems) {

    static ImportMapping of(List<String> headers, Map<String, String> chosen) {
        Map<ImportField, Integer> columns = new EnumMap<>(ImportField.class);
        for (int i = 0; i < headers.size(); i++) {
            int index = i;
            ImportField.ofHeader(headers.get(i)).ifPresent(field -> columns.putIfAbsent(field, index));
        }
        List<ImportProblem> problems = new ArrayList<>();
        if (chosen != null) {
            chosen.forEach((key, header) -> {
                var field = ImportField.ofKey(key == null ? "" : key);
                if (field.isEmpty()) {
                    problems.add(ImportProblem.of(null, key, "import.mapping.unknown-field", key, keys()));
                } else if (header == null || header.isBlank()) {
                    columns.remove(field.get());
                } else {
                    int index = indexOf(headers, header);
                    if (index < 0) {
                        problems.add(ImportProblem.of(null, header, "import.mapping.column-missing", header,
                                field.get().key()));
                    } else {
                        columns.put(field.get(), index);
                    }
                }
            });
        }
        return new ImportMapping(columns, List.copyOf(problems));
    }

    /** The column with this header as written; else the one whose header folds alike; else -1. */
    private static int indexOf(List<String> headers, String header) {
        int exact = headers.indexOf(header.strip());
        if (exact >= 0) {
            return exact;
        }
        String wanted = ImportField.normalised(header);
        for (int i = 0; i < headers.size(); i++) {
            if (ImportField.normalised(headers.get(i)).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    static String keys() {
        return String.join(", ", java.util.Arrays.stream(ImportField.values()).map(ImportField::key).toList());
    }

    Integer column(ImportField field) {
        return columns.get(field);
    }

    boolean has(ImportField field) {
        return columns.containsKey(field);
    }

    /** The field a column is mapped to, or null. */
    ImportField fieldOf(int column) {
        return columns.entrySet().stream().filter(e -> e.getValue() == column).map(Map.Entry::getKey).findFirst()
                .orElse(null);
    }
}
