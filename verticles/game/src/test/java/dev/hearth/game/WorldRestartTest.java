package dev.hearth.game;

import dev.hearth.game.testing.FakeGateway;
import dev.hearth.game.testing.SeededWorld;
import dev.hearth.game.testing.TestWorld;
import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.testing.TestDatabase;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.hearth.game.testing.Events.BREAD;
import static dev.hearth.game.testing.Events.LANTERN;
import static dev.hearth.game.testing.Events.TAVERN_DESCRIPTION;
import static dev.hearth.game.testing.Events.TAVERN_EXITS;
import static dev.hearth.game.testing.Events.inventory;
import static dev.hearth.game.testing.Events.room;
import static dev.hearth.game.testing.Events.seeded;
import static dev.hearth.game.testing.Events.who;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The world is in PostgreSQL, not in a node's memory: a game node that stops and a new one
 * started on the same database give players back their rooms and inventories, and the
 * floors what was left on them. The gateway kept its sessions meanwhile.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WorldRestartTest {

    @Test
    void rooms_inventories_and_floors_are_as_they_were_after_the_game_node_restarts() {
        DatabaseUrl database = TestDatabase.fresh();
        SessionRef alice;
        SessionRef bob;
        try (TestWorld before = TestWorld.onDatabase(database)) {
            FakeGateway g1 = before.gateway("g1");
            alice = before.enter("Alice", "g1");
            bob = before.enter("Bob", "g1");
            before.output(alice, "down");
            before.output(alice, "get lantern");
            g1.awaitEvent(alice, inventory(LANTERN));
            before.output(alice, "up");
            before.output(alice, "east");
            before.output(bob, "north");
            before.output(bob, "get bread");
            g1.awaitEvent(bob, inventory(BREAD));
            before.output(bob, "south");
            before.output(bob, "drop bread");
            g1.awaitEvent(bob, inventory());
        }

        try (TestWorld after = TestWorld.onDatabase(database)) {
            after.gateway("g1");
            assertThat(after.output(alice, "look")).containsExactly(seeded("square", "Alice"));
            assertThat(after.output(alice, "inventory")).containsExactly(inventory(LANTERN));
            assertThat(after.output(bob, "look")).containsExactly(room("tavern", "The Hearth Tavern", TAVERN_DESCRIPTION,
                    TAVERN_EXITS, List.of("Bob"), List.of("Soot"), List.of(BREAD), -1, 0, 0));
            assertThat(after.output(bob, "inventory")).containsExactly(inventory());
            assertThat(after.output(bob, "who")).containsExactly(who("Alice", "Bob"));
            after.output(alice, "west");
            after.output(alice, "down");
            assertThat(after.output(alice, "look")).as("the lantern stays taken").containsExactly(
                    seeded("cellar", List.of(), "Alice"));
        }
        assertThat(SeededWorld.rooms().require("cellar").items()).as("the seed itself is untouched").hasSize(1);
    }
}
