package dev.hearth.runtime.entity;

import io.vertx.core.Future;

/**
 * Implemented by an entity class that sets {@link Reminders}. The runtime calls it as an
 * ordinary call of the entity, in its turn, activating the entity first if it is inactive;
 * state it sets is committed before the reminder counts as fired. The entity's interface
 * need not declare it, so other entities cannot call it.
 */
public interface Remindable {
    /**
     * A reminder is due. It may come more than once for one due time (at least once is the
     * promise), so make it safe to repeat. A failed future makes it come again later.
     */
    Future<Void> onReminder(String name);
}
