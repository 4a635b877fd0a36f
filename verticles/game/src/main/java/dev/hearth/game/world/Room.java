package dev.hearth.game.world;

import io.vertx.core.Future;

import java.util.Optional;

/**
 * A room of the world, keyed by its id in the rooms table: who is in it and what lies on
 * its floor. It tells its occupants what happens there (arrivals, departures, speech,
 * things changing hands), never the one who did it: that one's own character answers
 * them and tells their other sessions. A room calls no other entity, so nothing a room
 * does can wait on a character that waits on it.
 */
public interface Room {

    /**
     * Someone comes in, or a player already here has new sessions. The others see
     * {@code arrived} only if they were not here before.
     *
     * @param via the exit of this room they came through (the way back), or null
     * @return the room as the newcomer sees it
     */
    Future<RoomView> enter(Occupant who, String via);

    /**
     * Someone goes. The others see {@code left} if they were really here.
     *
     * @param via the exit they took, or null (they disconnected)
     */
    Future<Void> leave(Occupant who, String via);

    Future<RoomView> view();

    /**
     * Pushes an event to everyone here but one player (whose character tells its own sessions).
     *
     * @param exceptPlayer the one not told, or null to tell everyone
     * @param event        the event as JSON text (the codec carries records, not free-form JSON)
     */
    Future<Void> announce(String exceptPlayer, String event);

    /**
     * A player here picks up an item: it leaves the floor and is transferred to their
     * character, exactly once. Empty when there is no such item here any more (someone
     * was quicker) or the taker is not here.
     */
    Future<Optional<Item>> take(String itemId, String taker);

    /** An item dropped here lands (a transfer from the player's character); the others see it. Always accepts. */
    Future<Void> receive(Item item, String droppedBy);
}
