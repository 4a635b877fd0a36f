package dev.hearth.runtime.entity.engine;

import dev.hearth.runtime.entity.EntityContext;
import dev.hearth.runtime.entity.EntityFailedException;
import dev.hearth.runtime.entity.EntityId;
import dev.hearth.runtime.entity.EntityRuntimeOptions;
import dev.hearth.runtime.entity.EntityType;
import dev.hearth.runtime.entity.Interleaved;
import dev.hearth.runtime.entity.Ref;
import dev.hearth.runtime.entity.store.ForwardingEntityStore;
import dev.hearth.runtime.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static dev.hearth.runtime.entity.engine.TestNodes.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Transfers where calls of one entity overlap: a turn's changes, transfers included, are
 * committed only when its last call ends, and a failed call whose changes cannot be told
 * apart from others' makes the entity reload its committed state. Either way an item is
 * never duplicated.
 */
class TransfersAcrossTurnsTest {
    private final TestNodes nodes = new TestNodes();

    public interface Box {
        Future<Void> put(String item);

        Future<Void> receive(String item);

        /** Sends the item, waits, then fails. */
        Future<Void> giveThenFail(Ref<Box> to, String item, int waitMillis);

        /** Sends the item, then calls the receiver, which calls back (re-entrant), then fails. */
        Future<Void> giveCallingBack(Ref<Box> to, String item);

        Future<Void> poke(Ref<Box> back);

        /** Sends the item, waits, succeeds. */
        Future<Void> giveSlowly(Ref<Box> to, String item, int waitMillis);

        @Interleaved
        Future<Void> slowFail(int millis);

        Future<List<String>> items();

        /** Adds the item, waits, and fails the first time. */
        Future<Void> receiveSlowlyFailingOnce(String item);

        Future<Void> giveTo(Ref<Box> to, String item);
    }

    static final AtomicBoolean FAIL_NEXT = new AtomicBoolean(true);

    public static final class BoxEntity implements Box {
        public record State(List<String> items) {
        }

        private final EntityContext<State> self;

        BoxEntity(EntityContext<State> self) {
            this.self = self;
        }

        static EntityType<Box, State> type() {
            return EntityType.of(Box.class, State.class, BoxEntity::new).initialState(() -> new State(List.of()));
        }

        private boolean take(String item) {
            List<String> left = new ArrayList<>(self.state().items());
            if (!left.remove(item)) return false;
            self.setState(new State(List.copyOf(left)));
            return true;
        }

        @Override
        public Future<Void> put(String item) {
            List<String> items = new ArrayList<>(self.state().items());
            items.add(item);
            self.setState(new State(items));
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> receive(String item) {
            return put(item);
        }

        @Override
        public Future<Void> giveThenFail(Ref<Box> to, String item, int waitMillis) {
            if (!take(item)) return Future.failedFuture("no " + item);
            self.transfer(to, b -> b.receive(item));
            return Vertx.currentContext().owner().timer(waitMillis).compose(t -> Future.failedFuture("changed my mind"));
        }

        @Override
        public Future<Void> giveCallingBack(Ref<Box> to, String item) {
            if (!take(item)) return Future.failedFuture("no " + item);
            self.transfer(to, b -> b.receive(item));
            Ref<Box> me = self.entities().refOf(Box.class, self.key());
            return to.get().poke(me).compose(v -> Future.failedFuture("changed my mind"));
        }

        @Override
        public Future<Void> poke(Ref<Box> back) {
            return back.get().items().mapEmpty();
        }

        @Override
        public Future<Void> giveSlowly(Ref<Box> to, String item, int waitMillis) {
            if (!take(item)) return Future.failedFuture("no " + item);
            self.transfer(to, b -> b.receive(item));
            return Vertx.currentContext().owner().timer(waitMillis).mapEmpty();
        }

        @Override
        public Future<Void> slowFail(int millis) {
            return Vertx.currentContext().owner().timer(millis).compose(t -> Future.failedFuture("slow failure"));
        }

        @Override
        public Future<Void> receiveSlowlyFailingOnce(String item) {
            put(item);
            boolean fail = FAIL_NEXT.getAndSet(false);
            return Vertx.currentContext().owner().timer(300).compose(t -> fail ? Future.failedFuture("full after all") : Future.succeededFuture());
        }

        @Override
        public Future<Void> giveTo(Ref<Box> to, String item) {
            if (!take(item)) return Future.failedFuture("no " + item);
            self.transfer(to, b -> b.receiveSlowlyFailingOnce(item));
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

    private static EntityRuntimeOptions options() {
        return EntityRuntimeOptions.defaults().withReminderPollEvery(Duration.ofMillis(50)).withCallTimeout(Duration.ofSeconds(2));
    }

    @Test
    void aWriteBehindDelayEndingDuringACallThatFailsSavesNothingOfIt() {
        EntityRuntime a = nodes.start("node-a", options(), List.of(BoxEntity.type().writeBehind(Duration.ofMillis(50))));
        await(box(a, 0).put("sword"));
        await(a.deactivate(new EntityId("Box", "box-0")));
        await(box(a, 0).put("apple")); // dirty, write-behind timer pending
        Throwable failed = catchThrowable(() -> await(box(a, 0).giveThenFail(ref(a, 1), "sword", 400)));
        Await.within(TestNodes.WAIT, "transfers settled", () -> pendingTransfers() == 0);
        List<String> zero = await(box(a, 0).items());
        List<String> one = await(box(a, 1).items());
        await(a.deactivate(new EntityId("Box", "box-0")));
        assertThat(failed).isInstanceOf(EntityFailedException.class);
        assertThat(zero).containsExactly("sword", "apple");
        assertThat(stored(0)).containsExactly("sword", "apple");
        assertThat(one).isEmpty();
    }

    @Test
    void aCallThatFailsAfterAReentrantCallSendsNothing() {
        EntityRuntime a = nodes.start("node-a", options(), List.of(BoxEntity.type()));
        await(box(a, 0).put("sword"));
        Throwable failed = catchThrowable(() -> await(box(a, 0).giveCallingBack(ref(a, 1), "sword")));
        Await.within(TestNodes.WAIT, "transfers settled", () -> pendingTransfers() == 0);
        await(box(a, 0).put("apple"));
        assertThat(failed).isInstanceOf(EntityFailedException.class);
        assertThat(stored(0)).as("reloaded from committed state").containsExactly("sword", "apple");
        assertThat(stored(1)).isEmpty();
    }

    @Test
    void anInterleavedCallFailingAfterATransferIsAnsweredWithItsFailure() {
        EntityRuntime a = nodes.start("node-a", options(), List.of(BoxEntity.type()));
        await(box(a, 0).put("sword"));
        Future<Void> give = box(a, 0).giveSlowly(ref(a, 1), "sword", 300);
        await(nodes.vertx.timer(50));
        Future<Void> slow = box(a, 0).slowFail(600);
        await(give);
        Throwable failed = catchThrowable(() -> await(slow));
        assertThat(failed).isInstanceOf(EntityFailedException.class);
        Await.within(TestNodes.WAIT, "the sword to arrive", () -> stored(1).equals(List.of("sword")));
    }

    @Test
    void aCallFromTheEntitysOwnLoopWhileItIsReleasedWaitsAndIsServed() {
        AtomicReference<Promise<Void>> releaseGate = new AtomicReference<>();
        EntityRuntime a = nodes.start("node-a", options(), List.of(BoxEntity.type()), store -> new ForwardingEntityStore(store) {
            @Override
            public Future<Void> release(String nodeId, EntityId id, long epoch) {
                Promise<Void> gate = releaseGate.get();
                return gate == null ? store.release(nodeId, id, epoch)
                        : gate.future().compose(x -> store.release(nodeId, id, epoch));
            }
        });
        await(box(a, 0).put("sword"));
        releaseGate.set(Promise.promise());
        Future<Void> leaving = a.deactivate(new EntityId("Box", "box-0"));
        await(nodes.vertx.timer(100));
        Promise<List<String>> answer = Promise.promise();
        a.homeContext(Box.class, "box-0").runOnContext(x -> {
            try {
                box(a, 0).items().onComplete(answer);
            } catch (Throwable e) {
                answer.tryFail(e);
            }
        });
        await(nodes.vertx.timer(200));
        releaseGate.get().complete();
        await(leaving);
        assertThat(await(answer.future())).containsExactly("sword");
    }

    @Test
    void aTransferRefusedWhileAnInterleavedCallRunsIsAppliedOnceWhenDeliveredAgain() {
        EntityRuntime a = nodes.start("node-a", options().withCallTimeout(Duration.ofSeconds(1)), List.of(BoxEntity.type()));
        await(box(a, 0).put("sword"));
        await(box(a, 1).items());
        await(box(a, 0).giveTo(ref(a, 1), "sword"));
        await(nodes.vertx.timer(100)); // the delivery is running on box-1
        assertThat(catchThrowable(() -> await(box(a, 1).slowFail(400)))).isNotNull();
        Await.within(TestNodes.WAIT, "transfers settled", () -> pendingTransfers() == 0);
        assertThat(stored(1)).containsExactly("sword");
    }

    private long pendingTransfers() {
        return await(nodes.pool.query("SELECT count(*) FROM entity_transfers").execute()).iterator().next().getLong(0);
    }

    private List<String> stored(int n) {
        TestNodes.Stored row = nodes.row("Box", "box-" + n);
        if (row == null || row.state() == null) return List.of();
        JsonArray items = row.state().getJsonArray("items");
        return items.stream().map(String.class::cast).toList();
    }

    private static Box box(EntityRuntime via, int n) {
        return via.ref(Box.class, "box-" + n);
    }

    private static Ref<Box> ref(EntityRuntime via, int n) {
        return via.refOf(Box.class, "box-" + n);
    }
}
