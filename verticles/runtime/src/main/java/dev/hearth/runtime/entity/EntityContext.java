package dev.hearth.runtime.entity;

/**
 * What an entity's implementation gets from the runtime, through its constructor: its
 * identity, its state, and the means to call other entities. Used only from the entity's
 * own calls (its turn), never from other threads.
 *
 * @param <S> the state record; replaced whole by {@link #setState}, never mutated
 */
public interface EntityContext<S> {

    EntityId id();

    default String key() {
        return id().key();
    }

    /** The committed state, plus what this call has set so far. */
    S state();

    /**
     * Replaces the state. The call's reply waits until the change is committed (unless the
     * type is write-behind); if the call fails instead, the change is discarded.
     */
    void setState(S next);

    /** The entities of this node, to make references and proxies. */
    Entities entities();

    /** A proxy to call another entity (or this one, re-entrantly) within this call chain. */
    default <T> T ref(Class<T> type, String key) {
        return entities().ref(type, key);
    }

    /** In-memory timers whose ticks are turns of this entity; they end with the activation. */
    Timers timers();

    /**
     * Durable reminders of this entity, which fire even while it is inactive.
     * @throws IllegalStateException when the entity's class does not implement {@link Remindable}
     */
    Reminders reminders();
}
