package org.uprflow.notification;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether events write notices at all ({@code UPRFLOW_NOTIFICATIONS}, default on). Off, tasks and
 * phases go on without a word to anybody; what is in the outbox is still sent. Public so that the
 * benchmark can measure completions with and without the notices in one run.
 */
@Component
public class NotificationSwitch {

    private final AtomicBoolean enabled;

    NotificationSwitch(@Value("${uprflow.notification.enabled:true}") boolean enabled) {
        this.enabled = new AtomicBoolean(enabled);
    }

    public boolean enabled() {
        return enabled.get();
    }

    public void set(boolean on) {
        enabled.set(on);
    }
}
