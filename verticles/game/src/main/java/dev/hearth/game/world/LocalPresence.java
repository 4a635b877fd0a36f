package dev.hearth.game.world;

import dev.hearth.runtime.edge.SessionRef;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Presence held in this verticle's memory. Not thread-safe by design: the game verticle
 * only touches it from its own event loop, so every command sees one consistent world.
 */
public final class LocalPresence implements Presence {

    /** Names sort as players read them ("bob" between "Alice" and "Carol"), ties stay stable. */
    static final Comparator<String> BY_NAME = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    /** One character in the world and the connections it is played through. */
    private static final class Player {
        final String roomId;
        // Insertion-ordered so deliveries go out in the order sessions joined.
        final Map<String, SessionRef> sessions = new LinkedHashMap<>();

        Player(String roomId) {
            this.roomId = roomId;
        }
    }

    private final Map<String, Player> players = new HashMap<>();
    // Insertion-ordered so a gateway's sessions are listed in the order they joined.
    private final Map<String, SessionRef> sessions = new LinkedHashMap<>();
    // Room id -> names of the players in it, so a say costs the room's size, not the world's.
    private final Map<String, Set<String>> byRoom = new HashMap<>();

    @Override
    public Joined join(SessionRef session, String startingRoom) {
        SessionRef holder = sessions.get(session.session());
        if (holder != null && !holder.player().equals(session.player())) {
            // Addresses are unique per connection; reuse means a gateway bug, and
            // accepting it would let one player receive another's events.
            throw new IllegalArgumentException("session " + session.session() + " already belongs to another player");
        }
        Player existing = players.get(session.player());
        if (existing != null && existing.sessions.containsKey(session.session())) {
            return new Joined(session.player(), existing.roomId, false, false);
        }
        boolean arrival = existing == null;
        Player player = arrival ? new Player(startingRoom) : existing;
        player.sessions.put(session.session(), session);
        players.put(session.player(), player);
        sessions.put(session.session(), session);
        byRoom.computeIfAbsent(player.roomId, r -> new LinkedHashSet<>()).add(session.player());
        return new Joined(session.player(), player.roomId, true, arrival);
    }

    @Override
    public Optional<Parted> part(SessionRef session) {
        // Look the session up by its address and trust only what we stored: a leave
        // naming the wrong player must not disconnect someone else.
        SessionRef known = sessions.get(session.session());
        if (known == null || !known.player().equals(session.player())) return Optional.empty();
        sessions.remove(known.session());
        Player player = players.get(known.player());
        player.sessions.remove(known.session());
        boolean departure = player.sessions.isEmpty();
        if (departure) {
            players.remove(known.player());
            Set<String> occupants = byRoom.get(player.roomId);
            occupants.remove(known.player());
            if (occupants.isEmpty()) byRoom.remove(player.roomId);
        }
        return Optional.of(new Parted(known.player(), player.roomId, departure));
    }

    @Override
    public boolean contains(SessionRef session) {
        SessionRef known = sessions.get(session.session());
        return known != null && known.player().equals(session.player());
    }

    @Override
    public List<SessionRef> sessionsOn(String gatewayNode) {
        // A scan, not an index: gateways leave rarely, and a second map would be one more thing to keep in step.
        return sessions.values().stream().filter(s -> s.gatewayNode().equals(gatewayNode)).toList();
    }

    @Override
    public Optional<String> roomOf(String player) {
        Player p = players.get(player);
        return p == null ? Optional.empty() : Optional.of(p.roomId);
    }

    @Override
    public List<SessionRef> sessionsIn(String roomId) {
        List<SessionRef> out = new ArrayList<>();
        for (String name : byRoom.getOrDefault(roomId, Set.of())) out.addAll(players.get(name).sessions.values());
        return out;
    }

    @Override
    public List<String> playersIn(String roomId) {
        return byRoom.getOrDefault(roomId, Set.of()).stream().sorted(BY_NAME).toList();
    }

    @Override
    public List<String> playersOnline() {
        return players.keySet().stream().sorted(BY_NAME).toList();
    }
}
