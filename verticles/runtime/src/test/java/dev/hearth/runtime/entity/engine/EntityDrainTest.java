package dev.hearth.runtime.entity.engine;

import dev.hearth.runtime.entity.CallOptions;
import dev.hearth.runtime.entity.EntityContext;
import dev.hearth.runtime.entity.EntityId;
import dev.hearth.runtime.entity.EntityRuntimeOptions;
import dev.hearth.runtime.entity.EntityType;
import dev.hearth.runtime.entity.EntityUnavailableException;
import dev.hearth.runtime.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static dev.hearth.runtime.entity.engine.TestNodes.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Draining, against a real PostgreSQL: one node hands its entities to another while calls
 * keep coming, and nobody calling notices more than a short wait.
 */
class EntityDrainTest {
    private static final Logger log = LoggerFactory.getLogger(EntityDrainTest.class);
    private static final EntityRuntimeOptions OPTIONS = EntityRuntimeOptions.defaults().withCallTimeout(Duration.ofSeconds(5));
    private final TestNodes nodes = new TestNodes();

    public interface Tally {
        /** @return the total after this addition, once committed */
        Future<Integer> add();

        Future<Integer> total();

        /** Adds one at once, answers after {@code millis}: a call still running when the drain begins. */
        Future<Integer> addSlowly(int millis);

        /** Waits {@code millis}, then asks {@code via} to read this tally back: a call chain A -> B -> A. */
        Future<Integer> totalThrough(String via, int millis);

        /** Reads {@code key}'s total: the way back of {@link #totalThrough}. */
        Future<Integer> totalOf(String key);
    }

    public static final class TallyEntity implements Tally {
        static final AtomicInteger SLOW_CALLS_RUNNING = new AtomicInteger();

        public record State(int total) {
        }

        static final EntityType<Tally, State> TYPE = EntityType.of(Tally.class, State.class, TallyEntity::new)
                .initialState(() -> new State(0));

        private final EntityContext<State> self;

        TallyEntity(EntityContext<State> self) {
            this.self = self;
        }

        @Override
        public Future<Integer> add() {
            self.setState(new State(self.state().total() + 1));
            return Future.succeededFuture(self.state().total());
        }

        @Override
        public Future<Integer> total() {
            return Future.succeededFuture(self.state().total());
        }

        @Override
        public Future<Integer> addSlowly(int millis) {
            int next = self.state().total() + 1;
            self.setState(new State(next));
            SLOW_CALLS_RUNNING.incrementAndGet();
            return Vertx.currentContext().owner().timer(millis).onComplete(t -> SLOW_CALLS_RUNNING.decrementAndGet()).map(next);
        }

        @Override
        public Future<Integer> totalThrough(String via, int millis) {
            SLOW_CALLS_RUNNING.incrementAndGet();
            return Vertx.currentContext().owner().timer(millis)
                    .compose(t -> self.ref(Tally.class, via).totalOf(self.key()))
                    .onComplete(t -> SLOW_CALLS_RUNNING.decrementAndGet());
        }

        @Override
        public Future<Integer> totalOf(String key) {
            return self.ref(Tally.class, key).total();
        }
    }

    @BeforeEach
    void noSlowCallsYet() {
        TallyEntity.SLOW_CALLS_RUNNING.set(0);
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    @Test
    void aDrainingNodeHandsItsEntitiesOverWhileCommandsKeepComingAndNoCallFails() throws Exception {
        EntityRuntime a = node("node-a");
        EntityRuntime b = node("node-b");
        List<String> keys = IntStream.range(0, 40).mapToObj(i -> "tally-" + i).toList();
        Load load = new Load(b, keys).start();
        Await.within(TestNodes.WAIT, "every tally has answered twice", () -> load.acknowledgedOfEach() >= 2 || load.failed());
        List<String> onA = keys.stream().filter(key -> a.activeIds().contains(id(key))).toList();
        assertThat(onA).as("tallies active on the node to drain").isNotEmpty();

        long before = load.acknowledged.get();
        long longestBefore = load.longestMillis.getAndSet(0);
        long drainStarted = System.nanoTime();
        await(a.drain());
        long drainMillis = (System.nanoTime() - drainStarted) / 1_000_000;
        long atDrained = load.acknowledged.get();
        Await.within(TestNodes.WAIT, "three more rounds after the drain",
                () -> load.acknowledged.get() >= atDrained + 3L * keys.size() || load.failed());
        load.stop();

        log.info("Drain under load: {} tallies handed over in {} ms; {} calls acknowledged during it; longest call "
                        + "answered since the drain began {} ms (before it, first activations included: {} ms)",
                onA.size(), drainMillis, atDrained - before, load.longestMillis.get(), longestBefore);
        assertThat(load.failures).as("calls that failed").isEmpty();
        assertThat(a.activeCount()).as("active on the drained node").isZero();
        assertThat(b.activeIds()).as("the drained tallies, active on the other node now")
                .containsAll(onA.stream().map(EntityDrainTest::id).toList());
        for (String key : keys) {
            List<Integer> answers = load.answers.get(key);
            assertThat(answers).as(key + ": each acknowledged total once, in order")
                    .isEqualTo(IntStream.rangeClosed(1, answers.size()).boxed().toList());
            TestNodes.Stored row = nodes.row("Tally", key);
            assertThat(row.state().getInteger("total")).as(key + ": every acknowledged addition committed").isEqualTo(answers.size());
            assertThat(row.owner()).as(key + " owner").isEqualTo(b.nodeId());
        }
    }

    @Test
    void aCallRunningWhenTheDrainBeginsFinishesAndItsChangeGoesWithTheEntity() {
        EntityRuntime a = node("node-a");
        EntityRuntime b = node("node-b");
        String key = keyActiveOn(a, b, "slow-");
        Future<Integer> slow = b.ref(Tally.class, key, CallOptions.command("slow-1")).addSlowly(500);
        Await.within(TestNodes.WAIT, "the slow call runs", () -> TallyEntity.SLOW_CALLS_RUNNING.get() == 1);
        Future<Integer> queued = b.ref(Tally.class, key).add();

        await(a.drain());

        assertThat(await(slow)).as("the call running at the drain").isEqualTo(1);
        assertThat(await(queued)).as("the call waiting behind it, served by the next owner").isEqualTo(2);
        assertThat(await(b.ref(Tally.class, key, CallOptions.command("slow-1")).addSlowly(500)))
                .as("the retried command, answered from what was committed").isEqualTo(1);
        assertThat(nodes.row("Tally", key).owner()).isEqualTo(b.nodeId());
        assertThat(nodes.row("Tally", key).state().getInteger("total")).isEqualTo(2);
    }

    @Test
    void aCallChainThatComesBackToADrainingEntityCompletes() {
        EntityRuntime a = node("node-a");
        EntityRuntime b = node("node-b");
        String there = keyActiveOn(a, b, "chain-a-");
        String back = keyActiveOn(b, b, "chain-b-");
        Future<Integer> chain = b.ref(Tally.class, there).totalThrough(back, 300);
        Await.within(TestNodes.WAIT, "the chain's first call runs", () -> TallyEntity.SLOW_CALLS_RUNNING.get() == 1);

        Future<Void> drained = a.drain();

        assertThat(await(chain)).as("A -> B -> A, with A leaving meanwhile").isEqualTo(0);
        await(drained);
        assertThat(a.activeCount()).isZero();
    }

    @Test
    void aDrainedNodeActivatesNothingAndSendsItsCallersOnToTheOther() {
        EntityRuntime a = node("node-a");
        EntityRuntime b = node("node-b");
        await(a.drain());

        assertThat(a.liveHosts()).as("where the drained node places entities").containsExactly(b.nodeId());
        Await.within(TestNodes.WAIT, "the other node reads the drain at its renewal",
                () -> b.liveHosts().equals(List.of(b.nodeId())));
        for (int i = 0; i < 20; i++) {
            assertThat(await(a.ref(Tally.class, "after-" + i).add())).as("a call made on the drained node").isEqualTo(1);
        }
        assertThat(a.activeCount()).isZero();
        assertThat(b.activeCount()).isEqualTo(20);
        assertThat(a.serving()).as("the drained node keeps its lease until it closes").isTrue();
    }

    @Test
    void theLastHostDrainingLeavesCallsUnavailableAndItsEntitiesSaved() {
        EntityRuntime a = node("node-a");
        assertThat(await(a.ref(Tally.class, "alone").add())).isEqualTo(1);

        await(a.drain());

        assertThat(nodes.row("Tally", "alone").owner()).as("released").isNull();
        assertThatThrownBy(() -> await(a.ref(Tally.class, "alone").add()))
                .isInstanceOf(EntityUnavailableException.class).hasMessageContaining("no other node hosts entities");
        EntityRuntime next = node("node-next");
        assertThat(await(next.ref(Tally.class, "alone").add())).isEqualTo(2);
    }

    private EntityRuntime node(String id) {
        EntityRuntime runtime = nodes.start(id, OPTIONS, List.of(TallyEntity.TYPE));
        Await.within(TestNodes.WAIT, id + " holds a lease", runtime::serving);
        return runtime;
    }

    /** A key that the caller's first call activates on {@code host} (both nodes seeing both first). */
    private static String keyActiveOn(EntityRuntime host, EntityRuntime caller, String prefix) {
        Await.within(TestNodes.WAIT, "both nodes see both leases",
                () -> host.liveHosts().size() == 2 && caller.liveHosts().size() == 2);
        for (int i = 0; ; i++) {
            String key = prefix + i;
            await(caller.ref(Tally.class, key).total());
            if (host.activeIds().contains(id(key))) return key;
        }
    }

    private static EntityId id(String key) {
        return new EntityId("Tally", key);
    }

    /** One caller per key, each adding with a new command id as soon as the last was acknowledged. */
    private static final class Load {
        private final EntityRuntime caller;
        private final List<String> keys;
        final Map<String, List<Integer>> answers = new ConcurrentHashMap<>();
        final List<String> failures = new CopyOnWriteArrayList<>();
        final AtomicLong acknowledged = new AtomicLong();
        final AtomicLong longestMillis = new AtomicLong();
        private final List<Thread> callers = new ArrayList<>();
        private volatile boolean stop;

        Load(EntityRuntime caller, List<String> keys) {
            this.caller = caller;
            this.keys = keys;
            keys.forEach(key -> answers.put(key, Collections.synchronizedList(new ArrayList<>())));
        }

        Load start() {
            keys.forEach(key -> callers.add(Thread.ofVirtual().start(() -> callRepeatedly(key))));
            return this;
        }

        private void callRepeatedly(String key) {
            for (int n = 1; !stop; n++) {
                long sent = System.nanoTime();
                try {
                    int total = await(caller.ref(Tally.class, key, CallOptions.command(key + "#" + n)).add());
                    longestMillis.accumulateAndGet((System.nanoTime() - sent) / 1_000_000, Math::max);
                    answers.get(key).add(total);
                    acknowledged.incrementAndGet();
                } catch (RuntimeException e) {
                    failures.add(key + "#" + n + ": " + e);
                    return;
                }
            }
        }

        long acknowledgedOfEach() {
            return answers.values().stream().mapToLong(List::size).min().orElse(0);
        }

        boolean failed() {
            return !failures.isEmpty();
        }

        /** Returns once every caller has had its last answer. */
        void stop() throws InterruptedException {
            stop = true;
            for (Thread caller : callers) caller.join();
        }
    }
}
