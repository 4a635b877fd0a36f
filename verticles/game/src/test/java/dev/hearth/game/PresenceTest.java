package dev.hearth.game;

import dev.hearth.game.character.CharacterState;
import dev.hearth.game.sessions.GatewayRoster;
import dev.hearth.game.testing.TwoGatewayWorld;
import dev.hearth.game.world.Occupant;
import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.Delivery;
import dev.hearth.runtime.edge.EdgeAddresses;
import dev.hearth.runtime.edge.ErrorCode;
import dev.hearth.runtime.edge.PlayerCommand;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.testing.Await;
import io.vertx.core.eventbus.ReplyException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.hearth.game.testing.Events.BREAD;
import static dev.hearth.game.testing.Events.said;
import static dev.hearth.game.testing.Events.took;
import static dev.hearth.game.testing.Events.who;
import static dev.hearth.game.testing.Futures.await;
import static dev.hearth.game.testing.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions that come and go out of order, or whose leave never comes: no ghost is left in
 * the character, its room or the gateway's roster, and nothing grows without bound.
 */
class PresenceTest extends TwoGatewayWorld {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void a_leave_that_arrives_before_its_enter_leaves_no_ghost() {
        // Two game nodes take enter and leave round-robin: the leave can be handled first.
        SessionRef bob = world.enter("Bob", "g1");
        SessionRef alice = world.session("Alice", "g1");

        world.leave(alice);
        Throwable refused = failure(world.request(EdgeAddresses.GAME_ENTER, alice.toJson()));

        assertThat(refused).isInstanceOf(ReplyException.class);
        assertThat(((ReplyException) refused).failureCode()).isEqualTo(400);
        assertThat(world.output(bob, "who")).containsExactly(who("Bob"));
        assertThat(world.character("Alice")).as("never entered").isNull();
        // Rooms are written behind: what they hold is saved within 200 ms.
        Await.within(WAIT, "the tavern is saved with Bob", () -> world.room("tavern") != null);
        assertThat(world.room("tavern").occupants()).extracting(Occupant::name).doesNotContain("Alice");
        assertThat(await(world.kit().ref(GatewayRoster.class, "g1").sessions())).containsExactly(bob);
    }

    @Test
    void a_command_that_arrives_after_its_sessions_leave_does_not_bring_it_back() {
        SessionRef bob = world.enter("Bob", "g2");
        SessionRef alice = world.enter("Alice", "g1");
        world.leave(alice);
        forgetDeliveries();

        CommandOutcome late = world.command(alice, "say Still here?");

        assertThat(late).isInstanceOf(CommandOutcome.Rejected.class);
        assertThat(((CommandOutcome.Rejected) late).code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(g2.deliveries()).as("Bob hears nothing of Alice").isEmpty();
        assertThat(world.output(bob, "who")).containsExactly(who("Bob"));
        assertThat(world.character("Alice").sessions()).isEmpty();
    }

    @Test
    void a_player_whose_leaves_are_lost_keeps_only_their_newest_sessions() {
        SessionRef bob = world.enter("Bob", "g2");
        List<SessionRef> reloads = new ArrayList<>();
        for (int i = 0; i < CharacterState.MAX_SESSIONS + 4; i++) reloads.add(world.enter("Alice", "g1"));
        List<SessionRef> newest = reloads.subList(4, reloads.size());

        assertThat(world.character("Alice").sessions()).containsExactlyElementsOf(newest);
        Await.within(WAIT, "the tavern is saved with Alice's newest sessions", () -> world.room("tavern") != null
                && world.room("tavern").occupant(Occupant.player("Alice", List.of())).map(o -> o.sessions().equals(newest)).orElse(false));
        forgetDeliveries();
        world.output(bob, "say hello");
        assertThat(g1.deliveries()).extracting(Delivery::sessions).containsExactly(newest.stream().map(SessionRef::session).toList());
    }

    @Test
    void a_retried_command_id_on_the_same_session_applies_once() {
        SessionRef bob = world.enter("Bob", "g2");
        SessionRef alice = world.enter("Alice", "g1");
        world.output(alice, "north");
        world.output(bob, "north");
        forgetDeliveries();
        PlayerCommand get = new PlayerCommand("c7", alice, "get bread");

        CommandOutcome first = CommandOutcome.fromJson(await(world.request(EdgeAddresses.GAME_COMMAND, get.toJson())));
        CommandOutcome retried = CommandOutcome.fromJson(await(world.request(EdgeAddresses.GAME_COMMAND, get.toJson())));

        assertThat(first).isInstanceOf(CommandOutcome.Done.class);
        assertThat(retried).isEqualTo(first);
        assertThat(g2.deliveries()).containsExactly(new Delivery(List.of(bob.session()), took("Alice", BREAD)));
        // The id is the client's, per session: another session's c7 is another command, and runs again.
        SessionRef aliceAgain = world.enter("Alice", "g2");
        CommandOutcome another = CommandOutcome.fromJson(await(world.request(EdgeAddresses.GAME_COMMAND,
                new PlayerCommand("c7", aliceAgain, "get bread").toJson())));
        assertThat(another).isInstanceOf(CommandOutcome.Rejected.class);
        assertThat(((CommandOutcome.Rejected) another).message()).isEqualTo("You already have the loaf of bread.");
    }

    @Test
    void a_command_id_as_long_as_a_gateway_allows_is_accepted_and_applies_once() {
        SessionRef bob = world.enter("Bob", "g2");
        SessionRef alice = world.enter("Alice", "g1");
        world.output(alice, "north");
        world.output(bob, "north");
        forgetDeliveries();
        PlayerCommand get = new PlayerCommand("x".repeat(64), alice, "get bread");

        CommandOutcome first = CommandOutcome.fromJson(await(world.request(EdgeAddresses.GAME_COMMAND, get.toJson())));
        CommandOutcome retried = CommandOutcome.fromJson(await(world.request(EdgeAddresses.GAME_COMMAND, get.toJson())));

        assertThat(first).isInstanceOf(CommandOutcome.Done.class);
        assertThat(retried).isEqualTo(first);
        assertThat(g2.deliveries()).containsExactly(new Delivery(List.of(bob.session()), took("Alice", BREAD)));
    }

    @Test
    void a_departed_gateway_hands_its_sessions_over_once_and_refuses_new_ones() {
        SessionRef alice = world.enter("Alice", "g1");
        GatewayRoster g1Roster = world.kit().ref(GatewayRoster.class, "g1");

        assertThat(await(g1Roster.departed())).containsExactly(alice);
        assertThat(await(g1Roster.departed())).as("another game node heard the news too").isEmpty();
        assertThat(await(g1Roster.add(world.session("Carol", "g1")))).isFalse();
        assertThat(await(g1Roster.sessions())).isEmpty();
    }
}
