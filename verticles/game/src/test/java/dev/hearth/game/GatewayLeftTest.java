package dev.hearth.game;

import dev.hearth.game.testing.TwoGatewayWorld;
import dev.hearth.runtime.edge.Delivery;
import dev.hearth.runtime.edge.EdgeAddresses;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.testing.Await;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.hearth.game.testing.Events.arrived;
import static dev.hearth.game.testing.Events.left;
import static dev.hearth.game.testing.Events.tavern;
import static dev.hearth.game.testing.Events.who;
import static dev.hearth.game.testing.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;

/** A gateway node leaves the cluster (crash or stop): the players it held leave the world. */
class GatewayLeftTest extends TwoGatewayWorld {

    @Test
    void players_only_on_the_gateway_that_left_leave_and_a_player_also_on_another_stays() {
        SessionRef bob = world.enter("Bob", "g2");
        world.enter("Alice", "g1");
        world.enter("Carol", "g1");
        world.enter("Dave", "g1");
        SessionRef daveOnG2 = world.enter("Dave", "g2");
        g1.clear();
        g2.clear();

        world.gatewayLeft("g1");

        // Disconnected a few at once, so in no particular order.
        assertThat(g2.deliveries()).as("one left per g1-only player, none for Dave").containsExactlyInAnyOrder(
                new Delivery(List.of(bob.session(), daveOnG2.session()), left("Alice")),
                new Delivery(List.of(bob.session(), daveOnG2.session()), left("Carol")));
        assertThat(g1.deliveries()).as("nothing is pushed to the gateway that is gone").isEmpty();
        assertThat(world.output(bob, "who")).containsExactly(who("Bob", "Dave"));
        assertThat(world.output(daveOnG2, "look")).containsExactly(tavern("Bob", "Dave"));
    }

    @Test
    void the_news_published_as_the_node_does_may_repeat_and_the_room_hears_once() {
        world.enter("Alice", "g1");
        SessionRef bob = world.enter("Bob", "g2");
        g2.clear();

        world.publishGatewayLeft("g1");
        // The roster hands its sessions to the first to ask: this one may be answered before the publish's work is done.
        world.gatewayLeft("g1");

        Await.within(Duration.ofSeconds(5), "Bob sees Alice leave", () -> !g2.deliveries().isEmpty());
        assertThat(g2.deliveries()).containsExactly(new Delivery(List.of(bob.session()), left("Alice")));
        assertThat(world.output(bob, "who")).containsExactly(who("Bob"));
    }

    @Test
    void a_gateway_that_held_no_sessions_leaving_changes_nothing() {
        SessionRef bob = world.enter("Bob", "g2");
        g2.clear();

        world.gatewayLeft("g3");

        assertThat(g2.deliveries()).isEmpty();
        assertThat(world.output(bob, "who")).containsExactly(who("Bob"));
    }

    @Test
    void a_player_whose_gateway_left_can_come_back_through_another() {
        world.enter("Alice", "g1");
        SessionRef bob = world.enter("Bob", "g2");
        world.gatewayLeft("g1");
        g2.clear();

        SessionRef alice = world.enter("Alice", "g2");

        assertThat(g2.deliveries()).containsExactly(
                new Delivery(List.of(bob.session()), arrived("Alice")),
                new Delivery(List.of(alice.session()), tavern("Alice", "Bob")));
    }

    @Test
    void a_malformed_gateway_left_message_is_refused_and_the_world_goes_on() {
        SessionRef alice = world.enter("Alice", "g1");

        Throwable noGateway = failure(world.request(EdgeAddresses.GATEWAY_LEFT, new JsonObject()));
        assertThat(noGateway).isInstanceOf(ReplyException.class);
        assertThat(((ReplyException) noGateway).failureCode()).isEqualTo(400);
        assertThat(failure(world.request(EdgeAddresses.GATEWAY_LEFT, "g1"))).isInstanceOf(ReplyException.class);

        assertThat(world.output(alice, "who")).containsExactly(who("Alice"));
    }
}
