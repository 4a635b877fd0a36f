package dev.hearth.runtime.entity;

/**
 * Why an entity call failed. Every call ends: with a result or with one of these.
 * {@link CallTimeoutException}, {@link EntityFailedException}, {@link EntityUnavailableException}.
 */
public abstract sealed class EntityCallException extends RuntimeException
        permits CallTimeoutException, EntityFailedException, EntityUnavailableException {
    protected EntityCallException(String message) {
        super(message, null, false, false);
    }
}
