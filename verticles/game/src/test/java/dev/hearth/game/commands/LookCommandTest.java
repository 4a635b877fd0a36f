package dev.hearth.game.commands;

import dev.hearth.game.testing.CommandTest;
import dev.hearth.game.testing.Events;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.hearth.game.testing.Events.inventory;
import static dev.hearth.game.testing.Events.text;

/** look at things, someone, an exit (look at the room is in CommandsTest): input, and the exact output. */
class LookCommandTest extends CommandTest {
    private static final String LANTERN = "Brass lantern: A dented brass lantern, its glass sooty but whole. "
            + "There is still oil sloshing in its belly.";

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"look lantern", "look at lantern", "look the brass lantern", "l LANTERN", "look lantern-1"})
    void an_item_on_the_floor_is_described(String line) {
        world.output(alice, "down");
        expect(line, text(LANTERN + " It lies here."));
    }

    @Test
    void an_item_carried_is_described_as_carried() {
        world.output(alice, "down");
        world.output(alice, "get lantern");
        g1.awaitEvent(alice, inventory(Events.LANTERN));
        expect("look lantern", text(LANTERN + " You are carrying it."));
    }

    @Test
    void the_cat_someone_and_yourself_can_be_looked_at() {
        world.enter("Bob", "g2");
        expect("look at Soot", text("Soot. A small black cat with one white ear and amber eyes that miss nothing. "
                + "Soot belongs to the tavern, or the tavern belongs to Soot; nobody is quite sure which."));
        expect("look bob", text("Bob is here."));
        expect("look me", text("You are Alice, looking much as usual."));
    }

    @Test
    void an_exit_says_where_it_leads() {
        expect("look east", text("East leads to The Village Square."));
        expect("look d", text("Down leads to The Tavern Cellar."));
    }

    @Test
    void something_not_here_is_refused_with_a_near_miss() {
        expectRefused("look at the fire", "You see no 'the fire' here.");
        expectRefused("look sot", "You see no 'sot' here. Did you mean 'Soot'?");
        expectRefused("look esat", "You see no 'esat' here. Did you mean 'east'?");
    }
}
