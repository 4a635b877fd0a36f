package dev.hearth.runtime.entity;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-call settings.
 * @param timeout how long the caller waits before the call fails with {@link CallTimeoutException};
 *                null means the runtime's default
 * @param commandId makes the call apply once: a retry with the same id gets the first
 *                  call's result, even after a crash or on another node; null for none
 */
public record CallOptions(Duration timeout, String commandId) {
    public static final CallOptions DEFAULTS = new CallOptions(null, null);
    public static final int MAX_COMMAND_ID_LENGTH = 100;

    public CallOptions {
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("a call timeout must be positive, not " + timeout);
        }
        if (commandId != null && (commandId.isEmpty() || commandId.length() > MAX_COMMAND_ID_LENGTH)) {
            throw new IllegalArgumentException("a command id has 1.." + MAX_COMMAND_ID_LENGTH + " characters");
        }
    }

    public static CallOptions timeout(Duration timeout) {
        return new CallOptions(Objects.requireNonNull(timeout), null);
    }

    public static CallOptions command(String commandId) {
        return new CallOptions(null, Objects.requireNonNull(commandId));
    }

    public CallOptions withTimeout(Duration newTimeout) {
        return new CallOptions(newTimeout, commandId);
    }
}
