package dev.hearth.game.testing;

import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.ErrorCode;
import dev.hearth.runtime.edge.SessionRef;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evennia-style command tests: a line typed by Alice, and the exact events she sees (or
 * the exact rejection), through the game verticle and the entities, in a fresh seeded
 * world per test with Alice in the tavern on gateway g1 and Bob's gateway g2.
 */
public abstract class CommandTest extends TwoGatewayWorld {
    protected SessionRef alice;

    @BeforeEach
    void aliceIsInTheTavern() {
        alice = world.enter("Alice", "g1");
    }

    /** Alice types the line and sees exactly these events. */
    protected void expect(String line, JsonObject... events) {
        expect(alice, line, events);
    }

    protected void expect(SessionRef who, String line, JsonObject... events) {
        assertThat(world.output(who, line)).as("output of '%s'", line).containsExactly(events);
    }

    /** Alice types the line and it is refused with exactly this code and message. */
    protected void expectRejected(String line, ErrorCode code, String message) {
        expectRejected(alice, line, code, message);
    }

    protected void expectRejected(SessionRef who, String line, ErrorCode code, String message) {
        CommandOutcome.Rejected rejected = world.rejection(who, line);
        assertThat(rejected.code()).as("code for '%s'", line).isEqualTo(code);
        assertThat(rejected.message()).as("message for '%s'", line).isEqualTo(message);
    }

    /** Alice's line is refused as bad arguments with exactly this message. */
    protected void expectRefused(String line, String message) {
        expectRejected(line, ErrorCode.BAD_ARGUMENTS, message);
    }

}
