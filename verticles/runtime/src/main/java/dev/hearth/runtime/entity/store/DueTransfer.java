package dev.hearth.runtime.entity.store;

/**
 * A transfer claimed for delivery again: its sender's node did not see it applied in time.
 * @param refundable whether the receiver turns a refusal into a refund to the sender
 */
public record DueTransfer(String id, StoredCall deliver, boolean refundable) {
}
