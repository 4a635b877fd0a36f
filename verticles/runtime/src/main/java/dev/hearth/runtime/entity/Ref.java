package dev.hearth.runtime.entity;

import java.util.Objects;

/**
 * A reference to an entity by type and key: a value that can be stored in state, passed in
 * calls and compared. {@link #get()} gives a proxy to call it through. References made or
 * decoded by a runtime are bound to it; a reference is equal to another of the same entity
 * wherever each was made.
 */
public final class Ref<T> {
    private final Class<T> type;
    private final String key;
    private final EntityId id;
    private final RefBinder binder;

    public Ref(Class<T> type, String key, RefBinder binder) {
        this.type = Objects.requireNonNull(type, "type");
        this.id = new EntityId(EntityName.Of.type(type), key);
        this.key = key;
        this.binder = binder;
    }

    public Class<T> type() {
        return type;
    }

    public String key() {
        return key;
    }

    public EntityId id() {
        return id;
    }

    /** The entity's interface, to call it. */
    public T get() {
        if (binder == null) throw new IllegalStateException("reference " + id + " is not bound to a runtime");
        return binder.proxy(type, key);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ref<?> ref && ref.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id.toString();
    }
}
