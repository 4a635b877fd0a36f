package dev.hearth.game.delivery;

import dev.hearth.runtime.edge.SessionRef;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The players an entity pushes events to (a channel's members, a lobby's or a match's
 * players), each with the sessions they are connected through: empty while they are
 * offline. A value kept in entity state, replaced on every change, in the order players came.
 *
 * @param sessionsByPlayer player name as shown -> their sessions
 */
public record Audience(Map<String, List<SessionRef>> sessionsByPlayer) {

    public Audience {
        // A map this class built for the new value is taken as it is: copying it again would
        // double the cost of every change, and a channel holds everyone online.
        sessionsByPlayer = sessionsByPlayer == null ? Map.of()
                : sessionsByPlayer instanceof Built built ? Collections.unmodifiableMap(built) : copy(sessionsByPlayer);
    }

    /** A map only {@link #with} and {@link #without} make, handed to the constructor and never changed after. */
    private static final class Built extends LinkedHashMap<String, List<SessionRef>> {
        Built(Map<String, List<SessionRef>> from) {
            super(from);
        }
    }

    public static Audience none() {
        return new Audience(Map.of());
    }

    /** With the player in (or their sessions replaced, keeping their place). */
    public Audience with(String player, List<SessionRef> sessions) {
        Built next = new Built(sessionsByPlayer);
        next.put(player, List.copyOf(sessions));
        return new Audience(next);
    }

    /**
     * With the player's sessions now, if the player is in; this same audience when they are
     * not in or their sessions are unchanged, so a caller can skip a save: a reconnect storm
     * should not rewrite every channel.
     */
    public Audience refreshed(String player, List<SessionRef> sessions) {
        List<SessionRef> held = sessionsByPlayer.get(player);
        return held == null || held.equals(sessions) ? this : with(player, sessions);
    }

    public Audience without(String player) {
        if (!sessionsByPlayer.containsKey(player)) return this;
        Built next = new Built(sessionsByPlayer);
        next.remove(player);
        return new Audience(next);
    }

    public boolean contains(String player) {
        return sessionsByPlayer.containsKey(player);
    }

    /** The players, in the order they came. */
    public List<String> players() {
        return List.copyOf(sessionsByPlayer.keySet());
    }

    public int size() {
        return sessionsByPlayer.size();
    }

    /** How many players have a live session now. */
    public int online(Predicate<SessionRef> live) {
        return (int) sessionsByPlayer.values().stream().filter(s -> s.stream().anyMatch(live)).count();
    }

    /**
     * Every live session of every player. Sessions on gateways that are gone (every node
     * restarted since they were kept) are skipped: nobody is there to see anything.
     */
    public List<SessionRef> sessions(Predicate<SessionRef> live) {
        List<SessionRef> all = new ArrayList<>();
        sessionsByPlayer.values().forEach(sessions -> sessions.stream().filter(live).forEach(all::add));
        return all;
    }

    /** Every live session but one: the one a command came from, which sees the event in its reply. */
    public List<SessionRef> sessionsExcept(SessionRef caller, Predicate<SessionRef> live) {
        return sessions(live).stream().filter(s -> !s.session().equals(caller.session())).toList();
    }

    private static Map<String, List<SessionRef>> copy(Map<String, List<SessionRef>> from) {
        // Insertion order is the order players came; Map.copyOf would lose it.
        Map<String, List<SessionRef>> out = new LinkedHashMap<>();
        from.forEach((player, sessions) -> out.put(player, List.copyOf(sessions)));
        return Collections.unmodifiableMap(out);
    }
}
