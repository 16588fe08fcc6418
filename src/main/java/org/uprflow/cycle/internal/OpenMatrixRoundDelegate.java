package org.uprflow.cycle.internal;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.uprflow.cycle.CycleCalendar;
import org.uprflow.cycle.TaskInputRules;
import org.uprflow.cycle.UprCycleProcess;

/**
 * Opens a round of the follow-up meeting: counts it in {@code matrixRounds}, sets its due date
 * and forgets what the previous round entered (verdicts, attendance), so that each round's forms
 * are filled afresh and the server's required-field check applies to them.
 */
@Component("openMatrixRoundDelegate")
public class OpenMatrixRoundDelegate implements JavaDelegate {

    /** The forms of a round: what one round entered must not count as entered in the next. */
    static final List<String> ROUND_FORMS = List.of("record-follow-up-meeting", "agree-matrix-cso", "agree-matrix-government");

    private final CycleCalendar calendar;
    private final TaskInputRules forms;

    public OpenMatrixRoundDelegate(CycleCalendar calendar, TaskInputRules forms) {
        this.calendar = calendar;
        this.forms = forms;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Integer previous = (Integer) execution.getVariable(UprCycleProcess.MATRIX_ROUNDS);
        int round = previous == null ? 1 : previous + 1;
        LocalDate review = calendar.countingFrom(execution.getVariable(UprCycleProcess.CALENDAR_FROM),
                execution.getVariable(UprCycleProcess.REVIEW_DATE));
        execution.setVariable(UprCycleProcess.MATRIX_ROUNDS, round);
        execution.setVariable(UprCycleProcess.Due.MATRIX, CycleCalendar.iso(calendar.matrixDue(review, round)));
        // The history keeps every round's values; the running cycle starts each round empty.
        ROUND_FORMS.forEach(form -> execution.removeVariables(forms.fieldKeys(form)));
    }
}
