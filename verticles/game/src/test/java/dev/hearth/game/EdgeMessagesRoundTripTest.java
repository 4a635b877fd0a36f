package dev.hearth.game;

import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.Delivery;
import dev.hearth.runtime.edge.ErrorCode;
import dev.hearth.runtime.edge.PlayerCommand;
import dev.hearth.runtime.edge.SessionRef;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static dev.hearth.game.testing.Events.said;
import static dev.hearth.game.testing.Events.tavern;
import static dev.hearth.game.testing.Events.who;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message between the gateways and the world survives the trip through JSON text
 * (what the clustered bus carries) unchanged, so the game and the gateway agree on it.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EdgeMessagesRoundTripTest {
    private static final SessionRef ALICE = new SessionRef("Alice", "gw-1", "hearth.session.6f1c");

    /** Encodes to text and parses it back, as a message crossing the cluster would be. */
    private static JsonObject overTheWire(JsonObject json) {
        return new JsonObject(json.encode());
    }

    @Test
    void a_session_ref_round_trips() {
        assertThat(SessionRef.fromJson(overTheWire(ALICE.toJson()))).isEqualTo(ALICE);
    }

    @Test
    void a_player_command_round_trips_with_unusual_text_intact() {
        PlayerCommand command = new PlayerCommand("c17", ALICE, "say \"Hi\" \u00e9\u00e8 \uD83D\uDD25 \\ {}");
        assertThat(PlayerCommand.fromJson(overTheWire(command.toJson()))).isEqualTo(command);
    }

    @Test
    void a_done_outcome_round_trips_with_its_events_in_order() {
        CommandOutcome done = CommandOutcome.done(tavern("Alice", "Bob"), said("Alice", "hi", true), who("Alice"));
        assertThat(CommandOutcome.fromJson(overTheWire(done.toJson()))).isEqualTo(done);
    }

    @Test
    void a_done_outcome_without_events_round_trips() {
        CommandOutcome done = CommandOutcome.done();
        assertThat(CommandOutcome.fromJson(overTheWire(done.toJson()))).isEqualTo(done);
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void a_rejected_outcome_round_trips_with_every_error_code(ErrorCode code) {
        CommandOutcome rejected = CommandOutcome.rejected(code, "Unknown command 'sya'. Did you mean 'say'?");
        assertThat(CommandOutcome.fromJson(overTheWire(rejected.toJson()))).isEqualTo(rejected);
    }

    @Test
    void a_delivery_round_trips_with_its_sessions_in_order() {
        Delivery delivery = new Delivery(List.of("hearth.session.b", "hearth.session.a"), said("Alice", "hi", false));
        assertThat(Delivery.fromJson(overTheWire(delivery.toJson()))).isEqualTo(delivery);
    }

    @Test
    void the_wire_names_are_those_of_the_protocol() {
        assertThat(ALICE.toJson().fieldNames()).containsExactlyInAnyOrder("player", "gateway", "session");
        assertThat(new PlayerCommand("c1", ALICE, "look").toJson().fieldNames())
                .containsExactlyInAnyOrder("id", "from", "line");
        assertThat(CommandOutcome.rejected(ErrorCode.UNKNOWN_COMMAND, "m").toJson()).isEqualTo(new JsonObject()
                .put("ok", false).put("error", new JsonObject().put("code", "unknown_command").put("message", "m")));
        assertThat(CommandOutcome.done().toJson().getBoolean("ok")).isTrue();
    }
}
