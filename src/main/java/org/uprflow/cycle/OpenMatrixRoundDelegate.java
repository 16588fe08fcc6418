package org.uprflow.cycle;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens a round of the follow-up meeting: counts it in {@code matrixRounds}, sets its due date
 * and forgets the previous round's verdicts, so that each side has to give a fresh one.
 */
@Component("openMatrixRoundDelegate")
public class OpenMatrixRoundDelegate implements JavaDelegate {

    private final CycleCalendar calendar;

    public OpenMatrixRoundDelegate(CycleCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Integer previous = (Integer) execution.getVariable(UprCycleProcess.MATRIX_ROUNDS);
        int round = previous == null ? 1 : previous + 1;
        LocalDate review = calendar.parseReviewDate(execution.getVariable(UprCycleProcess.REVIEW_DATE));
        execution.setVariable(UprCycleProcess.MATRIX_ROUNDS, round);
        execution.setVariable(UprCycleProcess.Due.MATRIX, CycleCalendar.iso(calendar.matrixDue(review, round)));
        execution.removeVariable(UprCycleProcess.CSO_AGREES_MATRIX);
        execution.removeVariable(UprCycleProcess.GOVERNMENT_AGREES_MATRIX);
    }
}
