package org.uprflow.cycle.internal;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.uprflow.cycle.CycleCalendar;
import org.uprflow.cycle.UprCycleProcess;

/**
 * Puts the cycle's due dates into the instance once, at the start. A due date the programme
 * manager passed at start (a date already known) is kept.
 */
@Component("planCycleCalendarDelegate")
public class PlanCycleCalendarDelegate implements JavaDelegate {

    private final CycleCalendar calendar;

    public PlanCycleCalendarDelegate(CycleCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate review = calendar.countingFrom(execution.getVariable(UprCycleProcess.CALENDAR_FROM),
                execution.getVariable(UprCycleProcess.REVIEW_DATE));
        for (Map.Entry<String, String> due : calendar.schedule(review).entrySet()) {
            if (execution.getVariable(due.getKey()) == null) {
                execution.setVariable(due.getKey(), due.getValue());
            }
        }
    }
}
