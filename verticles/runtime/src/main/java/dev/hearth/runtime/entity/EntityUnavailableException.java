package dev.hearth.runtime.entity;

/**
 * The entity could not be reached or activated now: its node is gone or fenced out, its
 * state did not load, or the database is unreachable. Retrying later may succeed.
 */
public final class EntityUnavailableException extends EntityCallException {
    public EntityUnavailableException(String message) {
        super(message);
    }
}
