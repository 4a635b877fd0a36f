package dev.hearth.node.it.entities;

import dev.hearth.node.it.entities.EntityNode.Reply;
import dev.hearth.node.it.entities.EntityRows.Row;
import dev.hearth.runtime.testing.Await;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The entity runtime's promises where they are hardest to keep: real node processes
 * ({@link EntityNodeMain}) in a real Hazelcast cluster over one real PostgreSQL, killed
 * with SIGKILL, frozen with SIGSTOP, joined under load. Every call goes through a node's
 * control API, as a player's command would go through its node; the database's rows are
 * read directly to check who owns what ({@link TwoEntityNodes}). Bob's barrels are in
 * {@link BobTwoNodesIT}.
 */
class EntityFailoverIT extends TwoEntityNodes {
    private static final Logger log = LoggerFactory.getLogger(EntityFailoverIT.class);
    private static final Duration FAILOVER_BOUND = Duration.ofSeconds(5);

    @Test
    void countersOfAKilledNodeServeAgainOnTheSurvivorWithEveryAcknowledgedIncrement() throws Exception {
        EntityNode a = start("a", portA);
        EntityNode b = start("b", portB);
        awaitOneCluster(a.awaitUp(START_LIMIT), b.awaitUp(START_LIMIT));
        Map<String, Integer> acknowledged = new TreeMap<>();
        for (int i = 0; i < 12; i++) {
            for (int n = 0; n < 3; n++) acknowledged.put("c-" + i, a.increment("c-" + i).value());
        }
        Map<String, Row> before = rows.rows("Counter");
        List<String> onA = keysOwnedBy(a, before);
        assertThat(onA).as("counters hosted by the node to be killed").isNotEmpty();

        long killedAt = System.nanoTime();
        a.kill();
        Map<String, Duration> servedAfter = new ConcurrentHashMap<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> waits = onA.stream().<Future<?>>map(key -> callers.submit(() ->
                    Await.within(Duration.ofSeconds(20), key + " served again through " + b, () -> {
                        Reply reply = b.value(key, Duration.ofMillis(500));
                        if (!reply.ok()) return false;
                        servedAfter.put(key, Duration.ofNanos(System.nanoTime() - killedAt));
                        assertThat(reply.value()).as(key + " after the failover").isEqualTo(acknowledged.get(key));
                        return true;
                    }))).toList();
            for (Future<?> wait : waits) wait.get();
        }

        Duration last = Collections.max(servedAfter.values());
        log.info("kill -9 failover: {} counters served again through the survivor {} to {} ms after the kill",
                onA.size(), Collections.min(servedAfter.values()).toMillis(), last.toMillis());
        assertThat(last).as("time from kill -9 until every counter of the dead node answered").isLessThanOrEqualTo(FAILOVER_BOUND);
        for (String key : onA) {
            Row row = rows.row("Counter", key);
            assertThat(row.owner()).as(key + " owner").isEqualTo(b.id());
            assertThat(row.epoch()).as(key + " epoch").isEqualTo(before.get(key).epoch() + 1);
        }
        for (String key : acknowledged.keySet()) {
            assertThat(b.increment(key).value()).as(key + " counts on from its committed state").isEqualTo(acknowledged.get(key) + 1);
        }
    }

    @Test
    void movesBetweenCountersNeitherVanishNorDoubleWhenANodeIsKilledMidStream() throws Exception {
        EntityNode a = start("a", portA);
        EntityNode b = start("b", portB);
        awaitOneCluster(a.awaitUp(START_LIMIT), b.awaitUp(START_LIMIT));
        List<String> keys = IntStream.range(0, 16).mapToObj(i -> "m-" + i).toList();
        for (String key : keys) {
            for (int n = 0; n < 10; n++) a.increment(key).value();
        }
        assertThat(keysOwnedBy(a, rows.rows("Counter"))).as("counters on the node to be killed").isNotEmpty();
        int total = 10 * keys.size();

        AtomicInteger acknowledged = new AtomicInteger();
        try (ExecutorService movers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Mover> streams = List.of(new Mover(a, keys, 1, acknowledged), new Mover(a, keys, 2, acknowledged),
                    new Mover(b, keys, 3, acknowledged), new Mover(b, keys, 4, acknowledged));
            streams.forEach(movers::submit);
            Await.within(Duration.ofSeconds(30), "moves acknowledged before the kill", () -> acknowledged.get() >= 150);
            a.kill();
            int atKill = acknowledged.get();
            Await.within(Duration.ofSeconds(30), "moves acknowledged through the survivor after the kill",
                    () -> acknowledged.get() >= atKill + 150);
            streams.forEach(Mover::stop);
        }

        // The dead node's transfers in flight are delivered again by the survivor after their retry time.
        Await.within(Duration.ofSeconds(40), "every transfer applied", () -> rows.pendingTransfers() == 0);
        int sum = keys.stream().mapToInt(key -> b.value(key, Duration.ofSeconds(5)).value()).sum();
        log.info("{} moves acknowledged across a kill -9; the counters still add up to {}", acknowledged.get(), sum);
        assertThat(sum).as("nothing moved vanished or arrived twice").isEqualTo(total);
    }

    @Test
    void aFrozenOwnerIsFencedOutAndNoneOfItsWritesLandWhenItWakes() throws Exception {
        EntityNode a = start("a", portA).awaitUp(START_LIMIT);
        // Both on a, the only host yet: one will have a change in flight when a freezes, one not.
        List<String> keys = List.of("busy", "idle");
        for (String key : keys) {
            for (int n = 1; n <= 3; n++) assertThat(a.increment(key).value()).isEqualTo(n);
        }
        EntityNode b = start("b", portB);
        awaitOneCluster(a, b.awaitUp(START_LIMIT));
        assertThat(keys).allSatisfy(key -> assertThat(rows.row("Counter", key).owner()).isEqualTo(a.id()));

        a.openConnections(8);
        CompletableFuture<Reply> inFlight = a.incrementSlowlyLater("busy", Duration.ofMillis(1500), Duration.ofSeconds(20));
        Await.within(Duration.ofSeconds(5), "the slow increment runs on a",
                () -> a.health().getInteger("slowCallsRunning") == 1);
        Map<String, Row> atFreeze = rows.rows("Counter");
        long frozenAt = System.nanoTime();
        a.freeze();
        // Calls that reach a while it is frozen: it handles them the moment it wakes.
        List<CompletableFuture<Reply>> queuedOnA = IntStream.range(0, 8)
                .mapToObj(i -> a.valueLater(keys.get(i % 2), Duration.ofSeconds(3))).toList();

        for (String key : keys) {
            Await.within(Duration.ofSeconds(20), "b takes " + key + " over", () -> {
                Reply reply = b.value(key, Duration.ofMillis(500));
                return reply.ok() && rows.row("Counter", key).owner().equals(b.id());
            });
        }
        long takeoverMillis = Duration.ofNanos(System.nanoTime() - frozenAt).toMillis();
        for (String key : keys) {
            assertThat(b.value(key, Duration.ofSeconds(5)).value()).as(key + " from committed state only").isEqualTo(3);
            for (int n = 4; n <= 6; n++) assertThat(b.increment(key).value()).isEqualTo(n);
        }
        Map<String, Row> afterTakeover = rows.rows("Counter");

        a.thaw();
        Reply slow = inFlight.join();
        assertThat(slow.ok()).as("the woken node's in-flight change is refused, not acknowledged: " + slow).isFalse();
        List<String> fromA = new ArrayList<>();
        for (int i = 0; i < queuedOnA.size(); i++) fromA.add(answer(keys.get(i % 2), queuedOnA.get(i).join()));
        Await.within(Duration.ofSeconds(10), "a stops hosting the counters", () -> {
            for (String key : keys) fromA.add(answer(key, a.value(key, Duration.ofSeconds(1))));
            return a.health().getInteger("active") == 0;
        });
        for (String key : keys) fromA.add(answer(key, a.value(key, Duration.ofSeconds(1))));
        log.info("SIGSTOP: b took over {} ms after the freeze; the woken node's in-flight change got {}; "
                + "answers through the woken node: {}", takeoverMillis, slow, fromA);
        assertThat(fromA).as("answers through the woken node: the new owner's value or a failure, never stale state")
                .allSatisfy(answer -> assertThat(answer).matches("(busy|idle)=(6|failed .*)"));
        assertThat(rows.rows("Counter")).as("rows after the woken node tried to save").isEqualTo(afterTakeover);
        for (String key : keys) {
            assertThat(afterTakeover.get(key).owner()).isEqualTo(b.id());
            assertThat(afterTakeover.get(key).epoch()).as(key + " epoch").isEqualTo(atFreeze.get(key).epoch() + 1);
            assertThat(afterTakeover.get(key).version()).as(key + " saves: b's three increments, nothing of a's")
                    .isEqualTo(atFreeze.get(key).version() + 3);
            assertThat(new JsonObject(afterTakeover.get(key).state()).getInteger("value")).isEqualTo(6);
            assertThat(b.increment(key).value()).as("the new owner keeps serving " + key).isEqualTo(7);
        }
    }

    private static String answer(String key, Reply reply) {
        return key + "=" + (reply.ok() ? reply.value().toString() : "failed " + reply.status() + " " + reply.body().getString("message"));
    }

    @Test
    void aNodeJoiningUnderLoadMovesNothingThatIsActive() throws Exception {
        EntityNode a = start("a", portA).awaitUp(START_LIMIT);
        List<String> steady = IntStream.range(0, 16).mapToObj(i -> "steady-" + i).toList();
        for (String key : steady) a.increment(key).value();
        Map<String, Row> before = rows.rows("Counter");

        Load load = new Load(a, steady);
        Thread loader = Thread.ofVirtual().start(load);
        EntityNode b = start("b", portB);
        awaitOneCluster(a, b.awaitUp(START_LIMIT));
        int atJoin = load.acknowledged.get();
        Await.within(Duration.ofSeconds(30), "three more rounds of calls after the join",
                () -> load.acknowledged.get() >= atJoin + 3 * steady.size() || !load.failures.isEmpty());
        for (String key : steady) {
            assertThat(b.value(key, Duration.ofSeconds(5)).ok()).as(key + " through the new node").isTrue();
        }
        load.stop = true;
        loader.join();

        assertThat(load.failures).as("calls that failed during the join").isEmpty();
        log.info("Join under load: {} calls acknowledged, {} of them after b joined", load.acknowledged.get(),
                load.acknowledged.get() - atJoin);
        assertThat(b.health().getInteger("active")).as("entities active on the new node").isZero();
        Map<String, Row> after = rows.rows("Counter");
        for (String key : steady) {
            assertThat(after.get(key).owner()).as(key + " owner").isEqualTo(a.id());
            assertThat(after.get(key).epoch()).as(key + " epoch").isEqualTo(before.get(key).epoch());
            assertThat(new JsonObject(after.get(key).state()).getInteger("value")).as(key + " value")
                    .isEqualTo(load.last.get(key));
        }

        for (int i = 0; i < 20; i++) assertThat(a.increment("new-" + i).value()).isEqualTo(1);
        Map<String, Row> placed = rows.rows("Counter");
        assertThat(IntStream.range(0, 20).mapToObj(i -> placed.get("new-" + i).owner()))
                .as("owners of new entities").contains(b.id(), a.id());
    }

    @Test
    void aRetriedCommandAppliesOnceWhenTheRetryGoesThroughTheSurvivor() throws Exception {
        EntityNode a = start("a", portA);
        EntityNode b = start("b", portB);
        awaitOneCluster(a.awaitUp(START_LIMIT), b.awaitUp(START_LIMIT));
        for (int i = 0; i < 8; i++) assertThat(a.value("ledger-" + i, Duration.ofSeconds(5)).value()).isZero();
        String key = keysOwnedBy(a, rows.rows("Counter")).getFirst();

        assertThat(a.increment(key, "pay-42", Duration.ofSeconds(5)).value()).isEqualTo(1);
        long killedAt = System.nanoTime();
        a.kill();
        Reply[] retry = new Reply[1];
        Await.within(Duration.ofSeconds(20), "the retry is answered through " + b, () -> {
            retry[0] = b.increment(key, "pay-42", Duration.ofMillis(500));
            return retry[0].ok();
        });
        log.info("Command retry answered through the survivor {} ms after the kill", Duration.ofNanos(System.nanoTime() - killedAt).toMillis());

        assertThat(retry[0].value()).as("the retry gets the first answer").isEqualTo(1);
        assertThat(b.value(key, Duration.ofSeconds(5)).value()).as("applied once").isEqualTo(1);
        assertThat(b.increment(key, "pay-42", Duration.ofSeconds(5)).value()).as("and once more").isEqualTo(1);
        assertThat(b.increment(key).value()).as("a new call applies").isEqualTo(2);
        assertThat(new JsonObject(rows.row("Counter", key).state()).getInteger("value")).isEqualTo(2);
    }

    /** Increments each counter in turn through one node until stopped, remembering every answer. */
    private static final class Load implements Runnable {
        final EntityNode node;
        final List<String> keys;
        final AtomicInteger acknowledged = new AtomicInteger();
        final Map<String, Integer> last = new ConcurrentHashMap<>();
        final List<Reply> failures = Collections.synchronizedList(new ArrayList<>());
        volatile boolean stop;

        Load(EntityNode node, List<String> keys) {
            this.node = node;
            this.keys = keys;
        }

        @Override
        public void run() {
            for (int i = 0; !stop; i++) {
                String key = keys.get(i % keys.size());
                Reply reply = node.increment(key);
                if (!reply.ok()) {
                    failures.add(reply);
                    return;
                }
                last.put(key, reply.value());
                acknowledged.incrementAndGet();
            }
        }
    }

    /** Moves one unit between random counters through one node until stopped; failed moves are not acknowledged. */
    private static final class Mover implements Runnable {
        private final EntityNode node;
        private final List<String> keys;
        private final Random random;
        private final AtomicInteger acknowledged;
        private volatile boolean stopped;

        Mover(EntityNode node, List<String> keys, long seed, AtomicInteger acknowledged) {
            this.node = node;
            this.keys = keys;
            this.random = new Random(seed);
            this.acknowledged = acknowledged;
        }

        void stop() {
            stopped = true;
        }

        @Override
        public void run() {
            while (!stopped) {
                String from = keys.get(random.nextInt(keys.size()));
                String to = keys.get(random.nextInt(keys.size()));
                if (node.move(from, to, 1).ok()) acknowledged.incrementAndGet();
            }
        }
    }
}
