package dev.hearth.game.commands;

import dev.hearth.game.GameEntities;
import dev.hearth.game.GameServices;
import dev.hearth.game.GameSettings;
import dev.hearth.game.character.Character;
import dev.hearth.game.delivery.FanOut;
import dev.hearth.game.testing.SeededWorld;
import dev.hearth.game.world.Item;
import dev.hearth.game.world.Occupant;
import dev.hearth.game.world.Room;
import dev.hearth.game.world.RoomCatalog;
import dev.hearth.game.world.RoomPlan;
import dev.hearth.game.world.RoomView;
import dev.hearth.runtime.edge.PlayerCommand;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.entity.EntityType;
import dev.hearth.runtime.entity.EntityUnavailableException;
import dev.hearth.runtime.settings.LiveSettings;
import dev.hearth.testkit.Call;
import dev.hearth.testkit.EntityTestKit;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * 'go' when the next room fails to answer its enter, which may have landed all the same (a
 * timeout says nothing either way): the player is in the room they were in, and only there.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GoFailureTest {
    private final Vertx vertx = Vertx.vertx();
    private final RoomCatalog rooms = SeededWorld.catalog().rooms();
    private final GameServices services = GameServices.builder(new FanOut(vertx.eventBus()),
            new LiveSettings().register(GameSettings.all()), rooms, () -> Set.of("g1")).build();
    private final EntityTestKit kit = new EntityTestKit(vertx)
            .register(GameEntities.all(services).stream().filter(t -> t.contract() != Room.class).toArray(EntityType<?, ?>[]::new))
            .fake(Room.class, key -> new FlakyRoom(rooms.require(key), key.equals("square")));
    private final SessionRef alice = new SessionRef("Alice", "g1", "hearth.session.alice");

    @AfterEach
    void close() {
        kit.close();
        vertx.close().await();
    }

    @Test
    void an_enter_that_fails_is_undone_and_the_room_they_were_in_is_never_left() {
        Character character = kit.ref(Character.class, "alice");
        assertThat(kit.await(character.connect(alice))).isTrue();

        assertThatThrownBy(() -> kit.await(character.command(new PlayerCommand("c1", alice, "east"))))
                .isInstanceOf(EntityUnavailableException.class);

        assertThat(kit.calls(Room.class)).extracting(Call::key, Call::method).containsExactly(
                tuple("tavern", "enter"), tuple("square", "enter"), tuple("square", "leave"));
        assertThat(kit.await(character.command(new PlayerCommand("c2", alice, "look")))).contains("\"id\":\"tavern\"");
    }

    /** A room that holds nobody; the one that fails takes the enter and then fails it, as a reply lost after landing. */
    private record FlakyRoom(RoomPlan plan, boolean failsEnter) implements Room {
        @Override
        public Future<RoomView> enter(Occupant who, String via) {
            if (failsEnter) return Future.failedFuture(new EntityUnavailableException("Room/" + plan.id() + " is unavailable"));
            return view();
        }

        @Override
        public Future<Void> leave(Occupant who, String via) {
            return Future.succeededFuture();
        }

        @Override
        public Future<RoomView> view() {
            return Future.succeededFuture(new RoomView(plan.id(), plan.name(), plan.description(), plan.exits(), List.of(), List.of(),
                    List.of(), plan.position()));
        }

        @Override
        public Future<Void> announce(String exceptPlayer, String event) {
            return Future.succeededFuture();
        }

        @Override
        public Future<Optional<Item>> take(String itemId, String taker) {
            return Future.succeededFuture(Optional.empty());
        }

        @Override
        public Future<Void> receive(Item item, String droppedBy) {
            return Future.succeededFuture();
        }
    }
}
