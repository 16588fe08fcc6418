package org.uprflow.matrix;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.uprflow.cycle.CoordinationMeetingProcess;
import org.uprflow.cycle.MidTermReportProcess;
import org.uprflow.cycle.TaskCompletionCheck;
import org.uprflow.cycle.TaskInputRules;
import org.uprflow.cycle.UprCycleProcess;

/**
 * The tasks about the implementation matrix act on the matrix, not on typed figures. The CSO
 * workshop (<em>Draft the implementation plan</em>) and day 1's <em>Update the implementation plan
 * and indicators</em> are refused while the cycle's matrix has no row, and record its rows and
 * the rows that name indicators; a side's mid-term contribution records how many recommendations
 * the matrix shows fully and partially implemented (the report's own count), so that no
 * contribution contradicts the matrix, nor states a day before the matrix was final (it reports on
 * the agreed matrix). One query per completion, two for a contribution that states its day.
 */
@Component
class MatrixFiguresCheck implements TaskCompletionCheck {

    private final MatrixRepository matrix;
    private final MessageSource messages;
    private final TaskInputRules forms;

    MatrixFiguresCheck(MatrixRepository matrix, MessageSource messages, TaskInputRules forms) {
        this.matrix = matrix;
        this.messages = messages;
        this.forms = forms;
    }

    @Override
    public Verdict verdict(String formId, Map<String, Object> variables) {
        boolean workshop = CoordinationMeetingProcess.HOLD_CSO_FOLLOW_UP_WORKSHOP_FORM.equals(formId);
        Optional<String> side = MidTermReportProcess.contributingSide(formId);
        if (!workshop && side.isEmpty() && !UprCycleProcess.DRAFT_IMPLEMENTATION_PLAN_FORM.equals(formId)) {
            return Verdict.accepted(Map.of());
        }
        return TaskCompletionCheck.cycleOf(variables).map(cycle -> {
            String country = cycle.country().value();
            if (side.isPresent()) {
                String dayField = MidTermReportProcess.submittedOn(side.get());
                LocalDate submittedOn = TaskInputRules.day(variables.get(dayField));
                Optional<LocalDate> finalisedOn = submittedOn == null ? Optional.empty()
                        : matrix.firstFinalisedOn(country, cycle.number()).filter(submittedOn::isBefore);
                if (finalisedOn.isPresent()) {
                    return Verdict.refused(List.of(messages.getMessage("task.input.stated-before",
                            new Object[] {forms.label(formId, dayField), submittedOn,
                                    messages.getMessage("task.input.day.matrixFinalisedOn", null,
                                            LocaleContextHolder.getLocale()), finalisedOn.get()},
                            LocaleContextHolder.getLocale())));
                }
                Map<Integer, Long> byLag = matrix.recommendationsByLag(country, cycle.number());
                return Verdict.accepted(Map.<String, Object>of(
                        MidTermReportProcess.fullyImplemented(side.get()), byLag.getOrDefault(0, 0L),
                        MidTermReportProcess.partiallyImplemented(side.get()), byLag.getOrDefault(1, 0L)));
            }
            Optional<DraftedMatrix> drafted = matrix.drafted(country, cycle.number()).filter(d -> d.rows() > 0);
            if (drafted.isEmpty()) {
                return Verdict.refused(List.of(messages.getMessage("task.matrix.empty",
                        new Object[] {cycle.country().upperCase(), cycle.number()}, LocaleContextHolder.getLocale())));
            }
            return Verdict.accepted(workshop
                    ? Map.<String, Object>of(CoordinationMeetingProcess.MATRIX_ROWS_AFTER_WORKSHOP, drafted.get().rows(),
                            CoordinationMeetingProcess.INDICATORS_AFTER_WORKSHOP, drafted.get().rowsWithIndicators())
                    : Map.<String, Object>of(UprCycleProcess.MATRIX_ROWS_DRAFTED, drafted.get().rows(),
                            UprCycleProcess.INDICATORS_DRAFTED, drafted.get().rowsWithIndicators()));
        }).orElseGet(() -> Verdict.accepted(Map.of()));
    }
}
