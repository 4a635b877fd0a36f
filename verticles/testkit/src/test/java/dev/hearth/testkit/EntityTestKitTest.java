package dev.hearth.testkit;

import dev.hearth.runtime.entity.CallOptions;
import dev.hearth.runtime.entity.CallTimeoutException;
import dev.hearth.runtime.entity.EntityContext;
import dev.hearth.runtime.entity.EntityFailedException;
import dev.hearth.runtime.entity.EntityType;
import dev.hearth.runtime.entity.Ref;
import dev.hearth.runtime.entity.example.Barrel;
import dev.hearth.runtime.entity.example.BarrelEntity;
import dev.hearth.runtime.entity.example.Player;
import dev.hearth.runtime.entity.example.PlayerEntity;
import dev.hearth.testkit.example.FakeBarrel;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the kit promises: the production engine's behaviour, a clock to move, fakes, and state to look at. */
class EntityTestKitTest {

    /** Spends a shell, then hits a barrel: it changes its state before it calls another entity. */
    public interface Cannon {
        Future<Boolean> fireAt(Ref<Barrel> barrel);

        Future<Integer> shells();

        /** Spends a shell and sends the hit as a transfer: the barrel is hit exactly once. */
        Future<Void> lob(Ref<Barrel> barrel);
    }

    public static final class CannonEntity implements Cannon {
        public record State(int shells) {
        }

        static final EntityType<Cannon, State> TYPE = EntityType.of(Cannon.class, State.class, CannonEntity::new)
                .initialState(() -> new State(10));

        private final EntityContext<State> self;

        CannonEntity(EntityContext<State> self) {
            this.self = self;
        }

        @Override
        public Future<Boolean> fireAt(Ref<Barrel> barrel) {
            self.setState(new State(self.state().shells() - 1));
            return barrel.get().onHit();
        }

        @Override
        public Future<Void> lob(Ref<Barrel> barrel) {
            self.setState(new State(self.state().shells() - 1));
            self.transfer(barrel, Barrel::onHit);
            return Future.succeededFuture();
        }

        @Override
        public Future<Integer> shells() {
            return Future.succeededFuture(self.state().shells());
        }
    }

    @AutoClose
    private final EntityTestKit kit = new EntityTestKit();

    @Test
    void callsToOneEntityTakeTurns() {
        Promise<Void> hit = Promise.promise();
        Promise<Boolean> answer = Promise.promise();
        kit.register(PlayerEntity.TYPE).fake(Barrel.class, key -> new FakeBarrel(() -> {
            hit.tryComplete();
            return answer.future();
        }));
        Player bob = kit.ref(Player.class, "bob");

        Future<Integer> level = bob.enterLevel(List.of(kit.refOf(Barrel.class, "slow")));
        kit.await(hit.future()); // bob is now inside his turn, waiting for the barrel
        Future<Integer> score = bob.score();
        answer.complete(true);

        assertThat(kit.await(level)).isEqualTo(1);
        assertThat(kit.await(score)).as("score() waited for enterLevel's turn to end").isEqualTo(1);
    }

    @Test
    void aCallChainMayComeBackToTheEntityThatStartedIt() {
        // Each barrel asks bob for his score while bob is still waiting for that barrel.
        kit.register(PlayerEntity.TYPE).fake(Barrel.class, key -> new FakeBarrel(
                () -> kit.ref(Player.class, "bob").score().map(score -> score == 0)));

        assertThat(kit.await(kit.ref(Player.class, "bob").enterLevel(
                List.of(kit.refOf(Barrel.class, "a"), kit.refOf(Barrel.class, "b"))))).isEqualTo(2);
    }

    @Test
    void aCallAnswersOnlyOnceItsChangeIsCommitted() {
        kit.register(CannonEntity.TYPE).fake(Barrel.class, key -> FakeBarrel.exploding());

        kit.await(kit.ref(Cannon.class, "north").fireAt(kit.refOf(Barrel.class, "b")));

        assertThat(kit.state(CannonEntity.TYPE, "north")).isEqualTo(new CannonEntity.State(9));
    }

    @Test
    void aTransferReachesTheFakeItWasSentTo() {
        kit.register(CannonEntity.TYPE).fake(Barrel.class, key -> FakeBarrel.exploding());

        kit.await(kit.ref(Cannon.class, "north").lob(kit.refOf(Barrel.class, "b")));

        assertThat(kit.state(CannonEntity.TYPE, "north")).isEqualTo(new CannonEntity.State(9));
        long deadline = System.nanoTime() + EntityTestKit.AWAIT_TIMEOUT.toNanos();
        while (kit.calls(Barrel.class).isEmpty() && System.nanoTime() < deadline) Thread.onSpinWait();
        assertThat(kit.calls(Barrel.class)).extracting(Call::toString).containsExactly("b.onHit()");
    }

    @Test
    void aFailedCallRollsBackWhatItChanged() {
        kit.register(CannonEntity.TYPE).fake(Barrel.class, key -> FakeBarrel.jammed());
        Cannon cannon = kit.ref(Cannon.class, "north");

        assertThatThrownBy(() -> kit.await(cannon.fireAt(kit.refOf(Barrel.class, "b"))))
                .isInstanceOf(EntityFailedException.class).hasMessageContaining("jammed");

        assertThat(kit.await(cannon.shells())).as("the shell spent before the failure is back").isEqualTo(10);
        assertThat(kit.state(CannonEntity.TYPE, "north")).as("nothing was ever committed").isNull();
    }

    @Test
    void aCallThatNeverAnswersFailsWithTheEnginesTimeoutNamingTheChain() {
        Promise<Boolean> never = Promise.promise();
        kit.register(PlayerEntity.TYPE).fake(Barrel.class, key -> FakeBarrel.answering(never.future()));
        Player impatient = kit.ref(Player.class, "bob", CallOptions.timeout(Duration.ofMillis(200)));

        assertThatThrownBy(() -> kit.await(impatient.enterLevel(List.of(kit.refOf(Barrel.class, "stuck")))))
                .isInstanceOf(CallTimeoutException.class).hasMessageContaining("Player/bob.enterLevel");
        never.complete(false); // lets bob's turn end, so the kit closes at once
    }

    @Test
    void callsToFakesAreRecordedWithKeyMethodAndArguments() {
        Player fakePlayer = new Player() {
            @Override
            public Future<Integer> enterLevel(List<Ref<Barrel>> barrels) {
                return Future.succeededFuture(barrels.size());
            }

            @Override
            public Future<Integer> score() {
                return Future.succeededFuture(0);
            }
        };
        kit.fake(Player.class, key -> fakePlayer).fake(Barrel.class, key -> FakeBarrel.dud());
        List<Ref<Barrel>> barrels = List.of(kit.refOf(Barrel.class, "b1"), kit.refOf(Barrel.class, "b2"));

        assertThat(kit.await(kit.ref(Player.class, "alice").enterLevel(barrels))).isEqualTo(2);
        kit.await(kit.ref(Player.class, "carol").score());

        assertThat(kit.calls(Player.class)).containsExactly(
                new Call("alice", "enterLevel", List.of(barrels)),
                new Call("carol", "score", List.of()));
    }

    @Test
    void idleEntitiesAreDeactivatedWhenTheClockPassesTheirIdleAge() {
        kit.register(PlayerEntity.TYPE, BarrelEntity.TYPE);
        Player bob = kit.ref(Player.class, "bob");
        kit.await(bob.enterLevel(List.of(kit.refOf(Barrel.class, "b"))));

        kit.advance(EntityType.DEFAULT_IDLE_AFTER.minusMinutes(1));
        assertThat(kit.activeCount()).as("not idle long enough").isEqualTo(2);

        kit.advance(Duration.ofMinutes(2));
        assertThat(kit.activeCount()).isZero();
        assertThat(kit.await(bob.score())).as("saved before it left").isEqualTo(1);
    }

    @Test
    void awaitSaysWhenNothingAnswers() {
        assertThatThrownBy(() -> kit.await(Promise.promise().future(), Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("did not complete within 50 ms");
    }

    @Test
    void misusesAreRefusedWithAReason() {
        kit.register(PlayerEntity.TYPE).fake(Barrel.class, key -> FakeBarrel.dud());
        assertThatThrownBy(() -> kit.register(BarrelEntity.TYPE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Barrel is registered or faked already");
        kit.ref(Player.class, "bob");
        assertThatThrownBy(() -> kit.register(CannonEntity.TYPE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("before the first call");
        assertThatThrownBy(() -> kit.ref(Cannon.class, "north"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a registered entity type");
        assertThatThrownBy(() -> kit.calls(Player.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Player is not faked");
        assertThatThrownBy(() -> kit.state(BarrelEntity.TYPE, "b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Barrel is not registered");
    }

    @Test
    void aKitOnTheCallersVertxLeavesItRunning() {
        Vertx vertx = Vertx.vertx();
        try {
            try (EntityTestKit borrowed = new EntityTestKit(vertx)) {
                borrowed.register(PlayerEntity.TYPE);
                assertThat(borrowed.await(borrowed.ref(Player.class, "bob").score())).isZero();
            }
            String fired = kit.await(vertx.timer(1).map(done -> "fired"));
            assertThat(fired).as("the Vert.x still runs timers").isEqualTo("fired");
        } finally {
            kit.await(vertx.close());
        }
    }

    @Test
    void theClockStandsStillUntilMovedAndOnlyMovesForward() {
        TestClock clock = kit.clock();
        assertThat(clock.now()).isEqualTo(TestClock.START);
        assertThat(clock.advance(Duration.ofHours(1))).isEqualTo(TestClock.START.plusSeconds(3600));
        assertThat(clock.millis()).isEqualTo(TestClock.START.plusSeconds(3600).toEpochMilli());
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
