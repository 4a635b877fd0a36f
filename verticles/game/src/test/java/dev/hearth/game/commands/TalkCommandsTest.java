package dev.hearth.game.commands;

import dev.hearth.game.testing.CommandTest;
import dev.hearth.runtime.edge.Delivery;
import dev.hearth.runtime.edge.ErrorCode;
import dev.hearth.runtime.edge.SessionRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.hearth.game.testing.Events.emoted;
import static dev.hearth.game.testing.Events.told;
import static org.assertj.core.api.Assertions.assertThat;

/** emote and tell (say is in CommandsTest): input, and the exact output. */
class TalkCommandsTest extends CommandTest {

    // --- emote ---

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"emote waves.", "EMOTE waves.", ":waves.", ": waves.", "me waves."})
    void emote_and_its_aliases_show_the_action_after_the_name(String line) {
        expect(line, emoted("Alice", "waves."));
    }

    @Test
    void the_room_sees_an_emote_and_the_next_room_does_not() {
        SessionRef bob = world.enter("Bob", "g2");
        SessionRef carol = world.enter("Carol", "g2");
        world.output(carol, "east");
        SessionRef second = world.enter("Alice", "g1");
        forgetDeliveries();

        world.output(alice, "emote raises a mug to the room.");

        assertThat(g2.deliveries()).containsExactly(new Delivery(List.of(bob.session()), emoted("Alice", "raises a mug to the room.")));
        assertThat(g1.eventsFor(second)).containsExactly(emoted("Alice", "raises a mug to the room."));
        assertThat(g2.eventsFor(carol)).isEmpty();
    }

    @Test
    void emoting_nothing_or_too_much_is_refused() {
        expectRefused("emote", "Emote what? Usage: emote <action>");
        expectRefused(":", "Emote what? Usage: emote <action>");
        world.settings().apply("game.say.max_length", "5");
        expectRejected("emote dances", ErrorCode.TOO_LONG, "That is too much to say at once: 6 characters, at most 5.");
    }

    // --- tell ---

    @Test
    void a_tell_reaches_only_that_player_wherever_they_are() {
        SessionRef bob = world.enter("Bob", "g2");
        SessionRef carol = world.enter("Carol", "g2");
        world.output(bob, "down");
        forgetDeliveries();

        expect("tell Bob the cellar, at midnight", told("Alice", "Bob", "the cellar, at midnight", true));

        assertThat(g2.deliveries()).containsExactly(new Delivery(List.of(bob.session()), told("Alice", "Bob", "the cellar, at midnight", false)));
        assertThat(g2.eventsFor(carol)).isEmpty();
    }

    @Test
    void a_tell_finds_the_player_in_any_case_and_reaches_all_their_connections() {
        SessionRef bobOnG2 = world.enter("Bob", "g2");
        SessionRef bobOnG1 = world.enter("Bob", "g1");
        SessionRef secondAlice = world.enter("Alice", "g2");
        forgetDeliveries();

        expect("tell bOB psst", told("Alice", "Bob", "psst", true));

        assertThat(g1.eventsFor(bobOnG1)).containsExactly(told("Alice", "Bob", "psst", false));
        assertThat(g2.eventsFor(bobOnG2)).containsExactly(told("Alice", "Bob", "psst", false));
        assertThat(g2.eventsFor(secondAlice)).as("her own other tab").containsExactly(told("Alice", "Bob", "psst", true));
    }

    @Test
    void a_tell_to_someone_offline_is_refused_with_a_near_miss_among_those_online() {
        world.enter("Bob", "g2");

        expectRefused("tell Bbo hello", "No one called 'Bbo' is online. Did you mean 'Bob'?");
        expectRefused("tell Zed hello", "No one called 'Zed' is online.");
    }

    @Test
    void a_tell_to_someone_who_has_left_is_refused() {
        SessionRef bob = world.enter("Bob", "g2");
        world.leave(bob);

        expectRefused("tell Bob hello", "No one called 'Bob' is online.");
    }

    @Test
    void telling_yourself_or_nothing_is_refused() {
        expectRefused("tell alice hi", "Talking to yourself? Try 'say' to talk to the room.");
        expectRefused("tell", "Tell whom what? Usage: tell <player> <text>");
        expectRefused("tell Bob", "Tell Bob what? Usage: tell <player> <text>");
    }
}
