package dev.hearth.game;

import dev.hearth.game.testing.TwoGatewayWorld;
import dev.hearth.runtime.edge.Delivery;
import dev.hearth.runtime.edge.EdgeAddresses;
import dev.hearth.runtime.edge.SessionRef;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.hearth.game.testing.Futures.failure;
import static dev.hearth.game.testing.Events.arrived;
import static dev.hearth.game.testing.Events.left;
import static dev.hearth.game.testing.Events.said;
import static dev.hearth.game.testing.Events.tavern;
import static dev.hearth.game.testing.Events.who;
import static org.assertj.core.api.Assertions.assertThat;

/** Players coming and going, as the gateways see it. */
class EnterLeaveTest extends TwoGatewayWorld {

    @Test
    void an_entering_player_is_shown_the_tavern_on_their_session() {
        SessionRef alice = world.enter("Alice", "g1");

        assertThat(g1.deliveries()).containsExactly(new Delivery(List.of(alice.session()), tavern("Alice")));
        assertThat(g2.deliveries()).isEmpty();
    }

    @Test
    void the_others_in_the_room_see_a_player_arrive_and_the_newcomer_sees_them() {
        SessionRef bob = world.enter("Bob", "g2");
        g2.clear();

        SessionRef alice = world.enter("Alice", "g1");

        assertThat(g1.deliveries()).containsExactly(new Delivery(List.of(alice.session()), tavern("Alice", "Bob")));
        assertThat(g2.deliveries()).containsExactly(new Delivery(List.of(bob.session()), arrived("Alice")));
    }

    @Test
    void the_others_in_the_room_see_a_player_leave() {
        SessionRef alice = world.enter("Alice", "g1");
        SessionRef bob = world.enter("Bob", "g2");
        g1.clear();
        g2.clear();

        world.leave(alice);

        assertThat(g2.deliveries()).containsExactly(new Delivery(List.of(bob.session()), left("Alice")));
        assertThat(g1.deliveries()).isEmpty();
        assertThat(world.output(bob, "who")).containsExactly(who("Bob"));
    }

    @Test
    void a_player_connected_twice_arrives_once_appears_once_and_leaves_with_the_last_session() {
        SessionRef bob = world.enter("Bob", "g2");
        SessionRef first = world.enter("Alice", "g1");
        g1.clear();
        g2.clear();

        SessionRef second = world.enter("Alice", "g2");

        assertThat(g2.deliveries()).as("no second arrival, only the room for the new session")
                .containsExactly(new Delivery(List.of(second.session()), tavern("Alice", "Bob")));
        assertThat(world.output(bob, "who")).containsExactly(who("Alice", "Bob"));
        assertThat(world.output(bob, "look")).containsExactly(tavern("Alice", "Bob"));
        g2.clear();

        world.leave(first);
        assertThat(g2.deliveries()).as("Alice is still here through her second session").isEmpty();
        assertThat(world.output(bob, "who")).containsExactly(who("Alice", "Bob"));

        world.leave(second);
        assertThat(g2.deliveries()).containsExactly(new Delivery(List.of(bob.session()), left("Alice")));
        assertThat(world.output(bob, "who")).containsExactly(who("Bob"));
    }

    @Test
    void leaving_with_a_session_the_world_does_not_know_is_harmless() {
        SessionRef bob = world.enter("Bob", "g2");
        g2.clear();

        world.leave(world.session("Ghost", "g1"));
        world.leave(new SessionRef("Mallory", "g2", bob.session()));

        assertThat(g1.deliveries()).isEmpty();
        assertThat(g2.deliveries()).isEmpty();
        assertThat(world.output(bob, "who")).containsExactly(who("Bob"));
    }

    @Test
    void leaving_twice_tells_the_room_once() {
        SessionRef alice = world.enter("Alice", "g1");
        SessionRef bob = world.enter("Bob", "g2");
        g2.clear();

        world.leave(alice);
        world.leave(alice);

        assertThat(g2.deliveries()).containsExactly(new Delivery(List.of(bob.session()), left("Alice")));
    }

    @Test
    void entering_again_with_the_same_session_only_shows_the_room_again() {
        SessionRef alice = world.enter("Alice", "g1");
        world.enter("Bob", "g2");
        g1.clear();
        g2.clear();

        world.enter(alice);

        assertThat(g1.deliveries()).containsExactly(new Delivery(List.of(alice.session()), tavern("Alice", "Bob")));
        assertThat(g2.deliveries()).isEmpty();
    }

    @Test
    void a_command_from_a_session_the_world_has_never_seen_brings_the_player_in() {
        // What a game node sees after a restart: players still connected, unknown to it.
        SessionRef bob = world.enter("Bob", "g2");
        g2.clear();
        SessionRef alice = world.session("Alice", "g1");

        assertThat(world.output(alice, "say Did the lights flicker?"))
                .containsExactly(said("Alice", "Did the lights flicker?", true));

        assertThat(g2.deliveries()).extracting(Delivery::event)
                .containsExactly(arrived("Alice"), said("Alice", "Did the lights flicker?", false));
        assertThat(world.output(alice, "who")).containsExactly(who("Alice", "Bob"));
    }

    @Test
    void a_player_brought_back_by_a_command_is_shown_the_room_before_the_command_runs() {
        SessionRef carol = world.enter("Carol", "g1");
        world.enter("Bob", "g2");
        g1.clear();
        SessionRef alice = world.session("Alice", "g1");

        world.output(alice, "say Hello?");

        // One gateway receives in order: the room reaches Alice before anything her command caused.
        assertThat(g1.deliveries()).containsExactly(
                new Delivery(List.of(carol.session()), arrived("Alice")),
                new Delivery(List.of(alice.session()), tavern("Alice", "Bob", "Carol")),
                new Delivery(List.of(carol.session()), said("Alice", "Hello?", false)));
        g1.clear();

        world.output(alice, "who");
        assertThat(g1.deliveries()).as("a known session is not shown the room again").isEmpty();
    }

    @Test
    void a_second_connection_whose_enter_was_lost_is_shown_the_room_without_a_second_arrival() {
        world.enter("Alice", "g1");
        SessionRef bob = world.enter("Bob", "g2");
        g1.clear();
        g2.clear();
        SessionRef secondAlice = world.session("Alice", "g2");

        assertThat(world.output(secondAlice, "who")).containsExactly(who("Alice", "Bob"));

        assertThat(g2.deliveries()).containsExactly(new Delivery(List.of(secondAlice.session()), tavern("Alice", "Bob")));
        assertThat(g1.deliveries()).isEmpty();
        assertThat(world.output(bob, "who")).containsExactly(who("Alice", "Bob"));
    }

    @Test
    void a_session_address_claimed_by_another_player_is_refused() {
        SessionRef alice = world.enter("Alice", "g1");

        Throwable refused = failure(world.request(EdgeAddresses.GAME_ENTER,
                new SessionRef("Mallory", "g1", alice.session()).toJson()));

        assertThat(refused).isInstanceOf(ReplyException.class);
        assertThat(world.output(alice, "who")).containsExactly(who("Alice"));
    }

    @Test
    void a_malformed_enter_message_is_refused_and_the_world_goes_on() {
        Throwable refused = failure(world.request(EdgeAddresses.GAME_ENTER, new JsonObject().put("player", "Alice")));
        assertThat(refused).isInstanceOf(ReplyException.class);
        assertThat(((ReplyException) refused).failureCode()).isEqualTo(400);

        Throwable notJson = failure(world.request(EdgeAddresses.GAME_LEAVE, "Alice"));
        assertThat(notJson).isInstanceOf(ReplyException.class);

        SessionRef alice = world.enter("Alice", "g1");
        assertThat(world.output(alice, "who")).containsExactly(who("Alice"));
    }
}
