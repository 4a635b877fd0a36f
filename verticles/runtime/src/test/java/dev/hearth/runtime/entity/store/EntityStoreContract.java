package dev.hearth.runtime.entity.store;

import dev.hearth.runtime.entity.EntityId;
import dev.hearth.runtime.entity.store.Claim.Claimed;
import dev.hearth.runtime.entity.store.Claim.Refused;
import io.vertx.core.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What every {@link EntityStore} promises, run against each implementation. They differ in
 * how a lease runs out: PostgreSQL's clock runs by itself, the memory store's is moved.
 */
abstract class EntityStoreContract {
    static final Duration LEASE = Duration.ofMinutes(1);
    static final Duration SHORT_LEASE = Duration.ofMillis(20);
    static final String A = "node-a";
    static final String B = "node-b";
    static final String C = "node-c";
    static final int SCHEMA = 3;
    static final EntityId TAVERN = new EntityId("Room", "tavern");
    static final EntityId CELLAR = new EntityId("Room", "cellar");

    EntityStore store;

    /** A new, empty store; called before each test. */
    abstract EntityStore newStore();

    /** Returns once the lease of {@code nodeId}, just renewed for {@link #SHORT_LEASE}, has ended. */
    abstract void waitOutShortLease(String nodeId);

    /** Returns once the store's clock has moved on by at least {@code time}. */
    abstract void timePasses(Duration time);

    @BeforeEach
    void openLeases() {
        store = newStore();
        for (String node : List.of(A, B, C)) store.openLease(node, LEASE).await();
    }

    @Test
    void firstClaimCreatesTheEntityAtEpochOne() {
        assertThat(claim(TAVERN, A)).isEqualTo(new Claimed(1, 0, 0, null));
    }

    @Test
    void claimingAgainOnTheSameNodeBumpsTheEpochAndFencesTheOlderActivation() {
        claim(TAVERN, A);
        assertThat(claim(TAVERN, A)).isEqualTo(new Claimed(2, 0, 0, null));
        assertThat(saveAll(A, save(TAVERN, 1, "older"))).containsExactly(false);
        assertThat(saveAll(A, save(TAVERN, 2, "newer"))).containsExactly(true);
    }

    @Test
    void refusesAClaimWhileTheOwnersLeaseIsAlive() {
        claim(TAVERN, A);
        assertThat(claim(TAVERN, B)).isEqualTo(new Refused(A));
    }

    @Test
    void takesOverFromAnOwnerWhoseLeaseEndedAndRefusesItsLateSave() {
        long epoch = claimed(TAVERN, A).epoch();
        assertThat(saveAll(A, save(TAVERN, epoch, "before"))).containsExactly(true);
        leaseRunsOut(A);

        assertThat(claim(TAVERN, B)).isEqualTo(new Claimed(2, 1, SCHEMA, state("before")));
        assertThat(saveAll(A, new Save(TAVERN, epoch, SCHEMA, state("late"), "late-command", "1"))).containsExactly(false);
        assertThat(claim(TAVERN, B)).isEqualTo(new Claimed(3, 1, SCHEMA, state("before")));
        assertThat(commandResult(TAVERN, "late-command")).isEmpty();
    }

    @Test
    void aNodeWithoutALiveLeaseCannotClaim() {
        assertThatThrownBy(() -> claim(TAVERN, "never-leased")).isInstanceOf(LeaseLostException.class);
        leaseRunsOut(A);
        assertThatThrownBy(() -> claim(TAVERN, A)).isInstanceOf(LeaseLostException.class);
        assertThat(claim(TAVERN, B)).as("the refused claims created nothing").isEqualTo(new Claimed(1, 0, 0, null));
    }

    @Test
    void renewingAnEndedLeaseFailsWithLeaseLost() {
        leaseRunsOut(A);
        assertThatThrownBy(() -> store.renewLease(A, LEASE).await()).isInstanceOf(LeaseLostException.class);
        assertThat(store.liveHosts().await()).containsExactlyInAnyOrder(B, C);
    }

    @Test
    void renewingListsTheLiveHosts() {
        leaseRunsOut(C);
        assertThat(store.renewLease(A, LEASE).await()).containsExactlyInAnyOrder(A, B);
        assertThat(store.liveHosts().await()).containsExactlyInAnyOrder(A, B);
    }

    @Test
    void reopeningAnEndedLeaseStartsANewOne() {
        leaseRunsOut(A);
        store.openLease(A, LEASE).await();
        assertThat(claim(TAVERN, A)).isEqualTo(new Claimed(1, 0, 0, null));
        assertThat(store.renewLease(A, LEASE).await()).contains(A);
    }

    @Test
    void reportsEachSaveOfAGroupInOrder() {
        List<Save> saves = new ArrayList<>();
        List<Boolean> expected = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            EntityId id = room(i);
            long epoch = switch (i % 5) {
                case 0, 1 -> claimed(id, A).epoch(); // held: lands
                case 2 -> { // an older activation's save
                    claim(id, A);
                    yield claimed(id, A).epoch() - 1;
                }
                case 3 -> claimed(id, B).epoch(); // another node's entity
                default -> 1; // never claimed
            };
            saves.add(save(id, epoch, "saved-" + i));
            expected.add(i % 5 < 2);
        }
        assertThat(store.saveAll(A, saves).await()).isEqualTo(expected);
        assertThat(claim(room(5), A)).isEqualTo(new Claimed(2, 1, SCHEMA, state("saved-5")));
        assertThat(claim(room(7), A)).isEqualTo(new Claimed(3, 0, 0, null));
        assertThat(claim(room(8), B)).isEqualTo(new Claimed(2, 0, 0, null));
        assertThat(claim(room(9), A)).isEqualTo(new Claimed(1, 0, 0, null));
    }

    @Test
    void anEmptyGroupIsDoneAtOnce() {
        assertThat(store.saveAll(A, List.of()).await()).isEmpty();
    }

    @Test
    void savesOfOneEntityInOneGroupApplyInOrder() {
        claim(TAVERN, A);
        long epoch = claimed(TAVERN, A).epoch();
        List<Boolean> landed = saveAll(A,
                new Save(TAVERN, epoch, SCHEMA, state("first"), "first-command", "1"),
                new Save(TAVERN, epoch - 1, SCHEMA, state("stale"), "stale-command", "0"),
                new Save(TAVERN, epoch, SCHEMA + 1, state("second"), "second-command", "2"));

        assertThat(landed).containsExactly(true, false, true);
        assertThat(claim(TAVERN, A)).isEqualTo(new Claimed(epoch + 1, 2, SCHEMA + 1, state("second")));
        assertThat(commandResult(TAVERN, "first-command")).contains("1");
        assertThat(commandResult(TAVERN, "second-command")).contains("2");
        assertThat(commandResult(TAVERN, "stale-command")).isEmpty();
    }

    @Test
    void storesACommandsResultWithItsSave() {
        long tavern = claimed(TAVERN, A).epoch();
        long cellar = claimed(CELLAR, A).epoch();
        saveAll(A,
                new Save(TAVERN, tavern, SCHEMA, state("lit"), "light", "{\"lit\": true}"),
                new Save(CELLAR, cellar, SCHEMA, state("swept"), "sweep", null));

        assertThat(commandResult(TAVERN, "light")).contains("{\"lit\": true}");
        assertThat(commandResult(CELLAR, "sweep")).as("a command that answered nothing").contains("null");
        assertThat(commandResult(CELLAR, "light")).as("command ids belong to one entity").isEmpty();
        assertThat(commandResult(TAVERN, "never-sent")).isEmpty();
    }

    @Test
    void aCommandIdUsedAgainKeepsItsFirstResultWhileTheSaveLands() {
        long epoch = claimed(TAVERN, A).epoch();
        saveAll(A, new Save(TAVERN, epoch, SCHEMA, state("once"), "light", "\"first answer\""));

        assertThat(saveAll(A, new Save(TAVERN, epoch, SCHEMA, state("twice"), "light", "\"second answer\"")))
                .containsExactly(true);
        assertThat(commandResult(TAVERN, "light")).contains("\"first answer\"");
        assertThat(claim(TAVERN, A)).isEqualTo(new Claimed(epoch + 1, 2, SCHEMA, state("twice")));
    }

    @Test
    void releasingLetsAnotherNodeClaimAtOnceAndKeepsTheState() {
        long epoch = claimed(TAVERN, A).epoch();
        saveAll(A, save(TAVERN, epoch, "kept"));
        store.release(A, TAVERN, epoch).await();
        assertThat(claim(TAVERN, B)).isEqualTo(new Claimed(2, 1, SCHEMA, state("kept")));
    }

    @Test
    void releasingAtAnOlderEpochKeepsOwnership() {
        claim(TAVERN, A);
        long newer = claimed(TAVERN, A).epoch();
        store.release(A, TAVERN, newer - 1).await();
        assertThat(claim(TAVERN, B)).isEqualTo(new Refused(A));
    }

    @Test
    void closingALeaseLetsAnotherNodeClaimAtOnce() {
        claim(TAVERN, A);
        store.closeLease(A).await();
        assertThat(store.liveHosts().await()).containsExactlyInAnyOrder(B, C);
        assertThat(claim(TAVERN, B)).isEqualTo(new Claimed(2, 0, 0, null));
    }

    @Test
    void aDrainingNodeLeavesTheLiveHostsButStillFencesWhatItOwnsUntilItReleasesIt() {
        long epoch = claimed(TAVERN, A).epoch();
        store.drainLease(A).await();

        assertThat(store.liveHosts().await()).containsExactlyInAnyOrder(B, C);
        assertThat(store.renewLease(A, LEASE).await()).as("renewing keeps the lease and the node out of the list")
                .containsExactlyInAnyOrder(B, C);
        assertThat(claim(TAVERN, B)).isEqualTo(new Refused(A));
        assertThat(saveAll(A, save(TAVERN, epoch, "handed over"))).containsExactly(true);
        store.release(A, TAVERN, epoch).await();
        assertThat(claim(TAVERN, B)).isEqualTo(new Claimed(epoch + 1, 1, SCHEMA, state("handed over")));
    }

    @Test
    void drainingAnEndedLeaseFailsWithLeaseLost() {
        leaseRunsOut(A);
        assertThatThrownBy(() -> store.drainLease(A).await()).isInstanceOf(LeaseLostException.class);
        assertThatThrownBy(() -> store.drainLease("never-leased").await()).isInstanceOf(LeaseLostException.class);
    }

    @Test
    void simultaneousClaimsOfANewEntityHaveOneWinner() {
        List<Future<Claim>> byA = new ArrayList<>();
        List<Future<Claim>> byB = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            byA.add(store.claim(room(i), A));
            byB.add(store.claim(room(i), B));
        }
        for (int i = 0; i < 20; i++) {
            Claim a = byA.get(i).await();
            Claim b = byB.get(i).await();
            boolean aWon = a instanceof Claimed;
            assertThat(aWon ? a : b).as("winner of " + room(i)).isEqualTo(new Claimed(1, 0, 0, null));
            assertThat(aWon ? b : a).as("loser of " + room(i)).isEqualTo(new Refused(aWon ? A : B));
        }
    }

    // --- reminders ---

    @Test
    void claimsOnlyDueRemindersAndEachOnceWhileClaimed() {
        setReminder(TAVERN, "bell", Duration.ofSeconds(-1), null);
        setReminder(CELLAR, "later", Duration.ofHours(1), null);

        List<ClaimedReminder> claimed = claimDue(10, LEASE);
        assertThat(claimed).extracting(c -> c.reminder().name()).containsExactly("bell");
        assertThat(claimed.getFirst().reminder().period()).isNull();
        assertThat(claimDue(10, LEASE)).as("claimed, so not due again until the claim ends").isEmpty();
        assertThat(store.reminders(TAVERN).await()).singleElement()
                .satisfies(r -> assertThat(r.dueAt()).isEqualTo(claimed.getFirst().leasedUntil()));
    }

    @Test
    void aClaimedReminderThatNeverFiredIsDueAgainWhenItsClaimEnds() {
        setReminder(TAVERN, "bell", Duration.ofSeconds(-1), null);
        Instant due = claimDue(10, SHORT_LEASE).getFirst().reminder().dueAt();
        timePasses(SHORT_LEASE);

        assertThat(claimDue(10, LEASE)).singleElement().satisfies(again -> {
            assertThat(again.reminder().name()).isEqualTo("bell");
            assertThat(again.reminder().dueAt()).isAfter(due);
        });
    }

    @Test
    void aReminderThatFiresOnceIsGoneOnceFired() {
        setReminder(TAVERN, "bell", Duration.ZERO, null);
        store.reminderFired(claimDue(10, LEASE).getFirst()).await();
        assertThat(store.reminders(TAVERN).await()).isEmpty();
    }

    @Test
    void aFiredPeriodicReminderComesBackOnItsBeatSkippingMissedTimes() {
        setReminder(TAVERN, "tide", Duration.ofMinutes(-10), Duration.ofMinutes(1));
        ClaimedReminder claimed = claimDue(10, LEASE).getFirst();
        store.reminderFired(claimed).await();

        Instant next = claimed.reminder().dueAt().plus(Duration.ofMinutes(11));
        assertThat(store.reminders(TAVERN).await())
                .containsExactly(new Reminder(TAVERN, "tide", next, Duration.ofMinutes(1)));
        assertThat(claimDue(10, LEASE)).isEmpty();
    }

    @Test
    void aReminderSetAgainOrCancelledWhileFiringStaysAsItWasMade() {
        setReminder(TAVERN, "bell", Duration.ZERO, null);
        setReminder(CELLAR, "rats", Duration.ZERO, Duration.ofMinutes(1));
        List<ClaimedReminder> claimed = claimDue(10, LEASE);
        setReminder(TAVERN, "bell", Duration.ofHours(2), Duration.ofHours(1));
        store.cancelReminder(CELLAR, "rats").await();
        for (ClaimedReminder c : claimed) store.reminderFired(c).await();

        assertThat(store.reminders(TAVERN).await()).singleElement()
                .satisfies(r -> assertThat(r.period()).isEqualTo(Duration.ofHours(1)));
        assertThat(store.reminders(CELLAR).await()).isEmpty();
    }

    @Test
    void settingAReminderAgainReplacesItAndCancellingRemovesIt() {
        setReminder(TAVERN, "bell", Duration.ofHours(1), null);
        setReminder(TAVERN, "bell", Duration.ZERO, Duration.ofMinutes(5));
        setReminder(TAVERN, "lamp", Duration.ofHours(1), null);
        assertThat(store.reminders(TAVERN).await()).extracting(Reminder::name, Reminder::period)
                .containsExactly(tuple("bell", Duration.ofMinutes(5)), tuple("lamp", null));

        store.cancelReminder(TAVERN, "bell").await();
        store.cancelReminder(TAVERN, "never-set").await();
        assertThat(store.reminders(TAVERN).await()).extracting(Reminder::name).containsExactly("lamp");
        assertThat(claimDue(10, LEASE)).isEmpty();
    }

    @Test
    void claimsAtMostTheAskedNumberEarliestFirst() {
        for (int i = 1; i <= 5; i++) setReminder(room(i), "r", Duration.ofSeconds(-i), null);
        assertThat(claimDue(3, LEASE)).extracting(c -> c.reminder().id()).containsExactly(room(5), room(4), room(3));
        assertThat(claimDue(10, LEASE)).extracting(c -> c.reminder().id()).containsExactly(room(2), room(1));
    }

    @Test
    void concurrentClaimsNeverShareAReminder() {
        for (int i = 0; i < 40; i++) setReminder(room(i), "r", Duration.ofSeconds(-1), null);
        List<Future<List<ClaimedReminder>>> claims = new ArrayList<>();
        for (int i = 0; i < 4; i++) claims.add(store.claimDueReminders(15, LEASE));

        List<EntityId> claimed = new ArrayList<>();
        for (Future<List<ClaimedReminder>> claim : claims) claim.await().forEach(c -> claimed.add(c.reminder().id()));
        claimDue(40, LEASE).forEach(c -> claimed.add(c.reminder().id()));
        assertThat(claimed).doesNotHaveDuplicates().hasSize(40);
    }

    @Test
    void prunesOnlyCommandsOlderThanAsked() {
        long epoch = claimed(TAVERN, A).epoch();
        saveAll(A, new Save(TAVERN, epoch, SCHEMA, state("old"), "old", "1"));
        timePasses(Duration.ofSeconds(2));
        saveAll(A, new Save(TAVERN, epoch, SCHEMA, state("new"), "new", "2"));

        assertThat(store.pruneCommands(Duration.ofSeconds(1)).await()).isEqualTo(1);
        assertThat(commandResult(TAVERN, "old")).isEmpty();
        assertThat(commandResult(TAVERN, "new")).contains("2");
    }

    // --- transfers ---

    @Test
    void aTransferIsSentOnlyWithASaveThatLandsAndIsDueAfterItsRetryTime() {
        long epoch = claimed(TAVERN, A).epoch();
        assertThat(saveAll(A, sending(TAVERN, epoch, transfer("t1", Duration.ZERO)),
                sending(TAVERN, epoch - 1, transfer("fenced", Duration.ZERO)),
                sending(TAVERN, epoch, transfer("later", LEASE)))).containsExactly(true, false, true);

        assertThat(claimDueTransfers(10, LEASE)).containsExactly(
                new DueTransfer("t1", new StoredCall(CELLAR, "receive/1", "[\"ale\"]"), true));
        assertThat(claimDueTransfers(10, LEASE)).as("claimed: not due again until the claim ends").isEmpty();
    }

    @Test
    void anAcceptedTransferIsGoneWithTheReceiversSave() {
        sendFromTavern(transfer("t1", Duration.ZERO));
        long epoch = claimed(CELLAR, B).epoch();
        assertThat(saveAll(B, settling(CELLAR, epoch - 1, "t1", true))).as("fenced: settles nothing").containsExactly(false);
        assertThat(claimDueTransfers(10, SHORT_LEASE)).extracting(DueTransfer::id).containsExactly("t1");

        assertThat(saveAll(B, settling(CELLAR, epoch, "t1", true))).containsExactly(true);
        assertThat(commandResult(CELLAR, "t1")).contains("null");
        timePasses(SHORT_LEASE.multipliedBy(2));
        assertThat(claimDueTransfers(10, LEASE)).isEmpty();
    }

    @Test
    void aRefusedTransferBecomesItsRefundDueAtOnce() {
        sendFromTavern(transfer("t1", LEASE));
        long epoch = claimed(CELLAR, B).epoch();
        assertThat(saveAll(B, settling(CELLAR, epoch, "t1", false))).containsExactly(true);

        assertThat(claimDueTransfers(10, LEASE)).containsExactly(
                new DueTransfer(Transfer.refundId("t1"), new StoredCall(TAVERN, "put/1", "[\"ale\"]"), false));
    }

    @Test
    void aRefusedTransferWithoutRefundStaysAsItWas() {
        sendFromTavern(new Transfer("t1", new StoredCall(CELLAR, "receive/1", "[\"ale\"]"), null, Duration.ZERO));
        long epoch = claimed(CELLAR, B).epoch();
        assertThat(saveAll(B, settling(CELLAR, epoch, "t1", false))).containsExactly(true);

        assertThat(claimDueTransfers(10, LEASE)).containsExactly(
                new DueTransfer("t1", new StoredCall(CELLAR, "receive/1", "[\"ale\"]"), false));
    }

    private void sendFromTavern(Transfer transfer) {
        long epoch = claimed(TAVERN, A).epoch();
        assertThat(saveAll(A, sending(TAVERN, epoch, transfer))).containsExactly(true);
    }

    /** Ale from the tavern to the cellar, back to the tavern if refused. */
    static Transfer transfer(String id, Duration retryAfter) {
        return new Transfer(id, new StoredCall(CELLAR, "receive/1", "[\"ale\"]"), new StoredCall(TAVERN, "put/1", "[\"ale\"]"), retryAfter);
    }

    static Save sending(EntityId id, long epoch, Transfer transfer) {
        return new Save(id, epoch, SCHEMA, state("sent"), null, null, List.of(transfer), null);
    }

    static Save settling(EntityId id, long epoch, String transferId, boolean accepted) {
        return new Save(id, epoch, SCHEMA, state("settled"), transferId, null, List.of(), new Settlement(transferId, accepted));
    }

    List<DueTransfer> claimDueTransfers(int max, Duration lease) {
        return store.claimDueTransfers(max, lease).await();
    }

    void setReminder(EntityId id, String name, Duration dueIn, Duration period) {
        store.setReminder(id, name, dueIn, period).await();
    }

    List<ClaimedReminder> claimDue(int max, Duration lease) {
        return store.claimDueReminders(max, lease).await();
    }

    /** Lets one node's lease end while the others' stay alive. */
    void leaseRunsOut(String nodeId) {
        store.renewLease(nodeId, SHORT_LEASE).await();
        waitOutShortLease(nodeId);
    }

    /** A state as jsonb prints it, so both stores give back the same text. */
    static String state(String name) {
        return "{\"name\": \"" + name + "\"}";
    }

    static Save save(EntityId id, long epoch, String name) {
        return new Save(id, epoch, SCHEMA, state(name), null, null);
    }

    static EntityId room(int i) {
        return new EntityId("Room", "room-" + i);
    }

    Claim claim(EntityId id, String nodeId) {
        return store.claim(id, nodeId).await();
    }

    Claimed claimed(EntityId id, String nodeId) {
        Claim claim = claim(id, nodeId);
        assertThat(claim).isInstanceOf(Claimed.class);
        return (Claimed) claim;
    }

    List<Boolean> saveAll(String nodeId, Save... saves) {
        return store.saveAll(nodeId, List.of(saves)).await();
    }

    Optional<String> commandResult(EntityId id, String commandId) {
        return store.commandResult(id, commandId).await();
    }
}
