package org.uprflow.recommendation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.uprflow.web.ProblemException;
import org.uprflow.web.ProblemWords;

/**
 * The import file has problems; nothing of it was imported: 400 with every problem, by row and column, in
 * {@code problems} (row, column, message) and, like every 400 of the API, in {@code errors} ("row 3, Response").
 */
public class ImportRejectedException extends ProblemException {

    private final transient List<ImportProblem> problems;

    public ImportRejectedException(List<ImportProblem> problems) {
        super(problems.size() + " problem(s) in the import file: " + problems, HttpStatus.BAD_REQUEST,
                "problem.import.title", "problem.import.detail", problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    @Override
    protected void addProperties(ProblemDetail problem, ProblemWords words) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Map<String, Object>> listed = new ArrayList<>();
        // every problem counted, the first ones listed: a file of 10,000 bad rows gets a readable answer
        for (ImportProblem p : problems.subList(0, Math.min(problems.size(), ImportProblems.LISTED))) {
            String message = words.text(p.messageKey(), p.arguments().toArray());
            errors.merge(p.field(), message, (a, b) -> a + "; " + b);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("row", p.row());
            item.put("column", p.column());
            item.put("message", message);
            listed.add(item);
        }
        problem.setProperty("errors", errors);
        problem.setProperty("problems", listed);
        problem.setProperty("total", problems.size());
    }
}
