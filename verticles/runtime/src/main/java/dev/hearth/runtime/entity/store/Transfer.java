package dev.hearth.runtime.entity.store;

import java.time.Duration;

/**
 * A call one entity sends another exactly once, written in the same transaction as the
 * sender's change (an item leaving an inventory) and deleted in the same transaction as the
 * receiver's (the item arriving). Until then it stays in the store, and any node delivers it
 * again after {@code retryAfter}, so it is neither lost nor applied twice.
 * @param id unique; the receiver applies it as a command with this id
 * @param refund sent back instead when the receiver refuses the delivery (its method fails);
 *               null: a refused delivery is tried again later
 */
public record Transfer(String id, StoredCall deliver, StoredCall refund, Duration retryAfter) {

    /** The command id a refund is applied under at the sender. */
    public static String refundId(String transferId) {
        return transferId + "/refund";
    }
}
