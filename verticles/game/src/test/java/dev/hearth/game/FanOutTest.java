package dev.hearth.game;

import dev.hearth.game.testing.TwoGatewayWorld;
import dev.hearth.runtime.edge.Delivery;
import dev.hearth.runtime.edge.SessionRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.hearth.game.testing.Events.said;
import static org.assertj.core.api.Assertions.assertThat;

/** Room events leave the world as one Delivery per gateway node, never one per player. */
class FanOutTest extends TwoGatewayWorld {

    @ParameterizedTest(name = "speaker on {0}")
    @ValueSource(strings = {"g1", "g2"})
    void a_say_reaches_each_gateway_once_listing_all_its_listeners_but_not_the_speaker(String speakerGateway) {
        SessionRef bob = world.enter("Bob", "g1");
        SessionRef carol = world.enter("Carol", "g1");
        SessionRef dave = world.enter("Dave", "g2");
        SessionRef alice = world.enter("Alice", speakerGateway);
        forgetDeliveries();

        assertThat(world.output(alice, "say Evening, all")).containsExactly(said("Alice", "Evening, all", true));

        assertThat(g1.deliveries()).containsExactly(
                new Delivery(List.of(bob.session(), carol.session()), said("Alice", "Evening, all", false)));
        assertThat(g2.deliveries()).containsExactly(
                new Delivery(List.of(dave.session()), said("Alice", "Evening, all", false)));
    }

    @Test
    void the_speakers_other_connections_see_their_words_as_their_own() {
        SessionRef aliceOnG1 = world.enter("Alice", "g1");
        SessionRef aliceOnG2 = world.enter("Alice", "g2");
        SessionRef bob = world.enter("Bob", "g1");
        forgetDeliveries();

        world.output(aliceOnG1, "'Two windows");

        assertThat(g1.deliveries()).containsExactly(
                new Delivery(List.of(bob.session()), said("Alice", "Two windows", false)));
        assertThat(g2.deliveries()).containsExactly(
                new Delivery(List.of(aliceOnG2.session()), said("Alice", "Two windows", true)));
    }

    @Test
    void saying_something_alone_sends_nothing_to_any_gateway() {
        SessionRef alice = world.enter("Alice", "g1");
        forgetDeliveries();

        world.output(alice, "say Anyone?");

        assertThat(g1.deliveries()).isEmpty();
        assertThat(g2.deliveries()).isEmpty();
    }

    @Test
    void commands_that_only_inform_the_player_push_nothing() {
        SessionRef alice = world.enter("Alice", "g1");
        world.enter("Bob", "g2");
        forgetDeliveries();

        world.output(alice, "look");
        world.output(alice, "who");
        world.output(alice, "help");
        world.rejection(alice, "sya hi");

        assertThat(g1.deliveries()).isEmpty();
        assertThat(g2.deliveries()).isEmpty();
    }
}
