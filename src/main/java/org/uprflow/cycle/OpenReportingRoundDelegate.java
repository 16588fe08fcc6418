package org.uprflow.cycle;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Opens a reporting period of implementation monitoring and sets its due dates. */
@Component("openReportingRoundDelegate")
public class OpenReportingRoundDelegate implements JavaDelegate {

    private final CycleCalendar calendar;

    public OpenReportingRoundDelegate(CycleCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Integer previous = (Integer) execution.getVariable(UprCycleProcess.REPORTING_ROUND);
        int round = previous == null ? 1 : previous + 1;
        LocalDate review = calendar.parseReviewDate(execution.getVariable(UprCycleProcess.REVIEW_DATE));
        String reportDue = CycleCalendar.iso(calendar.progressReportDue(review, round));
        execution.setVariable(UprCycleProcess.REPORTING_ROUND, round);
        execution.setVariable(UprCycleProcess.Due.PROGRESS_REPORT, reportDue);
        execution.setVariable(UprCycleProcess.Due.ASSESSMENT, CycleCalendar.iso(calendar.assessmentDue(review, round)));
        // the next period opens when this one ends, whether or not its work was on time
        execution.setVariable(UprCycleProcess.Due.NEXT_REPORTING_ROUND_OPENS, reportDue);
    }
}
