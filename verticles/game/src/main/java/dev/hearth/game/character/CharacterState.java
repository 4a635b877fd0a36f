package dev.hearth.game.character;

import dev.hearth.game.world.Item;
import dev.hearth.game.world.Occupant;
import dev.hearth.runtime.edge.SessionRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a {@link Character} keeps, across restarts.
 *
 * @param name      the player's name as they spelled it; null until they first connect
 * @param room      the room they are in; null until they first connect (they start in the tavern)
 * @param inventory what they carry, in the order they got it
 * @param score     barrels shot, all matches together
 * @param seen      ids of the rooms they have been in, in the order first seen
 * @param sessions  the connections they play through now (two tabs are one character)
 * @param channels  the chat channels they have joined (channels; not used by the world itself)
 * @param lobby     the lobby they wait in, or null (lobbies; not used by the world itself)
 */
public record CharacterState(String name, String room, List<Item> inventory, int score, List<String> seen,
                             List<SessionRef> sessions, List<String> channels, String lobby) {

    /** The most sessions a character keeps: a new one beyond that drops the oldest (a leave that was lost). */
    public static final int MAX_SESSIONS = 8;

    public CharacterState {
        inventory = inventory == null ? List.of() : List.copyOf(inventory);
        seen = seen == null ? List.of() : List.copyOf(seen);
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    /** Someone who has never played. */
    public static CharacterState fresh() {
        return new CharacterState(null, null, List.of(), 0, List.of(), List.of(), List.of(), null);
    }

    public CharacterState withName(String newName) {
        return new CharacterState(newName, room, inventory, score, seen, sessions, channels, lobby);
    }

    /** In another room, which counts as seen from now on. */
    public CharacterState withRoom(String roomId) {
        List<String> nowSeen = seen;
        if (!seen.contains(roomId)) {
            nowSeen = new ArrayList<>(seen);
            nowSeen.add(roomId);
        }
        return new CharacterState(name, roomId, inventory, score, nowSeen, sessions, channels, lobby);
    }

    public CharacterState withSessions(List<SessionRef> newSessions) {
        return new CharacterState(name, room, inventory, score, seen, newSessions, channels, lobby);
    }

    public CharacterState withScore(int newScore) {
        return new CharacterState(name, room, inventory, newScore, seen, sessions, channels, lobby);
    }

    public CharacterState withChannels(List<String> newChannels) {
        return new CharacterState(name, room, inventory, score, seen, sessions, newChannels, lobby);
    }

    public CharacterState withLobby(String newLobby) {
        return new CharacterState(name, room, inventory, score, seen, sessions, channels, newLobby);
    }

    public Optional<Item> item(String id) {
        return inventory.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public CharacterState withItem(Item item) {
        List<Item> next = new ArrayList<>(inventory);
        next.add(item);
        return new CharacterState(name, room, next, score, seen, sessions, channels, lobby);
    }

    public CharacterState withoutItem(String id) {
        return new CharacterState(name, room, inventory.stream().filter(i -> !i.id().equals(id)).toList(),
                score, seen, sessions, channels, lobby);
    }

    /** The last {@value #MAX_SESSIONS} of these sessions, in their order. */
    public static List<SessionRef> newest(List<SessionRef> sessions) {
        return sessions.size() <= MAX_SESSIONS ? sessions : List.copyOf(sessions.subList(sessions.size() - MAX_SESSIONS, sessions.size()));
    }

    /** Whether this is one of their sessions: the same address, stamped with their name. */
    public boolean connectedThrough(SessionRef session) {
        return sessions.contains(session);
    }

    /** Their sessions on gateways still in the cluster. */
    public List<SessionRef> liveSessions(Predicate<SessionRef> live) {
        return sessions.stream().filter(live).toList();
    }

    /** How a room holds them: their name and the sessions that see what happens there. */
    public Occupant asOccupant(Predicate<SessionRef> live) {
        return Occupant.player(name, liveSessions(live));
    }
}
