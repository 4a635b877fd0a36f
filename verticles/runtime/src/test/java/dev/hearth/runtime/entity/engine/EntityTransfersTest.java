package dev.hearth.runtime.entity.engine;

import dev.hearth.runtime.entity.EntityContext;
import dev.hearth.runtime.entity.EntityFailedException;
import dev.hearth.runtime.entity.EntityRuntimeOptions;
import dev.hearth.runtime.entity.EntityType;
import dev.hearth.runtime.entity.Ref;
import dev.hearth.runtime.entity.store.EntityStore;
import dev.hearth.runtime.entity.store.ForwardingEntityStore;
import dev.hearth.runtime.entity.store.Save;
import dev.hearth.runtime.entity.store.Transfer;
import dev.hearth.runtime.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static dev.hearth.runtime.entity.engine.TestNodes.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Transfers: an item leaves one bag and arrives in another exactly once, across nodes,
 * when the receiver refuses, when the sender's node dies right after its commit, and when
 * every transfer is delivered twice at the same time.
 */
class EntityTransfersTest {
    private final TestNodes nodes = new TestNodes();

    public interface Bag {
        /** Adds the item whatever the capacity (a refund always fits). */
        Future<Void> put(String item);

        /** Refuses (fails) when the bag is full. */
        Future<Void> receive(String item);

        /** Sends each item to the other bag; fails, sending none, when one is not here. */
        Future<Void> give(Ref<Bag> to, List<String> items, boolean refundable);

        Future<Void> resize(int capacity);

        Future<List<String>> items();
    }

    public static final class BagEntity implements Bag {
        public record State(List<String> items, int capacity) {
        }

        private final EntityContext<State> self;

        BagEntity(EntityContext<State> self) {
            this.self = self;
        }

        static EntityType<Bag, State> type() {
            return EntityType.of(Bag.class, State.class, BagEntity::new).initialState(() -> new State(List.of(), 100));
        }

        @Override
        public Future<Void> put(String item) {
            List<String> items = new ArrayList<>(self.state().items());
            items.add(item);
            self.setState(new State(items, self.state().capacity()));
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> receive(String item) {
            if (self.state().items().size() >= self.state().capacity()) return Future.failedFuture("the bag is full");
            return put(item);
        }

        @Override
        public Future<Void> give(Ref<Bag> to, List<String> items, boolean refundable) {
            Ref<Bag> me = self.entities().refOf(Bag.class, self.key());
            List<String> left = new ArrayList<>(self.state().items());
            for (String item : items) {
                // Sent before the check of the next item: a failure must take the sent ones back.
                if (!left.remove(item)) return Future.failedFuture("no " + item + " in " + self.key());
                self.setState(new State(List.copyOf(left), self.state().capacity()));
                if (refundable) self.transfer(to, bag -> bag.receive(item), me, bag -> bag.put(item));
                else self.transfer(to, bag -> bag.receive(item));
            }
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> resize(int capacity) {
            self.setState(new State(self.state().items(), capacity));
            return Future.succeededFuture();
        }

        @Override
        public Future<List<String>> items() {
            return Future.succeededFuture(self.state().items());
        }
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    @Test
    void itemsChangeHandsOnceBetweenNodes() {
        EntityRuntime a = node("node-a");
        EntityRuntime b = node("node-b");
        Await.within(TestNodes.WAIT, "both nodes to see both", () -> a.liveHosts().size() == 2 && b.liveHosts().size() == 2);
        int bags = 12;
        for (int i = 0; i < bags; i++) await(bag(a, i).put("item-" + i));
        for (int i = 0; i < bags; i++) await(bag(a, i).give(ref(a, (i + 1) % bags), List.of("item-" + i), false));
        assertThat(a.activeCount()).as("bags on node a").isPositive();
        assertThat(b.activeCount()).as("bags on node b").isPositive();

        Await.within(TestNodes.WAIT, "every item to arrive", () -> pendingTransfers() == 0);
        for (int i = 0; i < bags; i++) {
            assertThat(storedItems(i)).as("bag " + i).containsExactly("item-" + Math.floorMod(i - 1, bags));
        }
    }

    @Test
    void aRefusedTransferComesBackAsItsRefund() {
        EntityRuntime a = node("node-a");
        await(bag(a, 1).resize(0));
        await(bag(a, 0).put("sword"));
        await(bag(a, 0).give(ref(a, 1), List.of("sword"), true));

        Await.within(TestNodes.WAIT, "the sword to come back", () -> storedItems(0).equals(List.of("sword")));
        assertThat(storedItems(1)).isEmpty();
        Await.within(TestNodes.WAIT, "the refund to be settled", () -> pendingTransfers() == 0);
    }

    @Test
    void aRefusedTransferWithoutRefundArrivesOnceTheReceiverAccepts() {
        EntityRuntime a = node("node-a", options().withCallTimeout(Duration.ofMillis(500)));
        await(bag(a, 1).resize(0));
        await(bag(a, 0).put("sword"));
        await(bag(a, 0).give(ref(a, 1), List.of("sword"), false));
        assertThat(storedItems(0)).as("the sword left at once").isEmpty();
        assertThat(pendingTransfers()).as("the sword is on its way").isEqualTo(1);

        await(bag(a, 1).resize(1));
        Await.within(TestNodes.WAIT, "the sword to arrive when delivered again", () -> storedItems(1).equals(List.of("sword")));
        Await.within(TestNodes.WAIT, "the transfer to be settled", () -> pendingTransfers() == 0);
    }

    @Test
    void aCallThatFailsSendsNothing() {
        EntityRuntime a = node("node-a");
        await(bag(a, 0).put("sword"));
        assertThatThrownBy(() -> await(bag(a, 0).give(ref(a, 1), List.of("sword", "shield"), false)))
                .isInstanceOf(EntityFailedException.class).hasMessageContaining("no shield in bag-0");

        assertThat(await(bag(a, 0).items())).containsExactly("sword");
        assertThat(pendingTransfers()).isZero();
        assertThat(await(bag(a, 1).items())).isEmpty();
    }

    @Test
    void aTransferCommittedByANodeThatDiesBeforeDeliveringItArrivesFromTheSurvivor() {
        EntityRuntimeOptions failFast = options().withLease(Duration.ofSeconds(1), Duration.ofMillis(300))
                .withCallTimeout(Duration.ofSeconds(1));
        DiesAfterCommit dying = new DiesAfterCommit();
        TestNodes.Alone doomed = nodes.startAlone("node-a", failFast, List.of(BagEntity.type()), store -> dying.wrap(store));
        Bag giver = bag(doomed.runtime(), 0);
        await(giver.put("sword"));
        await(bag(doomed.runtime(), 1).items());

        dying.arm();
        Future<Void> give = giver.give(ref(doomed.runtime(), 1), List.of("sword"), false);
        Await.within(TestNodes.WAIT, "the give to commit", () -> pendingTransfers() == 1);
        doomed.kill();
        assertThat(give.isComplete()).as("the node died before it could answer").isFalse();

        EntityRuntime survivor = node("node-b", failFast);
        Await.within(TestNodes.WAIT, "the sword to arrive", () -> pendingTransfers() == 0);
        assertThat(await(bag(survivor, 1).items())).containsExactly("sword");
        assertThat(await(bag(survivor, 0).items())).as("from committed state").isEmpty();
    }

    @Test
    void transfersDeliveredTwiceAtOnceApplyOnce() {
        // Every transfer is due the moment it commits, so the pollers race the senders' own deliveries.
        EntityRuntimeOptions racing = options().withReminderPollEvery(Duration.ofMillis(5));
        EntityRuntime a = nodes.start("node-a", racing, List.of(BagEntity.type()), DueAtOnce::new);
        EntityRuntime b = nodes.start("node-b", racing, List.of(BagEntity.type()), DueAtOnce::new);
        Await.within(TestNodes.WAIT, "both nodes to see both", () -> a.liveHosts().size() == 2 && b.liveHosts().size() == 2);
        int bags = 8, itemsPerBag = 5, rounds = 40;
        for (int i = 0; i < bags; i++) {
            for (int j = 0; j < itemsPerBag; j++) await(bag(a, i).put(i + "/" + j));
        }

        Random random = new Random(7);
        for (int round = 0; round < rounds; round++) {
            List<Future<?>> gives = new ArrayList<>();
            for (int i = 0; i < bags; i++) {
                EntityRuntime via = random.nextBoolean() ? a : b;
                List<String> held = await(bag(via, i).items());
                if (held.isEmpty()) continue;
                String item = held.get(random.nextInt(held.size()));
                gives.add(bag(via, i).give(ref(via, random.nextInt(bags)), List.of(item), false));
            }
            await(Future.all(gives));
        }

        Await.within(TestNodes.WAIT, "every transfer to be settled", () -> pendingTransfers() == 0);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < bags; i++) {
            for (String item : await(bag(a, i).items())) seen.merge(item, 1, Integer::sum);
        }
        assertThat(seen).as("every item, once").hasSize(bags * itemsPerBag).allSatisfy((item, count) -> assertThat(count).as(item).isEqualTo(1));
    }

    /** Lets saves land, then, once armed, never tells the node: it dies before it can deliver. */
    private static final class DiesAfterCommit {
        private volatile boolean armed;

        void arm() {
            armed = true;
        }

        EntityStore wrap(EntityStore store) {
            return new ForwardingEntityStore(store) {
                @Override
                public Future<List<Boolean>> saveAll(String nodeId, List<Save> saves) {
                    Future<List<Boolean>> landed = store.saveAll(nodeId, saves);
                    return armed ? landed.compose(x -> Promise.<List<Boolean>>promise().future()) : landed;
                }
            };
        }
    }

    /** Sends every transfer due at once, so a poller may deliver it while its sender does. */
    private static final class DueAtOnce extends ForwardingEntityStore {
        DueAtOnce(EntityStore store) {
            super(store);
        }

        @Override
        public Future<List<Boolean>> saveAll(String nodeId, List<Save> saves) {
            return store.saveAll(nodeId, saves.stream().map(save -> new Save(save.id(), save.epoch(), save.schemaVersion(),
                    save.stateJson(), save.commandId(), save.resultJson(),
                    save.transfers().stream().map(t -> new Transfer(t.id(), t.deliver(), t.refund(), Duration.ZERO)).toList(),
                    save.settles())).toList());
        }
    }

    private long pendingTransfers() {
        return await(nodes.pool.query("SELECT count(*) FROM entity_transfers").execute()).iterator().next().getLong(0);
    }

    private List<String> storedItems(int bag) {
        TestNodes.Stored row = nodes.row("Bag", "bag-" + bag);
        if (row == null || row.state() == null) return List.of();
        JsonArray items = row.state().getJsonArray("items");
        return items.stream().map(String.class::cast).toList();
    }

    private static Bag bag(EntityRuntime via, int n) {
        return via.ref(Bag.class, "bag-" + n);
    }

    private static Ref<Bag> ref(EntityRuntime via, int n) {
        return via.refOf(Bag.class, "bag-" + n);
    }

    private EntityRuntime node(String id) {
        return node(id, options());
    }

    private EntityRuntime node(String id, EntityRuntimeOptions options) {
        return nodes.start(id, options, List.of(BagEntity.type()));
    }

    private static EntityRuntimeOptions options() {
        return EntityRuntimeOptions.defaults().withReminderPollEvery(Duration.ofMillis(50)).withCallTimeout(Duration.ofSeconds(5));
    }
}
