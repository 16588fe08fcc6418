package org.uprflow.recommendation;

import java.util.List;

/** The import file has problems; nothing of it was imported: 400 with every problem. */
public class ImportRejectedException extends RuntimeException {

    private final transient List<ImportProblem> problems;

    public ImportRejectedException(List<ImportProblem> problems) {
        super(problems.size() + " problem(s) in the import file: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
