package dev.hearth.gateway.sessions;

import dev.hearth.gateway.auth.PlayerIdentity;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The sessions this gateway holds, found by socket (bridge events), by id (stamped
 * messages) or by address (deliveries). A dropped session has no socket, but is still
 * found by id and address until it ends, and by its player, for a resume or a new login.
 */
public final class SessionRegistry {
    /** Events a session keeps for a resume when none is said (the live setting's default). */
    static final int DEFAULT_KEPT = 64;

    private final Map<SockJSSocket, Session> bySocket = new ConcurrentHashMap<>();
    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Map<String, Session> byAddress = new ConcurrentHashMap<>();
    /** Dropped sessions by account: the player's to resume, or to end when they log in afresh. */
    private final Map<Long, List<Session>> dropped = new ConcurrentHashMap<>();

    public Session open(SockJSSocket socket) {
        return open(socket, DEFAULT_KEPT);
    }

    /** @param kept how many of its latest events the session keeps for a resume */
    public Session open(SockJSSocket socket, int kept) {
        Session session = new Session(socket, kept);
        bySocket.put(socket, session);
        byId.put(session.id(), session);
        byAddress.put(session.address(), session);
        return session;
    }

    /** The socket has closed: its session is no longer reached through it (it may still be resumed). */
    public Optional<Session> socketClosed(SockJSSocket socket) {
        return Optional.ofNullable(bySocket.remove(socket));
    }

    /** The session's connection dropped and it waits for a resume: {@link #droppedOf} finds it. */
    public void waitForResume(Session session) {
        session.player().ifPresent(player -> dropped.compute(player.accountId(), (account, list) ->
                list == null ? List.of(session) : concat(list, session)));
    }

    /** The player's sessions that dropped and have not been resumed or ended. */
    public List<Session> droppedOf(PlayerIdentity player) {
        return dropped.getOrDefault(player.accountId(), List.of());
    }

    /**
     * {@code socket}'s own fresh session gives way to {@code previous}, which the socket
     * carries from now on (a resume).
     *
     * @return the socket that still carried {@code previous} (a takeover), for the caller to close
     */
    public Optional<SockJSSocket> resume(SockJSSocket socket, Session previous, long lastSeen) {
        Session fresh = bySocket.put(socket, previous);
        if (fresh != null && fresh != previous) end(fresh);
        notDropped(previous);
        Optional<SockJSSocket> before = previous.moveTo(socket, lastSeen);
        before.ifPresent(old -> bySocket.remove(old, previous));
        return before;
    }

    /** The session is over: found no more by anything. */
    public void end(Session session) {
        bySocket.remove(session.socket(), session);
        byId.remove(session.id());
        byAddress.remove(session.address());
        notDropped(session);
    }

    private void notDropped(Session session) {
        session.player().ifPresent(player -> dropped.computeIfPresent(player.accountId(), (account, list) -> {
            List<Session> rest = list.stream().filter(s -> s != session).toList();
            return rest.isEmpty() ? null : rest;
        }));
    }

    private static List<Session> concat(List<Session> list, Session session) {
        return Stream.concat(list.stream(), Stream.of(session)).toList();
    }

    public Optional<Session> bySocket(SockJSSocket socket) {
        return Optional.ofNullable(bySocket.get(socket));
    }

    public Optional<Session> byId(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    public Optional<Session> byAddress(String address) {
        return address == null ? Optional.empty() : Optional.ofNullable(byAddress.get(address));
    }

    /** Every session, connected or dropped, in no particular order. */
    public Collection<Session> all() {
        return List.copyOf(byId.values());
    }

    /** Sessions with a connection now. */
    public int size() {
        return bySocket.size();
    }

    /** Sessions whose connection dropped, waiting for a resume. */
    public int droppedCount() {
        return dropped.values().stream().mapToInt(List::size).sum();
    }
}
