package dev.hearth.runtime.entity.store;

import dev.hearth.runtime.entity.EntityId;

/**
 * One entity's new state, conditional on the epoch it was claimed at.
 * @param commandId set when the change came from a command that must apply once; else null
 * @param resultJson the command's result to answer a retry with; null without a command id
 */
public record Save(EntityId id, long epoch, int schemaVersion, String stateJson, String commandId, String resultJson) {
}
