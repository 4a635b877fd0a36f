package dev.hearth.runtime.entity.engine;

import dev.hearth.runtime.entity.EntityContext;
import dev.hearth.runtime.entity.EntityRuntimeOptions;
import dev.hearth.runtime.entity.EntityType;
import dev.hearth.runtime.entity.Timers;
import dev.hearth.runtime.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static dev.hearth.runtime.entity.engine.TestNodes.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Timers: ticks are turns of their entity, committed like calls, and end with the activation. */
class EntityTimersTest {
    private final TestNodes nodes = new TestNodes();

    public interface Kettle {
        /** Boils once, after {@code millis}. */
        Future<Void> boilIn(long millis);

        /** Adds a tick every {@code millis}. */
        Future<Void> tickEvery(long millis);

        /** Stops the ticks; a check {@code millis} later records how many there were by then. */
        Future<Integer> stopTickingAndCheckIn(long millis);

        /** In {@code millis}, a tick that takes {@code busyMillis} to finish. */
        Future<Void> slowTickIn(long millis, long busyMillis);

        /** Whether a tick is running now: never, when a call can ask. */
        Future<Boolean> tickRunning();

        /** In {@code millis}, a tick that asks another kettle, awaiting it straight-line. */
        Future<Void> askIn(long millis, String other);

        Future<KettleEntity.State> look();
    }

    public static final class KettleEntity implements Kettle {
        /** @param checked ticks seen by the check after stopping; -1 before it ran */
        public record State(boolean boiled, int ticks, int checked, int slowTicks, String answer) {
        }

        private final EntityContext<State> self;
        private Timers.Timer ticker;
        private boolean ticking;

        KettleEntity(EntityContext<State> self) {
            this.self = self;
        }

        static EntityType<Kettle, State> type() {
            return EntityType.of(Kettle.class, State.class, KettleEntity::new)
                    .initialState(() -> new State(false, 0, -1, 0, null));
        }

        private void update(UnaryOperator<State> change) {
            self.setState(change.apply(self.state()));
        }

        @Override
        public Future<Void> boilIn(long millis) {
            self.timers().once(Duration.ofMillis(millis), () -> update(s -> new State(true, s.ticks(), s.checked(), s.slowTicks(), s.answer())));
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> tickEvery(long millis) {
            ticker = self.timers().every(Duration.ofMillis(millis),
                    () -> update(s -> new State(s.boiled(), s.ticks() + 1, s.checked(), s.slowTicks(), s.answer())));
            return Future.succeededFuture();
        }

        @Override
        public Future<Integer> stopTickingAndCheckIn(long millis) {
            ticker.cancel();
            self.timers().once(Duration.ofMillis(millis),
                    () -> update(s -> new State(s.boiled(), s.ticks(), s.ticks(), s.slowTicks(), s.answer())));
            return Future.succeededFuture(self.state().ticks());
        }

        @Override
        public Future<Void> slowTickIn(long millis, long busyMillis) {
            self.timers().once(Duration.ofMillis(millis), () -> {
                ticking = true;
                Promise<Void> done = Promise.promise();
                Vertx.currentContext().owner().setTimer(busyMillis, t -> {
                    ticking = false;
                    update(s -> new State(s.boiled(), s.ticks(), s.checked(), s.slowTicks() + 1, s.answer()));
                    done.complete();
                });
                return done.future();
            });
            return Future.succeededFuture();
        }

        @Override
        public Future<Boolean> tickRunning() {
            return Future.succeededFuture(ticking);
        }

        @Override
        public Future<Void> askIn(long millis, String other) {
            self.timers().once(Duration.ofMillis(millis), () -> {
                boolean boiled = self.ref(Kettle.class, other).look().await().boiled();
                update(s -> new State(s.boiled(), s.ticks(), s.checked(), s.slowTicks(), other + (boiled ? " boiled" : " cold")));
            });
            return Future.succeededFuture();
        }

        @Override
        public Future<State> look() {
            return Future.succeededFuture(self.state());
        }
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    @Test
    void aTimersTickChangesStateThatIsCommittedLikeACalls() {
        Kettle kettle = node(KettleEntity.type()).ref(Kettle.class, "tea");
        await(kettle.boilIn(100));
        Await.within(TestNodes.WAIT, "the kettle to boil, in the database",
                () -> nodes.row("Kettle", "tea").state() instanceof JsonObject state && state.getBoolean("boiled"));
        assertThat(await(kettle.look()).boiled()).isTrue();
    }

    @Test
    void aPeriodicTimerTicksUntilCancelledAndNotOnceAfter() {
        Kettle kettle = node(KettleEntity.type()).ref(Kettle.class, "clock");
        await(kettle.tickEvery(30));
        Await.within(TestNodes.WAIT, "three ticks", () -> await(kettle.look()).ticks() >= 3);

        int atStop = await(kettle.stopTickingAndCheckIn(200));
        Await.within(TestNodes.WAIT, "the check after stopping", () -> await(kettle.look()).checked() >= 0);
        assertThat(await(kettle.look()).checked()).as("ticks 200 ms after cancelling a 30 ms timer").isEqualTo(atStop);
    }

    @Test
    void aTickNeverRunsBesideACall() {
        Kettle kettle = node(KettleEntity.type()).ref(Kettle.class, "busy");
        await(kettle.slowTickIn(50, 300));
        List<Boolean> seen = new ArrayList<>();
        while (await(kettle.look()).slowTicks() == 0) seen.add(await(kettle.tickRunning()));
        assertThat(seen).isNotEmpty().containsOnly(false);
    }

    @Test
    void aTimerDoesNotKeepItsEntityActiveAndEndsWithIt() {
        EntityRuntime node = node(KettleEntity.type().idleAfter(Duration.ofMillis(200)));
        await(node.ref(Kettle.class, "forgotten").tickEvery(20));
        Await.within(TestNodes.WAIT, "the ticking kettle to be deactivated", () -> node.activeCount() == 0);

        int saved = nodes.row("Kettle", "forgotten").state().getInteger("ticks");
        assertThat(saved).as("ticks were committed until it left").isPositive();
        assertThat(await(node.ref(Kettle.class, "forgotten").look()).ticks()).as("no timer came back with it").isEqualTo(saved);
    }

    @Test
    void aTickOnVirtualThreadsMayAwaitOtherEntities() {
        EntityRuntime node = node(KettleEntity.type().virtualThreads());
        Kettle kettle = node.ref(Kettle.class, "asker");
        await(node.ref(Kettle.class, "pot").boilIn(0));
        Await.within(TestNodes.WAIT, "the pot to boil", () -> await(node.ref(Kettle.class, "pot").look()).boiled());

        await(kettle.askIn(50, "pot"));
        Await.within(TestNodes.WAIT, "the answer", () -> "pot boiled".equals(await(kettle.look()).answer()));
    }

    private EntityRuntime node(EntityType<?, ?>... types) {
        return nodes.start("node-a", EntityRuntimeOptions.defaults().withIdleCheckEvery(Duration.ofMillis(50))
                .withCallTimeout(Duration.ofSeconds(5)), List.of(types));
    }
}
