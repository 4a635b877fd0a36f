package dev.hearth.runtime.entity.engine;

import dev.hearth.runtime.entity.EntityContext;
import dev.hearth.runtime.entity.EntityRuntimeOptions;
import dev.hearth.runtime.entity.EntityType;
import dev.hearth.runtime.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.hearth.runtime.entity.engine.TestNodes.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Idle deactivation, write-behind and graceful close, seen in the database. */
class EntityLifecycleTest {
    private static final Duration IDLE = Duration.ofMillis(200);
    private final TestNodes nodes = new TestNodes();

    public interface Counter {
        Future<Integer> add(int n);
    }

    public static final class CounterEntity implements Counter {
        public record State(int total) {
        }

        private final EntityContext<State> self;

        CounterEntity(EntityContext<State> self) {
            this.self = self;
        }

        static EntityType<Counter, State> type() {
            return EntityType.of(Counter.class, State.class, CounterEntity::new).initialState(() -> new State(0));
        }

        @Override
        public Future<Integer> add(int n) {
            self.setState(new State(self.state().total() + n));
            return Future.succeededFuture(self.state().total());
        }
    }

    /** Cheap to lose: a write-behind type. */
    public interface Position {
        Future<Void> moveTo(int x);
    }

    public static final class PositionEntity implements Position {
        public record State(int x) {
        }

        private final EntityContext<State> self;

        PositionEntity(EntityContext<State> self) {
            this.self = self;
        }

        static EntityType<Position, State> type(Duration writeBehind) {
            return EntityType.of(Position.class, State.class, PositionEntity::new).initialState(() -> new State(0))
                    .writeBehind(writeBehind);
        }

        @Override
        public Future<Void> moveTo(int x) {
            self.setState(new State(x));
            return Future.succeededFuture();
        }
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    @Test
    void anIdleEntityIsSavedReleasedAndDeactivatedAndComesBackWithItsState() {
        EntityRuntime node = node(CounterEntity.type().idleAfter(IDLE));
        Counter counter = node.ref(Counter.class, "idle");
        assertThat(await(counter.add(2))).isEqualTo(2);
        assertThat(await(counter.add(3))).isEqualTo(5);
        assertThat(node.activeCount()).isEqualTo(1);

        Await.within(TestNodes.WAIT, "the idle counter to leave", () -> node.activeCount() == 0);
        TestNodes.Stored left = nodes.row("Counter", "idle");
        assertThat(left.owner()).as("released").isNull();
        assertThat(left.state()).isEqualTo(new JsonObject().put("total", 5));

        assertThat(await(counter.add(1))).isEqualTo(6);
        assertThat(node.activeCount()).isEqualTo(1);
        assertThat(nodes.row("Counter", "idle").owner()).isEqualTo("node-a");
    }

    @Test
    void idleDeactivationSavesAWriteBehindChangeBeforeLeaving() {
        EntityRuntime node = node(PositionEntity.type(Duration.ofMinutes(1)).idleAfter(IDLE));
        await(node.ref(Position.class, "cart").moveTo(7));
        assertThat(nodes.row("Position", "cart").state()).as("not saved yet: a minute may pass first").isNull();

        Await.within(TestNodes.WAIT, "the idle cart to leave", () -> node.activeCount() == 0);
        TestNodes.Stored left = nodes.row("Position", "cart");
        assertThat(left.state()).isEqualTo(new JsonObject().put("x", 7));
        assertThat(left.owner()).isNull();
    }

    @Test
    void aWriteBehindCallRepliesBeforeItsCommitWhichLandsWithinTheBound() {
        Duration bound = Duration.ofMillis(500);
        EntityRuntime node = node(PositionEntity.type(bound));
        Position cart = node.ref(Position.class, "cart");
        await(cart.moveTo(1)); // activated
        Await.within(TestNodes.WAIT, "the first move to be saved", () -> nodes.row("Position", "cart").version() == 1);

        long called = System.nanoTime();
        await(cart.moveTo(2));
        assertThat(nodes.row("Position", "cart").state()).as("replied before the commit").isEqualTo(new JsonObject().put("x", 1));
        // The bound, plus the commit window and a round trip to the database on a busy machine.
        Await.within(bound.plusSeconds(2), "the second move to reach the database",
                () -> nodes.row("Position", "cart").state().getInteger("x") == 2);
        assertThat(Duration.ofNanos(System.nanoTime() - called)).isGreaterThanOrEqualTo(bound.minusMillis(20));
    }

    @Test
    void closingSavesAndReleasesEveryActivationAndEndsTheLease() {
        EntityRuntime node = node(CounterEntity.type(), PositionEntity.type(Duration.ofMinutes(1)));
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(node.ref(Counter.class, "c" + i).add(i));
            calls.add(node.ref(Position.class, "p" + i).moveTo(i));
        }
        await(Future.all(calls));
        assertThat(node.activeCount()).isEqualTo(20);

        nodes.close(node);
        assertThat(node.activeCount()).isZero();
        for (int i = 0; i < 10; i++) {
            TestNodes.Stored counter = nodes.row("Counter", "c" + i);
            TestNodes.Stored position = nodes.row("Position", "p" + i);
            assertThat(counter.owner()).isNull();
            assertThat(counter.state()).isEqualTo(new JsonObject().put("total", i));
            assertThat(position.owner()).isNull();
            assertThat(position.state()).as("a write-behind change pending at close").isEqualTo(new JsonObject().put("x", i));
        }
        assertThat(await(nodes.store.liveHosts())).isEmpty();
    }

    private EntityRuntime node(EntityType<?, ?>... types) {
        return nodes.start("node-a", EntityRuntimeOptions.defaults().withIdleCheckEvery(Duration.ofMillis(50))
                .withCallTimeout(Duration.ofSeconds(5)), List.of(types));
    }
}
