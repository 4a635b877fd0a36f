package dev.hearth.runtime.entity.store;

import dev.hearth.runtime.entity.EntityId;

import java.util.List;

/**
 * One entity's new state, conditional on the epoch it was claimed at; what lands with it
 * lands only if it does.
 * @param commandId set when the change came from a command that must apply once; else null
 * @param resultJson the command's result to answer a retry with; null without a command id
 * @param transfers calls this change sends to other entities exactly once
 * @param settles the transfer this change applied (or refused); null for other changes
 */
public record Save(EntityId id, long epoch, int schemaVersion, String stateJson, String commandId, String resultJson,
                   List<Transfer> transfers, Settlement settles) {

    public Save {
        transfers = List.copyOf(transfers);
    }

    /** A change that sends and settles no transfer. */
    public Save(EntityId id, long epoch, int schemaVersion, String stateJson, String commandId, String resultJson) {
        this(id, epoch, schemaVersion, stateJson, commandId, resultJson, List.of(), null);
    }
}
