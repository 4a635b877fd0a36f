package dev.hearth.game.npc;

import io.vertx.core.Future;

/**
 * A non-player character that lives on its own, keyed by its id in the npcs table. A
 * durable reminder wakes it every {@code npcPace} wherever it is, even when no node has it
 * active, and it wanders, emotes or dozes. It calls rooms, nothing else.
 */
public interface Npc {

    /**
     * Puts it in its home room if it is nowhere yet, and starts its reminder. Every game
     * node calls this at start; after the first time it changes nothing.
     */
    Future<Void> wake();

    /** One moment of its life, what its reminder does: wander along an exit, emote, or doze. */
    Future<Void> act();
}
