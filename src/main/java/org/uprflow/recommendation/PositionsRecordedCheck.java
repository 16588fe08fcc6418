package org.uprflow.recommendation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.uprflow.cycle.ReviewAndPositionsProcess;
import org.uprflow.cycle.TaskCompletionCheck;

/**
 * The positions task of a cycle cannot be completed while a recommendation of that cycle has no
 * position. The phase knows its cycle from the variables the cycle passes down
 * ({@code countryCode}, {@code cycleNumber}).
 */
@Component
class PositionsRecordedCheck implements TaskCompletionCheck {

    private final RecommendationRegister register;
    private final MessageSource messages;

    PositionsRecordedCheck(RecommendationRegister register, MessageSource messages) {
        this.register = register;
        this.messages = messages;
    }

    @Override
    public List<String> problems(String formId, Map<String, Object> variables) {
        if (!ReviewAndPositionsProcess.RECORD_POSITIONS_FORM.equals(formId)) {
            return List.of();
        }
        return TaskCompletionCheck.cycleOf(variables).flatMap(cycle -> {
            int missing = register.missingPositions(cycle.country(), cycle.number());
            return missing == 0 ? Optional.<String>empty() : Optional.of(messages.getMessage("task.positions.missing",
                    new Object[] {missing, cycle.number()}, LocaleContextHolder.getLocale()));
        }).stream().toList();
    }
}
