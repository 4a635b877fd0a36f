package dev.hearth.game.commands;

import dev.hearth.game.testing.CommandTest;
import dev.hearth.runtime.edge.Delivery;
import dev.hearth.runtime.edge.ErrorCode;
import dev.hearth.runtime.edge.SessionRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.hearth.game.testing.Events.arrived;
import static dev.hearth.game.testing.Events.left;
import static dev.hearth.game.testing.Events.said;
import static dev.hearth.game.testing.Events.seeded;
import static dev.hearth.game.testing.Events.tavern;
import static dev.hearth.game.testing.Events.who;
import static org.assertj.core.api.Assertions.assertThat;

/** go, its direction shortcuts and bare exit names: input, and the exact output. */
class GoCommandTest extends CommandTest {

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"go east", "go e", "GO East", "east", "e", "E", "  east "})
    void every_way_of_saying_east_leads_from_the_tavern_to_the_square(String line) {
        expect(line, seeded("square", "Alice"));
        assertThat(world.character("Alice").room()).isEqualTo("square");
    }

    @Test
    void the_room_left_sees_the_exit_taken_and_the_room_entered_sees_the_way_back() {
        SessionRef carol = world.enter("Carol", "g2");
        SessionRef bob = world.enter("Bob", "g2");
        world.output(bob, "east");
        forgetDeliveries();

        expect("east", seeded("square", "Alice", "Bob"));

        // In the next room before out of this one (never in none).
        assertThat(g2.deliveries()).containsExactly(
                new Delivery(List.of(bob.session()), arrived("Alice", "west")),
                new Delivery(List.of(carol.session()), left("Alice", "east")));
        assertThat(g1.deliveries()).isEmpty();
    }

    @Test
    void after_moving_the_room_is_the_new_one_for_look_and_speech() {
        SessionRef carol = world.enter("Carol", "g2");
        world.output(alice, "down");
        forgetDeliveries();

        expect("look", seeded("cellar", "Alice"));
        expect("say Anyone down here?", said("Alice", "Anyone down here?", true));

        assertThat(g2.eventsFor(carol)).as("the tavern no longer hears Alice").isEmpty();
        assertThat(world.output(carol, "look")).containsExactly(tavern("Carol"));
        expect("who", who("Alice", "Carol"));
    }

    @Test
    void an_exit_with_its_own_name_is_taken_by_that_name_alone_or_by_its_direction() {
        expect("e", seeded("square", "Alice"));
        expect("s", seeded("market", "Alice"));
        expect("e", seeded("tower", "Alice"));
        expect("stairs", seeded("tower_top", "Alice"));
        expect("d", seeded("tower", "Alice"));
        expect("up", seeded("tower_top", "Alice"));
        expect("go stairs", seeded("tower", "Alice"));
    }

    @Test
    void the_players_other_connections_go_along() {
        SessionRef second = world.enter("Alice", "g2");
        forgetDeliveries();

        world.output(alice, "north");

        assertThat(g2.eventsFor(second)).containsExactly(seeded("kitchen", "Alice"));
    }

    @Test
    void the_rooms_walked_through_are_remembered_as_seen() {
        world.output(alice, "e");
        world.output(alice, "n");
        world.output(alice, "s");

        assertThat(world.character("Alice").seen()).containsExactly("tavern", "square", "chapel");
    }

    @Test
    void a_way_that_is_not_there_is_refused_with_the_exits_listed() {
        expectRefused("west", "There is no exit 'west' here. Exits: north, east, down.");
        expectRefused("go up", "There is no exit 'up' here. Exits: north, east, down.");
        assertThat(world.character("Alice").room()).isEqualTo("tavern");
    }

    @Test
    void a_mistyped_exit_gets_a_suggestion() {
        expectRefused("go esat", "There is no exit 'esat' here. Did you mean 'east'? Exits: north, east, down.");
        expectRefused("go nrth", "There is no exit 'nrth' here. Did you mean 'north'? Exits: north, east, down.");
    }

    @Test
    void a_mistyped_exit_name_alone_is_an_unknown_command_that_suggests_the_exit() {
        world.output(alice, "e");
        world.output(alice, "s");
        world.output(alice, "e");

        expectRejected("stiars", ErrorCode.UNKNOWN_COMMAND, "Unknown command 'stiars'. Did you mean 'stairs'? Type 'help' for a list.");
    }

    @Test
    void going_nowhere_in_particular_is_refused_with_the_usage() {
        expectRefused("go", "Go where? Usage: go <exit>");
        expectRefused("north now", "'north' goes north; it takes nothing after it. Usage: go <exit>");
    }
}
