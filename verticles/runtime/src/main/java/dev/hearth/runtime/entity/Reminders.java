package dev.hearth.runtime.entity;

import io.vertx.core.Future;

import java.time.Duration;
import java.time.Instant;

/**
 * Durable reminders of one entity, kept in the database. When one is due, some node with a
 * lease calls the entity's {@link Remindable#onReminder}, activating it if needed, wherever
 * it is. They survive deactivation, restarts and the loss of the node that set them; they
 * fire at least once per due time (a failed or unanswered call is tried again later), and
 * about on time: nodes look for due reminders every {@code reminderPollEvery}. For ticks
 * of an active entity, use {@link Timers}.
 *
 * <p>Each call is its own write, done when its future completes: it is not part of the
 * state change of the call that makes it.
 */
public interface Reminders {
    int MAX_NAME_LENGTH = 100;

    /** Sets a reminder that fires once, {@code dueIn} from now; it replaces one of the same name. */
    default Future<Void> set(String name, Duration dueIn) {
        return set(name, dueIn, null);
    }

    /**
     * Sets a reminder due {@code dueIn} from now (by the database's clock), then every
     * {@code period} after that, or once when {@code period} is null. It replaces one of the
     * same name. Due times missed while no node could fire it are skipped, not made up.
     */
    Future<Void> set(String name, Duration dueIn, Duration period);

    /** {@link #set(String, Duration, Duration)} due at a time by this node's clock. */
    default Future<Void> set(String name, Instant at, Duration period) {
        return set(name, Duration.between(Instant.now(), at), period);
    }

    /** Removes the reminder; nothing when there is none of that name. */
    Future<Void> cancel(String name);
}
