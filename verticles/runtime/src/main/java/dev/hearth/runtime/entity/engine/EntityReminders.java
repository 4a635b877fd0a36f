package dev.hearth.runtime.entity.engine;

import dev.hearth.runtime.entity.EntityId;
import dev.hearth.runtime.entity.Reminders;
import dev.hearth.runtime.entity.store.EntityStore;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.Objects;

/** The reminders of one entity: each call is one write to the store. */
final class EntityReminders implements Reminders {
    private final EntityStore store;
    private final EntityId id;

    EntityReminders(EntityStore store, EntityId id) {
        this.store = store;
        this.id = id;
    }

    @Override
    public Future<Void> set(String name, Duration dueIn, Duration period) {
        checkName(name);
        Objects.requireNonNull(dueIn, "dueIn");
        if (period != null && period.toMillis() < 1) throw new IllegalArgumentException("a reminder's period is at least 1 ms");
        return store.setReminder(id, name, dueIn, period);
    }

    @Override
    public Future<Void> cancel(String name) {
        checkName(name);
        return store.cancelReminder(id, name);
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a reminder's name has 1.." + MAX_NAME_LENGTH + " characters");
        }
    }
}
