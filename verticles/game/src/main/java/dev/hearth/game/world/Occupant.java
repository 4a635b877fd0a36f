package dev.hearth.game.world;

import dev.hearth.game.text.Names;
import dev.hearth.runtime.edge.SessionRef;

import java.util.List;
import java.util.function.Predicate;

/**
 * Someone in a room: a player with the sessions they play through (two tabs are one
 * occupant), or a non-player character, which has none.
 */
public record Occupant(String name, List<SessionRef> sessions, boolean npc) {
    public Occupant {
        sessions = List.copyOf(sessions);
    }

    public static Occupant player(String name, List<SessionRef> sessions) {
        return new Occupant(name, sessions, false);
    }

    public static Occupant npc(String name) {
        return new Occupant(name, List.of(), true);
    }

    /**
     * Whether they are really here: an NPC always is; a player only while one of their
     * sessions is on a gateway that is still in the cluster. Everyone else is a ghost left
     * behind by a restart of every node, and is neither shown nor told anything.
     */
    public boolean presentWith(Predicate<SessionRef> live) {
        if (npc) return true;
        // A loop, not a stream: asked of everyone in the room on every look.
        for (SessionRef session : sessions) {
            if (live.test(session)) return true;
        }
        return false;
    }

    public List<SessionRef> liveSessions(Predicate<SessionRef> live) {
        return sessions.stream().filter(live).toList();
    }

    public boolean named(String other) {
        return Names.same(name, other);
    }
}
