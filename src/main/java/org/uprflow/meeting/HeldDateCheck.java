package org.uprflow.meeting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.uprflow.cycle.TaskCompletionCheck;

/**
 * A meeting is recorded once it has been held: its task is refused while the day it states lies
 * after today. A planned day is never taken for the day held (the day-1 sessions and the dialogue
 * have a date field of their own).
 */
@Component
class HeldDateCheck implements TaskCompletionCheck {

    private final MessageSource messages;
    private final Clock clock;

    HeldDateCheck(MessageSource messages, Clock clock) {
        this.clock = clock;
        this.messages = messages;
    }

    @Override
    public Verdict verdict(String formId, Map<String, Object> variables) {
        return new Verdict(MeetingKind.recordedBy(formId).map(kind -> {
            LocalDate heldOn = MeetingLog.date(variables.get(kind.dateVariable()));
            LocalDate today = LocalDate.now(clock);
            return heldOn != null && heldOn.isAfter(today)
                    ? List.of(messages.getMessage("task.meeting.held-ahead", new Object[] {heldOn, today},
                            LocaleContextHolder.getLocale()))
                    : List.<String>of();
        }).orElse(List.of()), Map.of());
    }
}
