package dev.hearth.runtime.entity.store;

import dev.hearth.runtime.entity.EntityId;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Passes every call to another store; tests override the calls they want to break or watch. */
public abstract class ForwardingEntityStore implements EntityStore {
    protected final EntityStore store;

    protected ForwardingEntityStore(EntityStore store) {
        this.store = store;
    }

    @Override
    public Future<Void> openLease(String nodeId, Duration length) {
        return store.openLease(nodeId, length);
    }

    @Override
    public Future<List<String>> renewLease(String nodeId, Duration length) {
        return store.renewLease(nodeId, length);
    }

    @Override
    public Future<Void> closeLease(String nodeId) {
        return store.closeLease(nodeId);
    }

    @Override
    public Future<Void> drainLease(String nodeId) {
        return store.drainLease(nodeId);
    }

    @Override
    public Future<List<String>> liveHosts() {
        return store.liveHosts();
    }

    @Override
    public Future<Claim> claim(EntityId id, String nodeId) {
        return store.claim(id, nodeId);
    }

    @Override
    public Future<List<Boolean>> saveAll(String nodeId, List<Save> saves) {
        return store.saveAll(nodeId, saves);
    }

    @Override
    public Future<Void> release(String nodeId, EntityId id, long epoch) {
        return store.release(nodeId, id, epoch);
    }

    @Override
    public Future<Optional<String>> commandResult(EntityId id, String commandId) {
        return store.commandResult(id, commandId);
    }

    @Override
    public Future<Integer> pruneCommands(Duration olderThan) {
        return store.pruneCommands(olderThan);
    }

    @Override
    public Future<Void> setReminder(EntityId id, String name, Duration dueIn, Duration period) {
        return store.setReminder(id, name, dueIn, period);
    }

    @Override
    public Future<Void> cancelReminder(EntityId id, String name) {
        return store.cancelReminder(id, name);
    }

    @Override
    public Future<List<Reminder>> reminders(EntityId id) {
        return store.reminders(id);
    }

    @Override
    public Future<List<ClaimedReminder>> claimDueReminders(int max, Duration lease) {
        return store.claimDueReminders(max, lease);
    }

    @Override
    public Future<Void> reminderFired(ClaimedReminder claimed) {
        return store.reminderFired(claimed);
    }

    @Override
    public Future<List<DueTransfer>> claimDueTransfers(int max, Duration lease) {
        return store.claimDueTransfers(max, lease);
    }
}
