package dev.hearth.runtime.entity.store;

import dev.hearth.runtime.entity.EntityId;
import io.vertx.core.Future;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The entity store in memory, for the test kit: the contract of {@link PgEntityStore}
 * with leases measured on an injected clock, so a test moves time instead of waiting.
 * Thread-safe; every answer is an already completed future.
 */
public final class InMemoryEntityStore implements EntityStore {

    private record Row(String owner, long epoch, long version, int schemaVersion, String stateJson) {
        static Row claimedBy(String node) {
            return new Row(node, 1, 0, 0, null);
        }

        Row claimedAgainBy(String node) {
            return new Row(node, epoch + 1, version, schemaVersion, stateJson);
        }

        Row saved(Save save) {
            return new Row(owner, epoch, version + 1, save.schemaVersion(), save.stateJson());
        }

        Row released() {
            return new Row(null, epoch, version, schemaVersion, stateJson);
        }

        boolean heldBy(String node, long atEpoch) {
            return node.equals(owner) && epoch == atEpoch;
        }
    }

    private record CommandKey(EntityId id, String commandId) {
    }

    private record Applied(String resultJson, Instant at) {
    }

    private record ReminderKey(EntityId id, String name) {
    }

    private record PendingTransfer(DueTransfer delivery, StoredCall refund, Instant dueAt) {
    }

    private final InstantSource clock;
    private final Map<String, Instant> leaseEnds = new HashMap<>();
    private final Set<String> draining = new HashSet<>();
    private final Map<EntityId, Row> rows = new HashMap<>();
    private final Map<CommandKey, Applied> results = new HashMap<>();
    private final Map<ReminderKey, Reminder> reminders = new HashMap<>();
    private final Map<String, PendingTransfer> transfers = new HashMap<>();

    public InMemoryEntityStore(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Future<Void> openLease(String nodeId, Duration length) {
        leaseEnds.put(nodeId, clock.instant().plus(length));
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<List<String>> renewLease(String nodeId, Duration length) {
        if (!alive(nodeId)) return Future.failedFuture(new LeaseLostException(nodeId));
        leaseEnds.put(nodeId, clock.instant().plus(length));
        return liveHosts();
    }

    @Override
    public synchronized Future<Void> closeLease(String nodeId) {
        leaseEnds.remove(nodeId);
        draining.remove(nodeId);
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Void> drainLease(String nodeId) {
        if (!alive(nodeId)) return Future.failedFuture(new LeaseLostException(nodeId));
        draining.add(nodeId);
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<List<String>> liveHosts() {
        return Future.succeededFuture(leaseEnds.keySet().stream()
                .filter(node -> alive(node) && !draining.contains(node)).sorted().toList());
    }

    @Override
    public synchronized Future<Claim> claim(EntityId id, String nodeId) {
        if (!alive(nodeId)) return Future.failedFuture(new LeaseLostException(nodeId));
        Row row = rows.get(id);
        if (row != null && row.owner() != null && !row.owner().equals(nodeId) && alive(row.owner())) {
            return Future.succeededFuture(new Claim.Refused(row.owner()));
        }
        Row claimed = row == null ? Row.claimedBy(nodeId) : row.claimedAgainBy(nodeId);
        rows.put(id, claimed);
        return Future.succeededFuture(
                new Claim.Claimed(claimed.epoch(), claimed.version(), claimed.schemaVersion(), claimed.stateJson()));
    }

    @Override
    public synchronized Future<List<Boolean>> saveAll(String nodeId, List<Save> saves) {
        // As in PostgreSQL, where the key would be violated: the whole group fails.
        List<String> ids = saves.stream().flatMap(save -> save.transfers().stream()).map(Transfer::id).toList();
        if (ids.stream().distinct().count() < ids.size() || ids.stream().anyMatch(transfers::containsKey)) {
            return Future.failedFuture(new IllegalArgumentException("a transfer id is used twice"));
        }
        List<Boolean> landed = new ArrayList<>(saves.size());
        for (Save save : saves) {
            Row row = rows.get(save.id());
            boolean lands = row != null && row.heldBy(nodeId, save.epoch());
            if (lands) {
                rows.put(save.id(), row.saved(save));
                if (save.commandId() != null) {
                    results.putIfAbsent(new CommandKey(save.id(), save.commandId()),
                            new Applied(Objects.requireNonNullElse(save.resultJson(), "null"), clock.instant()));
                }
                if (save.settles() != null) settle(save.id(), save.settles());
                for (Transfer sent : save.transfers()) {
                    transfers.put(sent.id(), new PendingTransfer(new DueTransfer(sent.id(), sent.deliver(), sent.refund() != null),
                            sent.refund(), clock.instant().plus(sent.retryAfter())));
                }
            }
            landed.add(lands);
        }
        return Future.succeededFuture(landed);
    }

    @Override
    public synchronized Future<Void> release(String nodeId, EntityId id, long epoch) {
        rows.computeIfPresent(id, (ignored, row) -> row.heldBy(nodeId, epoch) ? row.released() : row);
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Optional<String>> commandResult(EntityId id, String commandId) {
        return Future.succeededFuture(Optional.ofNullable(results.get(new CommandKey(id, commandId))).map(Applied::resultJson));
    }

    @Override
    public synchronized Future<Integer> pruneCommands(Duration olderThan) {
        Instant before = clock.instant().minus(olderThan);
        int size = results.size();
        results.values().removeIf(applied -> applied.at().isBefore(before));
        return Future.succeededFuture(size - results.size());
    }

    private void settle(EntityId receiver, Settlement settlement) {
        PendingTransfer pending = transfers.get(settlement.transferId());
        if (pending == null || !pending.delivery().deliver().target().equals(receiver)) return;
        if (settlement.accepted()) {
            transfers.remove(settlement.transferId());
        } else if (pending.refund() != null) {
            transfers.remove(settlement.transferId());
            String refundId = Transfer.refundId(settlement.transferId());
            transfers.put(refundId, new PendingTransfer(new DueTransfer(refundId, pending.refund(), false), null, clock.instant()));
        }
    }

    @Override
    public synchronized Future<List<DueTransfer>> claimDueTransfers(int max, Duration lease) {
        Instant now = clock.instant();
        List<PendingTransfer> due = transfers.values().stream().filter(t -> !t.dueAt().isAfter(now))
                .sorted(Comparator.comparing(PendingTransfer::dueAt)).limit(max).toList();
        for (PendingTransfer t : due) {
            transfers.put(t.delivery().id(), new PendingTransfer(t.delivery(), t.refund(), now.plus(lease)));
        }
        return Future.succeededFuture(due.stream().map(PendingTransfer::delivery).toList());
    }

    /** Transfers sent and not yet applied (or refunded), by id. For tests. */
    public synchronized Set<String> pendingTransfers() {
        return Set.copyOf(transfers.keySet());
    }

    /** How many saves of the entity have landed: its row's version, 0 when it was never saved. For tests. */
    public synchronized long saves(EntityId id) {
        Row row = rows.get(id);
        return row == null ? 0 : row.version();
    }

    /** The ids of the commands the entity has applied (and not yet pruned). For tests. */
    public synchronized Set<String> commandIds(EntityId id) {
        return results.keySet().stream().filter(key -> key.id().equals(id)).map(CommandKey::commandId)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The entity's last committed state as JSON; empty when it was never saved. For tests. */
    public synchronized Optional<String> committedState(EntityId id) {
        Row row = rows.get(id);
        return Optional.ofNullable(row == null ? null : row.stateJson());
    }

    @Override
    public synchronized Future<Void> setReminder(EntityId id, String name, Duration dueIn, Duration period) {
        reminders.put(new ReminderKey(id, name), new Reminder(id, name, clock.instant().plus(dueIn), period));
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Void> cancelReminder(EntityId id, String name) {
        reminders.remove(new ReminderKey(id, name));
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<List<Reminder>> reminders(EntityId id) {
        return Future.succeededFuture(reminders.values().stream().filter(r -> r.id().equals(id))
                .sorted(Comparator.comparing(Reminder::name)).toList());
    }

    @Override
    public synchronized Future<List<ClaimedReminder>> claimDueReminders(int max, Duration lease) {
        Instant now = clock.instant();
        Instant leasedUntil = now.plus(lease);
        List<ClaimedReminder> claimed = reminders.values().stream().filter(r -> !r.dueAt().isAfter(now))
                .sorted(Comparator.comparing(Reminder::dueAt)).limit(max)
                .map(due -> new ClaimedReminder(due, leasedUntil)).toList();
        for (ClaimedReminder c : claimed) {
            Reminder due = c.reminder();
            reminders.put(new ReminderKey(due.id(), due.name()), new Reminder(due.id(), due.name(), leasedUntil, due.period()));
        }
        return Future.succeededFuture(claimed);
    }

    @Override
    public synchronized Future<Void> reminderFired(ClaimedReminder claimed) {
        Reminder fired = claimed.reminder();
        ReminderKey key = new ReminderKey(fired.id(), fired.name());
        Reminder now = reminders.get(key);
        if (now == null || !now.dueAt().equals(claimed.leasedUntil())) return Future.succeededFuture();
        if (fired.period() == null) {
            reminders.remove(key);
        } else {
            long missed = Duration.between(fired.dueAt(), clock.instant()).toMillis() / fired.period().toMillis();
            Instant next = fired.dueAt().plus(fired.period().multipliedBy(missed + 1));
            reminders.put(key, new Reminder(fired.id(), fired.name(), next, fired.period()));
        }
        return Future.succeededFuture();
    }

    private boolean alive(String nodeId) {
        Instant end = leaseEnds.get(nodeId);
        return end != null && end.isAfter(clock.instant());
    }
}
