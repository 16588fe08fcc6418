package org.uprflow.cycle;

import java.util.List;
import java.util.Map;

/**
 * A rule a task's completion must pass beyond its form's own rules, contributed by the feature
 * that knows the data (the positions task asks the recommendations register). Runs inside the
 * completing transaction, after the form's rules have passed.
 */
public interface TaskCompletionCheck {

    /** The problems, in the users' words, with completing a task of form {@code formId}; empty when none. */
    List<String> problems(String formId, Map<String, Object> variables);
}
