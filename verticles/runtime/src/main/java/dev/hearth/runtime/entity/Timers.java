package dev.hearth.runtime.entity;

import io.vertx.core.Future;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * In-memory timers of one activation. A tick is a turn of the entity: it waits for the
 * mailbox like a call, never runs beside one, and its state changes are committed like a
 * call's. Resolution is a few tens of milliseconds.
 *
 * <p>Timers live only as long as the activation: deactivation (idle, drain, shutdown) and
 * a crash cancel them, and they do not keep the entity active; a tick is not a use, so an
 * entity only timers reach is deactivated after its {@code idleAfter}. For something that
 * must happen whether or not the entity is active, set a {@link Reminders reminder}.
 * Used only from the entity's own turns, like the rest of its context.
 */
public interface Timers {

    /** Runs {@code tick} once, after {@code delay}; the turn ends when its future does. */
    Timer once(Duration delay, Supplier<? extends Future<?>> tick);

    /**
     * Runs {@code tick} every {@code period}, first after one period. A tick still waiting
     * or running when the next is due makes that one skipped, so ticks never pile up.
     */
    Timer every(Duration period, Supplier<? extends Future<?>> tick);

    /** {@link #once(Duration, Supplier)} for a tick that finishes when it returns. */
    default Timer once(Duration delay, Runnable tick) {
        return once(delay, () -> {
            tick.run();
            return Future.succeededFuture();
        });
    }

    /** {@link #every(Duration, Supplier)} for a tick that finishes when it returns. */
    default Timer every(Duration period, Runnable tick) {
        return every(period, () -> {
            tick.run();
            return Future.succeededFuture();
        });
    }

    /** One timer. */
    interface Timer {
        /** No tick of this timer starts after this, including one already waiting for its turn. */
        void cancel();
    }
}
