package dev.hearth.game.character;

import dev.hearth.game.world.Item;
import dev.hearth.runtime.edge.PlayerCommand;
import dev.hearth.runtime.edge.SessionRef;
import io.vertx.core.Future;

/**
 * One player's character, keyed by their name in lower case: where they are, what they
 * carry, their score, and the sessions they play through. Their commands run in its turn,
 * one at a time. It calls rooms, gateway rosters, channels and lobbies, never another
 * character, and none of those calls a character (they send transfers), so two players
 * acting on each other can never wait on each other.
 */
public interface Character {

    /**
     * A session has registered. The session is shown the room (pushed: no command waits for
     * a reply to carry it); the room sees the player arrive if this is their only live session.
     * A character keeps its {@value CharacterState#MAX_SESSIONS} newest sessions.
     *
     * @return false when the gateway's roster refuses the session (its address belongs to another
     *         player, it has already left, or its gateway has); nothing changes then
     */
    Future<Boolean> connect(SessionRef session);

    /**
     * A connection closed. The room sees them leave with their last live session. A session
     * the character does not know (its enter is still on its way) changes nothing here, and
     * the gateway's roster remembers it as left, so that enter will be refused.
     */
    Future<Void> disconnect(SessionRef session);

    /**
     * Runs a typed line. A session the character does not know (the enter was lost, every
     * game node restarted) is connected first, so it is shown the room before the output.
     *
     * @return the {@link dev.hearth.runtime.edge.CommandOutcome} as its wire JSON, encoded:
     *         events are free-form JSON, which the entity codec does not model
     */
    Future<String> command(PlayerCommand command);

    /** An item arrives (picked up, or given by {@code from}; null for none), by transfer. Always accepts. */
    Future<Void> receive(Item item, String from);

    /** An item comes back: the refund of a give the receiver refused. Always accepts. */
    Future<Void> putBack(Item item);

    /**
     * A match the player took part in has ended: its kills join their score, and they are out
     * of its lobby (if still in it) and back in their room. Sent by the match as a transfer,
     * so it comes exactly once; always accepts.
     */
    Future<Void> matchOver(String matchId, String lobby, int kills);
}
