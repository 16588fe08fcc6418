package org.uprflow.cycle.internal;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.uprflow.cycle.CycleCalendar;
import org.uprflow.cycle.TaskInputRules;
import org.uprflow.cycle.UprCycleProcess;

/** Opens a reporting period of implementation monitoring, sets its due dates and empties its forms. */
@Component("openReportingRoundDelegate")
public class OpenReportingRoundDelegate implements JavaDelegate {

    /** The forms of a reporting period, emptied when the next period opens. */
    static final List<String> PERIOD_FORMS = List.of("report-progress", "assess-progress");

    private final CycleCalendar calendar;
    private final TaskInputRules forms;

    public OpenReportingRoundDelegate(CycleCalendar calendar, TaskInputRules forms) {
        this.calendar = calendar;
        this.forms = forms;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Integer previous = (Integer) execution.getVariable(UprCycleProcess.REPORTING_ROUND);
        int round = previous == null ? 1 : previous + 1;
        LocalDate review = calendar.countingFrom(execution.getVariable(UprCycleProcess.CALENDAR_FROM),
                execution.getVariable(UprCycleProcess.REVIEW_DATE));
        String reportDue = CycleCalendar.iso(calendar.progressReportDue(review, round));
        // The history keeps every period's report; the running cycle starts each period empty.
        PERIOD_FORMS.forEach(form -> execution.removeVariables(forms.fieldKeys(form)));
        execution.setVariable(UprCycleProcess.REPORTING_ROUND, round);
        execution.setVariable(UprCycleProcess.Due.PROGRESS_REPORT, reportDue);
        execution.setVariable(UprCycleProcess.Due.ASSESSMENT, CycleCalendar.iso(calendar.assessmentDue(review, round)));
        // the next period opens when this one ends, whether or not its work was on time
        execution.setVariable(UprCycleProcess.Due.NEXT_REPORTING_ROUND_OPENS, reportDue);
    }
}
