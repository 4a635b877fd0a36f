package dev.hearth.game;

import dev.hearth.game.testing.SeededWorld;
import dev.hearth.game.testing.TestWorld;
import dev.hearth.game.world.RoomCatalog;
import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.hearth.game.testing.Events.TAVERN_DESCRIPTION;
import static dev.hearth.game.testing.Events.TAVERN_EXITS;
import static dev.hearth.game.testing.Events.exit;
import static dev.hearth.game.testing.Events.room;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The world is what the rooms and npcs tables say when the game starts. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RoomsFromDatabaseTest {

    @Test
    void the_description_players_see_is_the_one_in_the_database() {
        DatabaseUrl db = TestDatabase.fresh();
        TestDatabase.execute(db, "UPDATE rooms SET name = 'The Cold Tavern', "
                + "description = 'The fire has gone out. Nobody has swept in days.' WHERE id = 'tavern'");

        assertThat(whatAliceSeesOnLooking(db)).containsExactly(room("tavern", "The Cold Tavern",
                "The fire has gone out. Nobody has swept in days.", TAVERN_EXITS, List.of("Alice"), List.of("Soot"),
                List.of(), -1, 0, 0));
    }

    @Test
    void exits_are_listed_in_map_order_and_exits_to_nowhere_are_dropped() {
        DatabaseUrl db = TestDatabase.fresh();
        TestDatabase.execute(db, "UPDATE rooms SET exits = '{\"down\": \"cellar\", \"east\": \"nowhere\", \"back\": \"cellar\", "
                + "\"ladder\": {\"to\": \"kitchen\", \"dir\": \"u\"}}' WHERE id = 'tavern'");

        assertThat(whatAliceSeesOnLooking(db)).containsExactly(room("tavern", "The Hearth Tavern", TAVERN_DESCRIPTION,
                List.of(exit("ladder", "kitchen", "u"), exit("down", "cellar", "d"), exit("back", "cellar", null)),
                List.of("Alice"), List.of("Soot"), List.of(), -1, 0, 0));
    }

    @Test
    void an_item_seeded_in_two_rooms_is_kept_in_the_first_only() {
        DatabaseUrl db = TestDatabase.fresh();
        TestDatabase.execute(db, "UPDATE rooms SET items = '[{\"id\": \"lantern-1\", \"name\": \"brass lantern\"}]' WHERE id = 'kitchen'");

        RoomCatalog rooms = SeededWorld.load(db).rooms();

        assertThat(rooms.require("cellar").items()).extracting(i -> i.id()).containsExactly("lantern-1");
        assertThat(rooms.require("kitchen").items()).isEmpty();
    }

    @Test
    void an_npc_whose_home_is_no_room_is_left_out() {
        DatabaseUrl db = TestDatabase.fresh();
        TestDatabase.execute(db, "UPDATE npcs SET home = 'attic' WHERE id = 'cat'");

        assertThat(SeededWorld.load(db).npcs().all()).isEmpty();
    }

    @Test
    void the_game_does_not_start_without_its_starting_room() {
        DatabaseUrl db = TestDatabase.fresh();
        TestDatabase.execute(db, "DELETE FROM rooms WHERE id = 'tavern'");

        assertThatThrownBy(() -> SeededWorld.load(db)).hasMessageContaining("no starting room 'tavern'");
    }

    @Test
    void an_exit_going_no_known_direction_is_a_clear_error() {
        DatabaseUrl db = TestDatabase.fresh();
        TestDatabase.execute(db, "UPDATE rooms SET exits = '{\"hole\": {\"to\": \"cellar\", \"dir\": \"sideways\"}}' WHERE id = 'tavern'");

        assertThatThrownBy(() -> SeededWorld.load(db))
                .hasMessageContaining("room 'tavern': exit 'hole' has direction 'sideways', not one of n s e w u d");
    }

    /** A world started on the database, Alice entering it and looking around. */
    private static List<JsonObject> whatAliceSeesOnLooking(DatabaseUrl db) {
        try (TestWorld world = TestWorld.start(SeededWorld.load(db), b -> b)) {
            SessionRef alice = world.enter("Alice", "g1");
            return world.output(alice, "look");
        }
    }

    @Test
    void the_game_does_not_start_when_the_database_cannot_be_reached() {
        DatabaseUrl unreachable = TestDatabase.fresh().withDatabase("no_such_database");

        assertThatThrownBy(() -> SeededWorld.load(unreachable)).hasMessageContaining("no_such_database");
    }
}
