package org.uprflow.report;

import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.uprflow.cycle.MidTermReportProcess;
import org.uprflow.cycle.TaskCompletionCheck;

/**
 * The publish task of a cycle's mid-term report phase cannot be completed before the report is
 * published on the report page (where the programme manager reviews the draft and publishes it):
 * the task records that the step is done, the page does it. The phase knows its cycle from the
 * variables the cycle passes down ({@code countryCode}, {@code cycleNumber}).
 */
@Component
class ReportPublishedCheck implements TaskCompletionCheck {

    private final PublishedReports published;
    private final MessageSource messages;

    ReportPublishedCheck(PublishedReports published, MessageSource messages) {
        this.published = published;
        this.messages = messages;
    }

    @Override
    public Verdict verdict(String formId, Map<String, Object> variables) {
        if (!MidTermReportProcess.PUBLISH_MID_TERM_REPORT_FORM.equals(formId)) {
            return Verdict.accepted(Map.of());
        }
        return new Verdict(TaskCompletionCheck.cycleOf(variables)
                .filter(cycle -> published.content(cycle.country().value(), cycle.number()).isEmpty())
                .map(cycle -> messages.getMessage("task.mid-term-report.unpublished",
                        new Object[] {cycle.country().upperCase(), cycle.number()}, LocaleContextHolder.getLocale()))
                .stream().toList(), Map.of());
    }
}
