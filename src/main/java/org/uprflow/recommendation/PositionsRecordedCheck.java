package org.uprflow.recommendation;

import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.uprflow.country.CountryCode;
import org.uprflow.cycle.ReviewAndPositionsProcess;
import org.uprflow.cycle.TaskCompletionCheck;
import org.uprflow.cycle.UprCycleProcess;

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
        if (!ReviewAndPositionsProcess.RECORD_POSITIONS_FORM.equals(formId)
                || !(variables.get(UprCycleProcess.COUNTRY_CODE) instanceof String country)
                || !(variables.get(UprCycleProcess.CYCLE_NUMBER) instanceof Number cycle)) {
            return List.of();
        }
        int missing = register.missingPositions(CountryCode.of(country), cycle.intValue());
        if (missing == 0) {
            return List.of();
        }
        return List.of(messages.getMessage("task.positions.missing", new Object[] {missing, cycle.intValue()},
                LocaleContextHolder.getLocale()));
    }
}
