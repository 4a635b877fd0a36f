package dev.hearth.runtime.entity.engine;

import dev.hearth.runtime.entity.store.ClaimedReminder;
import dev.hearth.runtime.entity.store.EntityStore;
import io.vertx.core.Future;
import io.vertx.core.internal.ContextInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Fires due reminders from one hosting node. Every hosting node polls; a claim moves each
 * due reminder a lease ahead in the store, so one node fires it at a time. The reminder is
 * then an ordinary entity call, routed to wherever the entity is or will be placed. Only a
 * call that succeeded completes the reminder; otherwise it is due again when the lease
 * ends, so a reminder fires at least once, even when the node that claimed it dies.
 * Runs on the runtime's context.
 */
final class ReminderPoller {
    private static final Logger log = LoggerFactory.getLogger(ReminderPoller.class);
    /** Reminders this node fires at once, at most: a backlog is worked off in steps. */
    static final int MAX_IN_FLIGHT = 100;

    private final ContextInternal context;
    private final EntityStore store;
    private final Duration every;
    private final Duration lease;
    private final BooleanSupplier serving;
    private final Function<ClaimedReminder, Future<?>> fire;
    private long timer = -1;
    private boolean polling;
    private int inFlight;

    /**
     * @param lease how long a claimed reminder is this node's to fire: longer than a call may take
     * @param serving whether this node may serve entities now
     * @param fire calls the entity; the reminder is complete when the future succeeds
     */
    ReminderPoller(ContextInternal context, EntityStore store, Duration every, Duration lease,
                   BooleanSupplier serving, Function<ClaimedReminder, Future<?>> fire) {
        this.context = context;
        this.store = store;
        this.every = every;
        this.lease = lease;
        this.serving = serving;
        this.fire = fire;
    }

    void start() {
        timer = context.setPeriodic(every.toMillis(), t -> poll());
    }

    /** No more claims; reminders being fired finish, or are fired again elsewhere after their lease. */
    void stop() {
        if (timer >= 0) context.owner().cancelTimer(timer);
        timer = -1;
    }

    private void poll() {
        if (polling || timer < 0 || inFlight >= MAX_IN_FLIGHT || !serving.getAsBoolean()) return;
        polling = true;
        int asked = MAX_IN_FLIGHT - inFlight;
        store.claimDueReminders(asked, lease).onComplete(ar -> {
            polling = false;
            if (ar.failed()) {
                log.warn("Could not look for due reminders: {}", ar.cause().getMessage());
                return;
            }
            List<ClaimedReminder> due = ar.result();
            due.forEach(this::fire);
            if (due.size() == asked) poll(); // more may be due: no need to wait for the next round
        });
    }

    private void fire(ClaimedReminder claimed) {
        inFlight++;
        Future<?> fired;
        try {
            fired = fire.apply(claimed);
        } catch (RuntimeException e) {
            fired = Future.failedFuture(e);
        }
        fired.compose(v -> store.reminderFired(claimed)).onComplete(ar -> {
            inFlight--;
            if (ar.failed()) {
                log.warn("Reminder '{}' of {} did not fire ({}); it is due again in {} s", claimed.reminder().name(),
                        claimed.reminder().id(), ar.cause().getMessage(), lease.toSeconds());
            }
        });
    }
}
