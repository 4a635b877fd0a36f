package dev.hearth.runtime.entity;

import java.util.Optional;

/**
 * What a codec needs from the runtime to turn references into text and back: decoded
 * references must be bound to the node that decodes them, so calling them works there.
 */
public interface RefBinder {
    /** A callable stand-in for the entity, implementing its interface. */
    <T> T proxy(Class<T> type, String key);

    /** A reference bound to this runtime. */
    <T> Ref<T> refOf(Class<T> type, String key);

    /** The entity a proxy made by {@link #proxy} stands for; empty for any other object. */
    Optional<EntityId> idOfProxy(Object candidate);

    /** The registered entity interface with this stored name; empty when none is registered. */
    Optional<Class<?>> typeNamed(String name);
}
