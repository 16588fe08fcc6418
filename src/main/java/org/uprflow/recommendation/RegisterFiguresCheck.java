package org.uprflow.recommendation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.uprflow.cycle.ReviewAndPositionsProcess;
import org.uprflow.cycle.TaskCompletionCheck;

/**
 * The register tasks of a cycle act on the register, not on typed figures. <em>Register the
 * recommendations</em> is refused while the cycle's register is empty; <em>Record the State's
 * positions</em> while it is empty or a recommendation has no position (the refusal says how
 * many). Once accepted, the number received, supported and noted are recorded with the
 * completion as the register holds them. One count per completion; the phase knows its cycle
 * from the variables the cycle passes down ({@code countryCode}, {@code cycleNumber}).
 */
@Component
class RegisterFiguresCheck implements TaskCompletionCheck {

    private final RecommendationRepository recommendations;
    private final MessageSource messages;

    RegisterFiguresCheck(RecommendationRepository recommendations, MessageSource messages) {
        this.recommendations = recommendations;
        this.messages = messages;
    }

    @Override
    public Verdict verdict(String formId, Map<String, Object> variables) {
        boolean positions = ReviewAndPositionsProcess.RECORD_POSITIONS_FORM.equals(formId);
        if (!positions && !ReviewAndPositionsProcess.REGISTER_RECOMMENDATIONS_FORM.equals(formId)) {
            return Verdict.accepted(Map.of());
        }
        return TaskCompletionCheck.cycleOf(variables).map(cycle -> {
            RecommendationRepository.PositionCounts counts =
                    recommendations.positionCounts(cycle.country().value(), cycle.number());
            List<String> problems = new ArrayList<>();
            if (counts.total() == 0) {
                problems.add(message("task.register.empty", cycle.country().upperCase(), cycle.number()));
            } else if (positions && counts.missing() > 0) {
                problems.add(message("task.positions.missing", counts.missing(), cycle.number()));
            }
            if (!problems.isEmpty()) {
                return Verdict.refused(problems);
            }
            return Verdict.accepted(positions
                    ? Map.<String, Object>of(ReviewAndPositionsProcess.RECOMMENDATIONS_RECEIVED, counts.total(),
                            ReviewAndPositionsProcess.RECOMMENDATIONS_SUPPORTED, counts.supported(),
                            ReviewAndPositionsProcess.RECOMMENDATIONS_NOTED, counts.noted())
                    : Map.<String, Object>of(ReviewAndPositionsProcess.RECOMMENDATIONS_RECEIVED, counts.total()));
        }).orElseGet(() -> Verdict.accepted(Map.of()));
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
