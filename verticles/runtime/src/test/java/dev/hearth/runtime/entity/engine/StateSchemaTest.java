package dev.hearth.runtime.entity.engine;

import dev.hearth.runtime.entity.EntityContext;
import dev.hearth.runtime.entity.EntityRuntimeOptions;
import dev.hearth.runtime.entity.EntityType;
import dev.hearth.runtime.entity.EntityUnavailableException;
import dev.hearth.runtime.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.hearth.runtime.entity.engine.TestNodes.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stored state of older shapes, written with SQL as old code left it, is upgraded on activation. */
class StateSchemaTest {
    private final TestNodes nodes = new TestNodes();

    public interface Lantern {
        Future<LanternEntity.State> look();

        Future<Integer> refill(int oil);
    }

    /**
     * Version 1 stored {@code {"title", "fuel"}} in litres; version 2 renamed the title to
     * {@code name}; version 3 measures {@code oil} in decilitres.
     */
    public static final class LanternEntity implements Lantern {
        public record State(String name, int oil) {
        }

        static final EntityType<Lantern, State> TYPE = EntityType.of(Lantern.class, State.class, LanternEntity::new)
                .initialState(() -> new State("lantern", 0))
                .schema(2, v1 -> new JsonObject().put("name", v1.getString("title")).put("fuel", v1.getInteger("fuel")))
                .schema(3, v2 -> new JsonObject().put("name", v2.getString("name")).put("oil", v2.getInteger("fuel") * 10));

        private final EntityContext<State> self;

        LanternEntity(EntityContext<State> self) {
            this.self = self;
        }

        @Override
        public Future<State> look() {
            return Future.succeededFuture(self.state());
        }

        @Override
        public Future<Integer> refill(int oil) {
            self.setState(new State(self.state().name(), self.state().oil() + oil));
            return Future.succeededFuture(self.state().oil());
        }
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    @Test
    void upgradesOldRowsThroughEveryLaterVersionAndTheNextSaveStoresTheCurrentOne() {
        storeOld("old", 1, "{\"title\": \"Old lamp\", \"fuel\": 5}");
        storeOld("brass", 2, "{\"name\": \"Brass lamp\", \"fuel\": 2}");
        storeOld("first", 0, "{\"title\": \"First lamp\", \"fuel\": 1}"); // saved before versions were recorded
        EntityRuntime node = node("node-a");

        assertThat(await(lantern(node, "old").look())).isEqualTo(new LanternEntity.State("Old lamp", 50));
        assertThat(await(lantern(node, "brass").look())).isEqualTo(new LanternEntity.State("Brass lamp", 20));
        assertThat(await(lantern(node, "first").look())).isEqualTo(new LanternEntity.State("First lamp", 10));
        assertThat(nodes.row("Lantern", "old").schemaVersion()).as("reading alone saves nothing").isEqualTo(1);

        assertThat(await(lantern(node, "old").refill(1))).isEqualTo(51);
        TestNodes.Stored saved = nodes.row("Lantern", "old");
        assertThat(saved.schemaVersion()).isEqualTo(3);
        assertThat(saved.version()).isEqualTo(8);
        assertThat(saved.state()).isEqualTo(new JsonObject().put("name", "Old lamp").put("oil", 51));

        nodes.close(node);
        assertThat(await(lantern(node("node-b"), "old").look())).as("the current version loads as it is")
                .isEqualTo(new LanternEntity.State("Old lamp", 51));
    }

    @Test
    void refusesStateOfANewerVersionAndLeavesItUntouched() {
        String newer = "{\"name\": \"Smart lamp\", \"oil\": 3, \"wick\": \"led\"}";
        storeOld("smart", 4, newer);
        EntityRuntime node = node("node-a");

        assertThatThrownBy(() -> await(lantern(node, "smart").look()))
                .isInstanceOf(EntityUnavailableException.class)
                .hasMessageContaining("Lantern/smart").hasMessageContaining("schema version 4, newer than this node's code knows (3)");
        Await.within(TestNodes.WAIT, "the refused activation to give the row back",
                () -> nodes.row("Lantern", "smart").owner() == null);
        TestNodes.Stored row = nodes.row("Lantern", "smart");
        assertThat(row.schemaVersion()).isEqualTo(4);
        assertThat(row.version()).isEqualTo(7);
        assertThat(row.state()).isEqualTo(new JsonObject(newer));
    }

    @Test
    void anUpgradeThatFailsLeavesTheEntityUnavailableAndItsStateUntouched() {
        storeOld("broken", 2, "{\"name\": \"Broken lamp\"}");
        EntityRuntime node = node("node-a");

        assertThatThrownBy(() -> await(lantern(node, "broken").refill(1)))
                .isInstanceOf(EntityUnavailableException.class)
                .hasMessageContaining("upgrading its state from schema version 2 to 3 failed");
        assertThat(nodes.row("Lantern", "broken").state()).isEqualTo(new JsonObject().put("name", "Broken lamp"));
    }

    @Test
    void schemaVersionsAreDeclaredInOrderFromOne() {
        EntityType<Lantern, LanternEntity.State> plain = EntityType.of(Lantern.class, LanternEntity.State.class, LanternEntity::new);
        assertThat(plain.schemaVersion()).isEqualTo(EntityType.FIRST_SCHEMA_VERSION).isEqualTo(1);
        assertThat(LanternEntity.TYPE.schemaVersion()).isEqualTo(3);
        assertThatThrownBy(() -> plain.schema(3, json -> json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the next is 2, not 3");
    }

    /** A row as older code left it: saved seven times, released. */
    private void storeOld(String key, int schemaVersion, String state) {
        nodes.sql("INSERT INTO entities (type, key, owner, epoch, version, schema_version, state) VALUES ('Lantern', '"
                + key + "', NULL, 3, 7, " + schemaVersion + ", '" + state + "')");
    }

    private EntityRuntime node(String id) {
        return nodes.start(id, EntityRuntimeOptions.defaults().withCallTimeout(Duration.ofSeconds(5)), List.of(LanternEntity.TYPE));
    }

    private static Lantern lantern(EntityRuntime node, String key) {
        return node.ref(Lantern.class, key);
    }
}
