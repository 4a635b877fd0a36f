package dev.hearth.game;

import dev.hearth.game.testing.TestWorld;
import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static dev.hearth.game.testing.Futures.failure;
import static dev.hearth.game.testing.Events.TAVERN_DESCRIPTION;
import static dev.hearth.game.testing.Events.room;
import static dev.hearth.game.testing.Events.tavern;
import static org.assertj.core.api.Assertions.assertThat;

/** The world is what the rooms table says when the game starts. */
@ExtendWith(VertxExtension.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RoomsFromDatabaseTest {

    @Test
    void a_fresh_database_has_the_seeded_tavern(Vertx vertx) {
        TestWorld world = TestWorld.start(vertx);
        SessionRef alice = world.enter("Alice", "g1");
        assertThat(world.output(alice, "look")).containsExactly(tavern("Alice"));
    }

    @Test
    void the_description_players_see_is_the_one_in_the_database(Vertx vertx) {
        DatabaseUrl db = TestDatabase.fresh();
        TestDatabase.execute(db, "UPDATE rooms SET name = 'The Cold Tavern', "
                + "description = 'The fire has gone out. Nobody has swept in days.' WHERE id = 'tavern'");

        TestWorld world = TestWorld.start(vertx, db);
        SessionRef alice = world.enter("Alice", "g1");

        assertThat(world.output(alice, "l")).containsExactly(room("tavern", "The Cold Tavern",
                "The fire has gone out. Nobody has swept in days.", List.of(), "Alice"));
    }

    @Test
    void exits_are_listed_by_name_and_exits_to_nowhere_are_dropped(Vertx vertx) {
        DatabaseUrl db = TestDatabase.fresh();
        TestDatabase.execute(db, "INSERT INTO rooms (id, name, description, exits) "
                + "VALUES ('cellar', 'The Cellar', 'Barrels.', '{\"up\": \"tavern\"}')");
        TestDatabase.execute(db, "UPDATE rooms SET exits = "
                + "'{\"down\": \"cellar\", \"east\": \"nowhere\", \"back\": \"cellar\"}' WHERE id = 'tavern'");

        TestWorld world = TestWorld.start(vertx, db);
        SessionRef alice = world.enter("Alice", "g1");

        assertThat(world.output(alice, "look")).containsExactly(room("tavern", "The Hearth Tavern",
                TAVERN_DESCRIPTION, List.of("back", "down"), "Alice"));
    }

    @Test
    void the_game_does_not_start_without_its_starting_room(Vertx vertx) {
        DatabaseUrl db = TestDatabase.fresh();
        TestDatabase.execute(db, "DELETE FROM rooms WHERE id = 'tavern'");

        Throwable failed = failure(TestWorld.deploy(vertx, db));

        assertThat(failed).hasMessageContaining("no starting room 'tavern'");
    }

    @Test
    void the_game_does_not_start_when_the_database_cannot_be_reached(Vertx vertx) {
        DatabaseUrl unreachable = TestDatabase.fresh().withDatabase("no_such_database");

        assertThat(failure(TestWorld.deploy(vertx, unreachable))).hasMessageContaining("no_such_database");
    }
}
