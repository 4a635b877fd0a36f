package dev.hearth.game;

import dev.hearth.game.character.Character;
import dev.hearth.game.testing.FakeGateway;
import dev.hearth.game.testing.PlayKit;
import dev.hearth.game.testing.SeededWorld;
import dev.hearth.game.testing.TestWorld;
import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.Delivery;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.testing.Await;
import dev.hearth.testkit.EntityTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static dev.hearth.game.testing.Events.BREAD;
import static dev.hearth.game.testing.Events.said;
import static dev.hearth.game.testing.Events.took;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the entity store sees of a command: a line that must apply once is saved with its
 * command id, and a retry of that id answers the first result; a read or a line of speech is
 * a plain call, which writes nothing when it changes nothing. Alice starts in the kitchen.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommandCallsTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final TestWorld world = TestWorld.start(SeededWorld.catalog(), game -> game.channels(PlayKit.CHANNELS));
    private final FakeGateway g1 = world.gateway("g1");
    private final FakeGateway g2 = world.gateway("g2");
    private final EntityTestKit kit = world.kit();
    private SessionRef alice;

    @BeforeEach
    void aliceIsInTheKitchen() {
        alice = world.enter("Alice", "g1");
        world.output(alice, "north");
    }

    @AfterEach
    void stopTheWorld() {
        world.close();
    }

    /** Bob, on gateway g2, walks to where Alice is, and what was pushed so far is forgotten. */
    private SessionRef bobWatchesAlice() {
        SessionRef bob = world.enter("Bob", "g2");
        world.output(bob, "north");
        forgetDeliveries();
        return bob;
    }

    private void forgetDeliveries() {
        g1.clear();
        g2.clear();
    }

    private long saves() {
        return kit.saves(Character.class, "alice");
    }

    private Set<String> commandIds() {
        return kit.commandIds(Character.class, "alice");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"look", "look bread", "l me", "who", "help", "help get", "inventory", "score", "top", "lobbies",
            "channels", "say Hello", "emote waves.", "chat ooc Hello", "tell Bob Hello"})
    void a_read_or_speech_writes_nothing_of_the_character(String line) {
        world.enter("Bob", "g2");
        long saves = saves();
        Set<String> ids = commandIds();

        world.output(alice, line);

        assertThat(saves()).as("saves of Alice").isEqualTo(saves);
        assertThat(commandIds()).as("command ids of Alice").isEqualTo(ids);
    }

    @Test
    void a_get_is_saved_with_its_command_id_and_a_retry_of_it_applies_once() {
        SessionRef bob = bobWatchesAlice();

        CommandOutcome first = world.command(alice, "get-1", "get bread");
        assertThat(first).isInstanceOf(CommandOutcome.Done.class);
        assertThat(commandIds()).contains(GameVerticle.commandId(alice, "get-1"));
        // The bread comes by transfer, a save of its own.
        Await.within(WAIT, "Alice is saved with the bread", () -> world.character("Alice").item("bread-1").isPresent());
        long saves = saves();
        CommandOutcome retried = world.command(alice, "get-1", "get bread");

        assertThat(retried).as("the retry answers the first result").isEqualTo(first);
        assertThat(saves()).as("the retry saves nothing").isEqualTo(saves);
        assertThat(g2.deliveries()).as("Bob sees it taken once")
                .containsExactly(new Delivery(List.of(bob.session()), took("Alice", BREAD)));
        assertThat(world.rejection(alice, "get bread").message()).as("a new id runs again").isEqualTo("You already have the loaf of bread.");
    }

    @Test
    void a_retried_line_of_speech_is_said_again() {
        // The price of not saving every line: docs/protocol.md says a retry may show it twice.
        SessionRef bob = bobWatchesAlice();

        CommandOutcome first = world.command(alice, "say-1", "say Twice?");
        CommandOutcome retried = world.command(alice, "say-1", "say Twice?");

        assertThat(retried).isEqualTo(first);
        assertThat(g2.deliveries()).extracting(Delivery::event).containsExactly(said("Alice", "Twice?", false), said("Alice", "Twice?", false));
    }

    @Test
    void a_plain_command_from_a_session_the_world_did_not_know_connects_it_and_commits_that() {
        SessionRef again = world.session("Alice", "g2");
        long saves = saves();
        Set<String> ids = commandIds();

        world.output(again, "look");

        assertThat(world.character("Alice").sessions()).as("committed before the reply").contains(again);
        assertThat(saves()).isGreaterThan(saves);
        assertThat(commandIds()).as("a plain call, with no command id").isEqualTo(ids);
    }
}
