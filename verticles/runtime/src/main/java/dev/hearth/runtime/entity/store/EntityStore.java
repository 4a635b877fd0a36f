package dev.hearth.runtime.entity.store;

import dev.hearth.runtime.entity.EntityId;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where entities' state and ownership live (PostgreSQL in production, memory in the test
 * kit). Ownership is fenced: an activation holds the entity's row at an epoch, and a save
 * lands only while that epoch is still the row's. Host nodes hold leases; a claim on an
 * entity whose owner's lease is alive is refused, and a node without a live lease cannot claim.
 */
public interface EntityStore {

    /** Starts this node's lease (or renews an existing live one) for the given length. */
    Future<Void> openLease(String nodeId, Duration length);

    /**
     * Extends a live lease by {@code length} from now and lists the live hosts (this one
     * included, unless it is draining). Fails with {@link LeaseLostException} when the lease had already expired.
     */
    Future<List<String>> renewLease(String nodeId, Duration length);

    /** Ends the lease at once (graceful stop): its entities can be claimed right away. */
    Future<Void> closeLease(String nodeId);

    /**
     * Marks a live lease as draining: it stays alive and renewable, so the entities the node
     * still owns stay fenced, but the node is no longer among the live hosts, where new
     * activations are placed. Fails with {@link LeaseLostException} when the lease has ended.
     */
    Future<Void> drainLease(String nodeId);

    /** Nodes whose leases are alive and not draining: where new activations go. */
    Future<List<String>> liveHosts();

    /**
     * Claims the entity for {@code nodeId}: creates its row if missing, else takes it at
     * epoch + 1, when the row has no owner, is already this node's, or its owner's lease has
     * expired, and only while this node's own lease is alive.
     */
    Future<Claim> claim(EntityId id, String nodeId);

    /**
     * Saves a group of changes in one transaction. Each save lands only if the row is still
     * owned by {@code nodeId} at the save's epoch; with it land its command id and result, the
     * transfers it sends (due again after their {@code retryAfter}) and the settlement of the
     * transfer it applied: deleted when accepted; when refused, turned into its refund, due at
     * once, or left as it is when it has none.
     * <p>The saves apply in order: an entity saved twice in a group ends with the later state,
     * and every save of it counts in its version. A command id the entity has already stored
     * keeps its first result and the save still lands: the store records what was answered,
     * and the caller, not the store, makes sure a command is applied once (ask
     * {@link #commandResult} first).
     * @return for each save in order, whether it landed
     */
    Future<List<Boolean>> saveAll(String nodeId, List<Save> saves);

    /** Gives up ownership (deactivation, drain) if still held at that epoch; the state stays. */
    Future<Void> release(String nodeId, EntityId id, long epoch);

    /**
     * The stored result of a command this entity has already applied, if any; {@code "null"}
     * when it was saved without one.
     */
    Future<Optional<String>> commandResult(EntityId id, String commandId);

    /**
     * Forgets applied commands older than {@code olderThan}. A retry after that would apply
     * again, so keep them longer than any client keeps retrying; but no longer than needed:
     * under load the table grows by one row for every command saved. Run it often, so each
     * run deletes a little.
     * @return how many were forgotten
     */
    Future<Integer> pruneCommands(Duration olderThan);

    // --- reminders: durable, and fired by whichever node claims them when due ---

    /**
     * Sets the entity's reminder {@code name}, replacing one of that name: due {@code dueIn}
     * from now by the store's clock (negative: already due), then every {@code period}, or
     * once when {@code period} is null.
     */
    Future<Void> setReminder(EntityId id, String name, Duration dueIn, Duration period);

    /** Removes the reminder, if there is one. */
    Future<Void> cancelReminder(EntityId id, String name);

    /** The entity's reminders, by name; a claimed one shows as due when its claim ends. */
    Future<List<Reminder>> reminders(EntityId id);

    /**
     * Claims up to {@code max} due reminders, earliest first, for firing. Each is marked due
     * {@code lease} from now, so concurrent claims (any node) never get the same reminder,
     * and one whose firing never completes is due again when the lease ends.
     */
    Future<List<ClaimedReminder>> claimDueReminders(int max, Duration lease);

    /**
     * A claimed reminder has fired: one that fires once is removed; a periodic one becomes
     * due at its first due time after now, on its period's beat (missed ones are skipped).
     * Nothing changes when the reminder was set again or cancelled since the claim.
     */
    Future<Void> reminderFired(ClaimedReminder claimed);

    // --- transfers: sent and settled by saves (see Save), delivered again from here ---

    /**
     * Claims up to {@code max} transfers that are due for delivery (their sender did not see
     * them applied in time), marking each due {@code lease} from now, as with reminders.
     */
    Future<List<DueTransfer>> claimDueTransfers(int max, Duration lease);
}
