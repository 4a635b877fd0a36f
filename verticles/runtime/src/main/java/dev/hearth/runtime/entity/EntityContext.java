package dev.hearth.runtime.entity;

import io.vertx.core.Future;

import java.util.function.Function;

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

    /**
     * Sends a call to another entity exactly once, as part of this call's change: an item
     * leaving this entity for another. The call is stored in the same transaction as this
     * entity's change (the reply waits for it), delivered once that commits, and applied by
     * the receiver as a command in the same transaction as the receiver's change, even when
     * either node dies in between: the item is never in both places, nor in neither. If this
     * call fails, nothing is sent. A delivery the receiver refuses (its method fails with its
     * own exception) is tried again later; give a refund to send something back instead.
     * @param deliver makes one call on the receiver, e.g. {@code p -> p.receive(item)}; it runs
     *                at once against a recorder, so it must make that one call and nothing else
     */
    <T> void transfer(Ref<T> to, Function<T, Future<?>> deliver);

    /**
     * As {@link #transfer(Ref, Function)}, but if the receiver refuses the delivery, the
     * refund is sent instead, exactly once (usually back to this entity): {@code me -> me.receive(item)}.
     */
    <T, R> void transfer(Ref<T> to, Function<T, Future<?>> deliver, Ref<R> refundTo, Function<R, Future<?>> refund);
}
