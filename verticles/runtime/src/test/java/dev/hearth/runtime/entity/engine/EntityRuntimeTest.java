package dev.hearth.runtime.entity.engine;

import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.entity.CallOptions;
import dev.hearth.runtime.entity.CallTimeoutException;
import dev.hearth.runtime.entity.EntityContext;
import dev.hearth.runtime.entity.EntityFailedException;
import dev.hearth.runtime.entity.EntityRuntimeOptions;
import dev.hearth.runtime.entity.EntityType;
import dev.hearth.runtime.entity.Ref;
import dev.hearth.runtime.entity.example.Barrel;
import dev.hearth.runtime.entity.example.BarrelEntity;
import dev.hearth.runtime.entity.example.Player;
import dev.hearth.runtime.entity.example.PlayerEntity;
import dev.hearth.runtime.entity.store.PgEntityStore;
import dev.hearth.runtime.testing.Await;
import dev.hearth.runtime.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The runtime against a real PostgreSQL. "Two nodes" here are two runtimes with their own
 * node ids and leases on one Vert.x: calls between them go over the event bus and through
 * the codec, as between machines. Process-level failures are in the node module's ITs.
 */
class EntityRuntimeTest {
    private Vertx vertx;
    private Pool pool;
    private final List<EntityRuntime> runtimes = new ArrayList<>();

    /** Calls itself back through another entity: A -> B -> A. */
    public interface Echo {
        Future<String> ping(String via, int depth);

        Future<Void> hang();

        Future<Integer> failAfterChange();

        Future<Integer> counter();
    }

    public static final class EchoEntity implements Echo {
        public record State(int counter) {
        }

        static final EntityType<Echo, State> TYPE = EntityType.of(Echo.class, State.class, EchoEntity::new)
                .initialState(() -> new State(0));

        private final EntityContext<State> self;

        EchoEntity(EntityContext<State> self) {
            this.self = self;
        }

        @Override
        public Future<String> ping(String via, int depth) {
            if (depth == 0) return Future.succeededFuture(self.key());
            return self.ref(Echo.class, via).ping(self.key(), depth - 1).map(inner -> self.key() + ">" + inner);
        }

        @Override
        public Future<Void> hang() {
            return Promise.<Void>promise().future();
        }

        @Override
        public Future<Integer> failAfterChange() {
            self.setState(new State(self.state().counter() + 100));
            return Future.failedFuture(new IllegalStateException("no such luck"));
        }

        @Override
        public Future<Integer> counter() {
            int next = self.state().counter() + 1;
            self.setState(new State(next));
            return Future.succeededFuture(next);
        }
    }

    @BeforeEach
    void start() {
        DatabaseUrl db = TestDatabase.fresh();
        vertx = Vertx.vertx();
        pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(8)).connectingTo(db.connectOptions()).using(vertx).build();
    }

    @AfterEach
    void stop() throws Exception {
        for (EntityRuntime runtime : runtimes) await(runtime.close());
        await(pool.close());
        await(vertx.close());
    }

    private EntityRuntime node(String id) throws Exception {
        EntityRuntime runtime = await(EntityRuntime.start(vertx, new PgEntityStore(pool),
                List.of(BarrelEntity.TYPE, PlayerEntity.TYPE, EchoEntity.TYPE),
                EntityRuntimeOptions.defaults().withNodeId(id).withCallTimeout(Duration.ofSeconds(5))));
        runtimes.add(runtime);
        return runtime;
    }

    @Test
    void bobSlaysThirtyBarrelsSpreadOverTwoNodes() throws Exception {
        EntityRuntime a = node("node-a");
        EntityRuntime b = node("node-b");
        awaitBothSeeBoth(a, b);
        List<Ref<Barrel>> barrels = IntStream.range(0, 30).mapToObj(i -> a.refOf(Barrel.class, "barrel-" + i)).toList();
        Player bob = a.ref(Player.class, "Bob: Slayer of armoured cylinders");

        assertThat(await(bob.enterLevel(barrels))).isEqualTo(30);
        assertThat(await(bob.enterLevel(barrels))).as("exploded barrels stay exploded").isEqualTo(30);
        assertThat(await(b.ref(Player.class, "Bob: Slayer of armoured cylinders").score())).isEqualTo(30);
        assertThat(a.activeCount()).as("barrels on node a").isGreaterThan(1);
        assertThat(b.activeCount()).as("barrels on node b").isGreaterThan(1);
        assertThat(a.activeCount() + b.activeCount()).isEqualTo(31);
    }

    @Test
    void stateSurvivesDeactivationAndANewNode() throws Exception {
        EntityRuntime first = node("node-1");
        Echo echo = first.ref(Echo.class, "counter");
        assertThat(await(echo.counter())).isEqualTo(1);
        assertThat(await(echo.counter())).isEqualTo(2);
        await(first.close());
        runtimes.remove(first);

        EntityRuntime second = node("node-2");
        assertThat(await(second.ref(Echo.class, "counter").counter())).isEqualTo(3);
    }

    @Test
    void concurrentFirstCallsFromTwoNodesMeetOneActivation() throws Exception {
        EntityRuntime a = node("node-a");
        EntityRuntime b = node("node-b");
        awaitBothSeeBoth(a, b);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(a.ref(Echo.class, "contended").counter());
            calls.add(b.ref(Echo.class, "contended").counter());
        }
        await(Future.all(calls));
        assertThat(calls.stream().map(Future::result).distinct().count()).as("every increment seen once").isEqualTo(100);
        assertThat(await(a.ref(Echo.class, "contended").counter())).isEqualTo(101);
        assertThat(a.activeCount() + b.activeCount()).isEqualTo(1);
    }

    @Test
    void aCallChainMayComeBackToAnEntityItPassedThrough() throws Exception {
        EntityRuntime a = node("node-a");
        assertThat(await(a.ref(Echo.class, "A").ping("B", 2))).isEqualTo("A>B>A");
    }

    @Test
    void aRetriedCommandAppliesOnce() throws Exception {
        EntityRuntime a = node("node-a");
        Echo once = a.ref(Echo.class, "ledger", CallOptions.command("pay-42"));
        assertThat(await(once.counter())).isEqualTo(1);
        assertThat(await(once.counter())).as("the retry gets the first answer").isEqualTo(1);
        assertThat(await(a.ref(Echo.class, "ledger").counter())).isEqualTo(2);
    }

    @Test
    void aFailedCallChangesNothingAndSaysWhy() throws Exception {
        EntityRuntime a = node("node-a");
        Echo echo = a.ref(Echo.class, "careful");
        assertThat(await(echo.counter())).isEqualTo(1);
        assertThatThrownBy(() -> await(echo.failAfterChange()))
                .hasCauseInstanceOf(EntityFailedException.class).hasMessageContaining("no such luck");
        assertThat(await(echo.counter())).isEqualTo(2);
    }

    @Test
    void aCallThatNeverAnswersTimesOutNamingTheChain() throws Exception {
        EntityRuntime a = node("node-a");
        Echo stuck = a.ref(Echo.class, "stuck", CallOptions.timeout(Duration.ofMillis(300)));
        // The runtime's own timeout (5 s) bounds how long closing waits for the stuck call.
        assertThatThrownBy(() -> await(stuck.hang()))
                .hasCauseInstanceOf(CallTimeoutException.class).hasMessageContaining("Echo/stuck.hang");
    }

    private static void awaitBothSeeBoth(EntityRuntime a, EntityRuntime b) {
        Await.within(Duration.ofSeconds(5), "both nodes see both leases",
                () -> a.liveHosts().size() == 2 && b.liveHosts().size() == 2);
    }

    private static <T> T await(Future<T> future) throws Exception {
        try {
            return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e;
        }
    }
}
