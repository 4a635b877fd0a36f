package dev.hearth.runtime.entity.bench;

import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.entity.EntityContext;
import dev.hearth.runtime.entity.EntityId;
import dev.hearth.runtime.entity.EntityRuntimeOptions;
import dev.hearth.runtime.entity.EntityType;
import dev.hearth.runtime.entity.engine.EntityRuntime;
import dev.hearth.runtime.entity.store.PgEntityStore;
import dev.hearth.runtime.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Entity runtime benchmarks, run by scripts/bench-entities.sh (not a test: numbers go to
 * docs/benchmarks.md). Each scenario prints one line: what, how many, per second, CPU per op.
 */
public final class EntityBench {

    public interface Counter {
        Future<Integer> read();

        Future<Integer> add(String payload);
    }

    public static final class CounterEntity implements Counter {
        public record State(int count, String payload) {
        }

        static final EntityType<Counter, State> TYPE = EntityType.of(Counter.class, State.class, CounterEntity::new)
                .initialState(() -> new State(0, ""));

        private final EntityContext<State> self;

        CounterEntity(EntityContext<State> self) {
            this.self = self;
        }

        @Override
        public Future<Integer> read() {
            return Future.succeededFuture(self.state().count());
        }

        @Override
        public Future<Integer> add(String payload) {
            State next = new State(self.state().count() + 1, payload);
            self.setState(next);
            return Future.succeededFuture(next.count());
        }
    }

    private static BenchLoad load;

    public static void main(String[] args) throws Exception {
        List<String> only = Arrays.asList(args);
        DatabaseUrl db = TestDatabase.fresh();
        load = new BenchLoad(List.of(new BenchLoad.OtherCpu("PostgreSQL us/op", () -> BenchLoad.postgresCpuNanos(db.port()))));
        Vertx vertx = Vertx.vertx();
        Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(8)).connectingTo(db.connectOptions()).using(vertx).build();
        // As a node does: leases on connections of their own, so renewals never queue behind the load.
        Pool leases = PgBuilder.pool().with(new PoolOptions().setMaxSize(2)).connectingTo(db.connectOptions()).using(vertx).build();
        EntityRuntime a = start(vertx, new PgEntityStore(pool, leases), "bench-a");
        EntityRuntime b = start(vertx, new PgEntityStore(pool, leases), "bench-b");
        while (a.liveHosts().size() < 2 || b.liveHosts().size() < 2) TimeUnit.MILLISECONDS.sleep(50);
        load.printHeader();
        if (only.isEmpty() || only.contains("local")) local(vertx, a);
        if (only.isEmpty() || only.contains("remote")) remote(vertx, a, b);
        if (only.isEmpty() || only.contains("activations")) activations(a);
        if (only.isEmpty() || only.contains("saves")) saves(vertx, a);
        a.close().await();
        b.close().await();
        pool.close().await();
        leases.close().await();
        vertx.close().await();
    }

    private static EntityRuntime start(Vertx vertx, PgEntityStore store, String node) throws Exception {
        return EntityRuntime.start(vertx, store, List.of(CounterEntity.TYPE),
                EntityRuntimeOptions.defaults().withNodeId(node)).toCompletionStage().toCompletableFuture().get();
    }

    /** Calls from the entity's own event loop, one after another: the cost of the call path itself. */
    private static void local(Vertx vertx, EntityRuntime a) throws Exception {
        String key = keyActiveOn(a, "local-");
        for (int round = 0; round < 3; round++) {
            long calls = 2_000_000;
            load.measure(round < 2 ? null : "local call, same event loop", calls, () -> inContextOf(vertx, a, key, calls));
        }
    }

    /** A key (with this prefix) of an entity that placement puts on {@code node}, activated there. */
    private static String keyActiveOn(EntityRuntime node, String prefix) {
        for (int i = 0; ; i++) {
            String key = prefix + i;
            node.ref(Counter.class, key).read().await();
            if (node.activeIds().contains(new EntityId("Counter", key))) return key;
        }
    }

    /** Runs {@code calls} sequential calls on the event loop that hosts the entity. */
    private static CompletableFuture<Void> inContextOf(Vertx vertx, EntityRuntime a, String key, long calls) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Counter counter = a.ref(Counter.class, key);
        a.homeContext(Counter.class, key).runOnContext(v -> loop(counter, calls, done));
        return done;
    }

    private static void loop(Counter counter, long remaining, CompletableFuture<Void> done) {
        long left = remaining;
        while (left > 0) {
            Future<Integer> f = counter.read();
            left--;
            if (!f.isComplete()) {
                long rest = left;
                f.onComplete(ar -> loop(counter, rest, done));
                return;
            }
        }
        done.complete(null);
    }

    /** Calls to entities on the other runtime, through the event bus and the codec, many in flight. */
    private static void remote(Vertx vertx, EntityRuntime a, EntityRuntime b) throws Exception {
        List<Counter> targets = new ArrayList<>();
        while (targets.size() < 64) targets.add(a.ref(Counter.class, keyActiveOn(b, "remote-" + targets.size() + "-")));
        for (int round = 0; round < 3; round++) {
            long calls = 200_000;
            load.measure(round < 2 ? null : "remote call (other runtime, event bus + codec)", calls,
                    () -> BenchLoad.closedLoop(targets, calls, 256, Counter::read));
        }
    }

    private static void activations(EntityRuntime a) throws Exception {
        long count = 20_000;
        List<Counter> fresh = new ArrayList<>();
        for (int i = 0; i < count; i++) fresh.add(a.ref(Counter.class, "fresh-" + i));
        load.measure("activations (claim + first call)", count, () -> BenchLoad.closedLoop(fresh, count, 64, Counter::read));
    }

    /**
     * Committed 1 KB saves on entities active on this runtime (so no call crosses the event
     * bus): first as many as the group commit takes with 512 in flight, then open-loop at
     * fixed offered rates, where latency counts from when each call was due.
     */
    private static void saves(Vertx vertx, EntityRuntime a) throws Exception {
        String kilobyte = "x".repeat(1000);
        List<Counter> writers = new ArrayList<>();
        while (writers.size() < 2000) writers.add(a.ref(Counter.class, keyActiveOn(a, "writer-" + writers.size() + "-")));
        for (int round = 0; round < 2; round++) {
            long count = 100_000;
            BenchLoad.Latencies latencies = new BenchLoad.Latencies((int) count);
            load.measure(round < 1 ? null : "committed 1 KB saves (512 in flight)", count,
                    () -> BenchLoad.closedLoop(writers, count, 512, c -> latencies.time(c.add(kilobyte))));
            if (round == 1) latencies.print("  commit latency");
        }
        load.openLoops("committed 1 KB saves", vertx, writers, new int[]{10_000, 20_000, 30_000}, c -> c.add(kilobyte));
    }
}
