package dev.hearth.runtime.entity.engine;

import dev.hearth.runtime.entity.EntityContext;
import dev.hearth.runtime.entity.EntityFailedException;
import dev.hearth.runtime.entity.EntityId;
import dev.hearth.runtime.entity.EntityRuntimeOptions;
import dev.hearth.runtime.entity.EntityType;
import dev.hearth.runtime.entity.Remindable;
import dev.hearth.runtime.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static dev.hearth.runtime.entity.engine.TestNodes.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Durable reminders: they wake inactive entities, fire once per due time, and outlive their node. */
class EntityRemindersTest {
    private final TestNodes nodes = new TestNodes();

    public interface Alarm {
        /** Sets a reminder; {@code periodMillis} 0 for one that fires once. */
        Future<Void> remind(String name, long inMillis, long periodMillis);

        Future<Void> forget(String name);
    }

    /** Writes down every reminder it receives. */
    public static final class AlarmEntity implements Alarm, Remindable {
        public record State(List<String> rung) {
        }

        private final EntityContext<State> self;

        AlarmEntity(EntityContext<State> self) {
            this.self = self;
        }

        static EntityType<Alarm, State> type() {
            return EntityType.of(Alarm.class, State.class, AlarmEntity::new).initialState(() -> new State(List.of()));
        }

        @Override
        public Future<Void> remind(String name, long inMillis, long periodMillis) {
            return self.reminders().set(name, Duration.ofMillis(inMillis), periodMillis == 0 ? null : Duration.ofMillis(periodMillis));
        }

        @Override
        public Future<Void> forget(String name) {
            return self.reminders().cancel(name);
        }

        @Override
        public Future<Void> onReminder(String name) {
            List<String> rung = new ArrayList<>(self.state().rung());
            rung.add(name);
            self.setState(new State(rung));
            return Future.succeededFuture();
        }
    }

    /** Not {@link Remindable}. */
    public interface Bell {
        Future<Void> remindMe();
    }

    public static final class BellEntity implements Bell {
        private final EntityContext<Void> self;

        BellEntity(EntityContext<Void> self) {
            this.self = self;
        }

        @Override
        public Future<Void> remindMe() {
            return self.reminders().set("ring", Duration.ZERO);
        }
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    @Test
    void aReminderWakesItsEntityWhenItIsInactive() {
        EntityRuntime node = node("node-a", AlarmEntity.type().idleAfter(Duration.ofMillis(200)));
        await(node.ref(Alarm.class, "sleeper").remind("wake", 2000, 0));
        Await.within(TestNodes.WAIT, "the alarm to be deactivated", () -> node.activeCount() == 0);
        assertThat(rung("sleeper")).as("not due yet").isEmpty();

        Await.within(TestNodes.WAIT, "the reminder to ring", () -> rung("sleeper").equals(List.of("wake")));
        Await.within(TestNodes.WAIT, "the reminder that fired once to be gone", () -> reminders("sleeper").isEmpty());
    }

    @Test
    void aPeriodicReminderComesBackUntilCancelled() {
        EntityRuntime node = node("node-a", AlarmEntity.type());
        Alarm alarm = node.ref(Alarm.class, "tide");
        await(alarm.remind("tide", 0, 150));
        Await.within(TestNodes.WAIT, "three tides", () -> rung("tide").size() >= 3);

        await(alarm.forget("tide"));
        assertThat(reminders("tide")).isEmpty();
        assertThat(rung("tide")).containsOnly("tide");
    }

    @Test
    void twoNodesFireEachDueReminderOnce() {
        EntityRuntime a = node("node-a", AlarmEntity.type());
        EntityRuntime b = node("node-b", AlarmEntity.type());
        Await.within(TestNodes.WAIT, "both nodes to see both", () -> a.liveHosts().size() == 2 && b.liveHosts().size() == 2);
        List<String> keys = IntStream.range(0, 20).mapToObj(i -> "alarm-" + i).toList();
        await(Future.all(keys.stream().map(key -> a.ref(Alarm.class, key).remind("once", 300, 0)).toList()));
        assertThat(a.activeCount()).as("alarms on node a").isPositive();
        assertThat(b.activeCount()).as("alarms on node b").isPositive();

        Await.within(TestNodes.WAIT, "every reminder to fire and be gone",
                () -> keys.stream().allMatch(key -> !rung(key).isEmpty() && reminders(key).isEmpty()));
        for (String key : keys) assertThat(rung(key)).as(key).containsExactly("once");
    }

    @Test
    void aReminderFiresAfterTheNodeThatSetItDied() {
        EntityRuntimeOptions failFast = options().withLease(Duration.ofSeconds(1), Duration.ofMillis(300));
        TestNodes.Alone doomed = nodes.startAlone("node-a", failFast, List.of(AlarmEntity.type()));
        await(doomed.runtime().ref(Alarm.class, "survivor").remind("wake", 1500, 0));
        assertThat(nodes.row("Alarm", "survivor").owner()).isEqualTo("node-a");
        doomed.kill();

        nodes.start("node-b", failFast, List.of(AlarmEntity.type()));
        Await.within(TestNodes.WAIT, "the reminder to ring on the survivor", () -> rung("survivor").equals(List.of("wake")));
        assertThat(nodes.row("Alarm", "survivor").owner()).isEqualTo("node-b");
        Await.within(TestNodes.WAIT, "the reminder to be gone", () -> reminders("survivor").isEmpty());
    }

    @Test
    void anEntityThatCannotReceiveRemindersCannotSetThem() {
        EntityRuntime node = node("node-a", EntityType.of(Bell.class, Void.class, BellEntity::new));
        assertThatThrownBy(() -> await(node.ref(Bell.class, "mute").remindMe()))
                .isInstanceOf(EntityFailedException.class).hasMessageContaining("BellEntity must implement Remindable");
    }

    private List<String> rung(String key) {
        TestNodes.Stored row = nodes.row("Alarm", key);
        if (row == null || row.state() == null) return List.of();
        JsonArray rung = row.state().getJsonArray("rung");
        return rung.stream().map(String.class::cast).toList();
    }

    private List<?> reminders(String key) {
        return await(nodes.store.reminders(new EntityId("Alarm", key)));
    }

    private EntityRuntime node(String id, EntityType<?, ?> type) {
        return nodes.start(id, options(), List.of(type));
    }

    private static EntityRuntimeOptions options() {
        return EntityRuntimeOptions.defaults().withIdleCheckEvery(Duration.ofMillis(50))
                .withReminderPollEvery(Duration.ofMillis(100)).withCallTimeout(Duration.ofSeconds(5));
    }
}
