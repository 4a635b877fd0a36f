package dev.hearth.runtime.entity;

/** The entity's method threw or failed its future; its state change, if any, was discarded. */
public final class EntityFailedException extends EntityCallException {
    public EntityFailedException(String message) {
        super(message);
    }
}
