package dev.hearth.game.commands;

import dev.hearth.game.character.Character;
import dev.hearth.game.testing.CommandTest;
import dev.hearth.game.testing.Events;
import dev.hearth.game.world.Room;
import dev.hearth.runtime.edge.Delivery;
import dev.hearth.runtime.edge.SessionRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.hearth.game.testing.Events.BREAD;
import static dev.hearth.game.testing.Events.dropped;
import static dev.hearth.game.testing.Events.gave;
import static dev.hearth.game.testing.Events.inventory;
import static dev.hearth.game.testing.Events.seeded;
import static dev.hearth.game.testing.Events.took;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * get, drop, give and inventory: input, and the exact output. Alice starts in the kitchen,
 * where a loaf of bread lies. An item lands where it goes a moment after the reply (a
 * transfer), so what the receiver is pushed is awaited, never slept for.
 */
class ItemCommandsTest extends CommandTest {

    @BeforeEach
    void aliceGoesToTheKitchen() {
        world.output(alice, "north");
    }

    private SessionRef bobInTheKitchen() {
        SessionRef bob = world.enter("Bob", "g2");
        world.output(bob, "north");
        forgetDeliveries();
        return bob;
    }

    private void aliceHasTheBread() {
        world.output(alice, "get bread");
        g1.awaitEvent(alice, inventory(BREAD));
    }

    // --- inventory ---

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"inventory", "i", "inv", "INV"})
    void the_inventory_starts_empty(String line) {
        expect(line, inventory());
    }

    // --- get ---

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"get bread", "take bread", "get the loaf of bread", "get LOAF", "take bread-1"})
    void an_item_is_picked_up_by_any_of_its_words(String line) {
        expect(line, took("Alice", BREAD));
        g1.awaitEvent(alice, inventory(BREAD));
        expect("inventory", inventory(BREAD));
        expect("look", seeded("kitchen", List.of(), "Alice"));
    }

    @Test
    void the_others_in_the_room_see_it_taken() {
        SessionRef bob = bobInTheKitchen();

        world.output(alice, "get bread");

        assertThat(g2.deliveries()).containsExactly(new Delivery(List.of(bob.session()), took("Alice", BREAD)));
    }

    @Test
    void an_item_that_is_not_here_is_refused_with_a_near_miss() {
        expectRefused("get lantern", "There is no 'lantern' here.");
        expectRefused("get bred", "There is no 'bred' here. Did you mean 'loaf of bread'?");
        expectRefused("get", "Get what? Usage: get <item>");
    }

    @Test
    void an_item_already_carried_is_not_picked_up_again() {
        aliceHasTheBread();
        expectRefused("get bread", "You already have the loaf of bread.");
    }

    // --- drop ---

    @Test
    void a_dropped_item_leaves_the_inventory_and_lands_on_the_floor() {
        SessionRef bob = bobInTheKitchen();
        aliceHasTheBread();
        forgetDeliveries();

        expect("drop bread", dropped("Alice", BREAD));

        g1.awaitEvent(alice, inventory());
        g2.awaitEvent(bob, dropped("Alice", BREAD));
        expect("inventory", inventory());
        expect("look", seeded("kitchen", "Alice", "Bob"));
    }

    @Test
    void something_not_carried_cannot_be_dropped() {
        expectRefused("drop lantern", "You are not carrying 'lantern'.");
        aliceHasTheBread();
        expectRefused("drop bred", "You are not carrying 'bred'. Did you mean 'loaf of bread'?");
        expectRefused("drop", "Drop what? Usage: drop <item>");
    }

    // --- give ---

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"give bread to Bob", "give loaf of bread to bob", "give Bob bread", "give bread Bob"})
    void an_item_given_goes_to_the_other_player(String line) {
        SessionRef bob = bobInTheKitchen();
        aliceHasTheBread();
        forgetDeliveries();

        expect(line, gave("Alice", BREAD, "Bob"));

        g1.awaitEvent(alice, inventory());
        g2.awaitEvent(bob, inventory(BREAD));
        assertThat(g2.eventsFor(bob)).startsWith(gave("Alice", BREAD, "Bob"));
        expect(bob, "inventory", inventory(BREAD));
        expect("inventory", inventory());
    }

    @Test
    void giving_to_someone_not_here_is_refused_with_a_near_miss() {
        bobInTheKitchen();
        SessionRef carol = world.enter("Carol", "g2");
        aliceHasTheBread();

        expectRefused("give bread to Bbo", "There is no 'Bbo' here to give it to. Did you mean 'Bob'?");
        expectRefused("give bread to Carol", "There is no 'Carol' here to give it to.");
        assertThat(world.output(carol, "inventory")).containsExactly(inventory());
        expect("inventory", inventory(BREAD));
    }

    @Test
    void the_cat_and_oneself_take_nothing() {
        world.output(alice, "south");
        world.output(alice, "e");
        world.output(alice, "s");
        world.output(alice, "get apple");
        g1.awaitEvent(alice, inventory(Events.APPLE));
        world.output(alice, "n");
        world.output(alice, "w");

        expectRefused("give apple to Soot", "Soot sniffs at it and looks away.");
        expectRefused("give apple to Alice", "You already have it.");
    }

    @Test
    void something_not_carried_cannot_be_given() {
        bobInTheKitchen();
        expectRefused("give lantern to Bob", "You are not carrying 'lantern'.");
        expectRefused("give", "Give what to whom? Usage: give <item> to <player>");
        expectRefused("give bread", "Give the bread to whom? Usage: give <item> to <player>");
    }

    // --- what is kept ---

    @Test
    void inventories_and_floors_are_what_was_committed_after_the_entities_are_reloaded() {
        SessionRef bob = bobInTheKitchen();
        aliceHasTheBread();
        world.output(alice, "give bread to Bob");
        g2.awaitEvent(bob, inventory(BREAD));

        world.kit().deactivate(Character.class, "alice");
        world.kit().deactivate(Character.class, "bob");
        world.kit().deactivate(Room.class, "kitchen");

        expect(bob, "inventory", inventory(BREAD));
        expect("inventory", inventory());
        assertThat(world.room("kitchen").items()).isEmpty();
    }
}
