package org.uprflow.notification;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether events write notices at all ({@code UPRFLOW_NOTIFICATIONS}, default on). Off, tasks and
 * phases go on without a word to anybody; what is in the outbox is still sent. Public so that the
 * benchmark can measure completions with and without the notices in one run.
 *
 * <p>The two holds stop this node's dispatcher at a stage: events are still written (and notices,
 * by the scheduler), but none is turned into notices, or sent, until released; a node whose
 * dispatcher is held leaves the work to the other nodes. The benchmark holds them to tell what a
 * completion pays for its event from what the dispatcher costs, stage by stage.
 */
@Component
public class NotificationSwitch {

    private final AtomicBoolean enabled;
    private final AtomicBoolean expansionHeld = new AtomicBoolean();
    private final AtomicBoolean sendingHeld = new AtomicBoolean();

    NotificationSwitch(@Value("${uprflow.notification.enabled:true}") boolean enabled) {
        this.enabled = new AtomicBoolean(enabled);
    }

    public boolean enabled() {
        return enabled.get();
    }

    public void set(boolean on) {
        enabled.set(on);
    }

    /** Held, this node's dispatcher turns no event into notices; released, its next turn does (within a poll). */
    public void holdExpansion(boolean held) {
        expansionHeld.set(held);
    }

    /** Held, this node's dispatcher sends nothing; released, its next turn does (within a poll). */
    public void holdSending(boolean held) {
        sendingHeld.set(held);
    }

    boolean expansionHeld() {
        return expansionHeld.get();
    }

    boolean sendingHeld() {
        return sendingHeld.get();
    }
}
