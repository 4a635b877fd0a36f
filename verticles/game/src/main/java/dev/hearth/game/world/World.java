package dev.hearth.game.world;

import java.util.Optional;

/**
 * The world's state on this node: its rooms and who is in them. Confined to the game
 * verticle's event loop (see GameVerticle), so nothing here needs a lock.
 */
public record World(Rooms rooms, Presence presence) {

    /** The room the player is in, if they are in the world. */
    public Optional<Room> roomOf(String player) {
        return presence.roomOf(player).flatMap(rooms::find);
    }
}
