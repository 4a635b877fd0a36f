package dev.hearth.runtime.entity.store;

/**
 * What a receiver's save does to the transfer it applied: deletes it (accepted), or turns it
 * into its refund (refused), in the same transaction as the receiver's change and its command id.
 */
public record Settlement(String transferId, boolean accepted) {
}
