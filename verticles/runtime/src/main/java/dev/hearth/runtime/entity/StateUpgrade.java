package dev.hearth.runtime.entity;

import io.vertx.core.json.JsonObject;

/**
 * Turns stored state of one schema version into the shape of the next, on the raw JSON, so
 * a shape the state record no longer matches can still be read. See
 * {@link EntityType#schema(int, StateUpgrade)}.
 */
@FunctionalInterface
public interface StateUpgrade {
    /** @return the state in the next version's shape: {@code previous} changed, or a new object */
    JsonObject apply(JsonObject previous);
}
