package dev.hearth.gateway.sessions;

import io.vertx.ext.web.handler.sockjs.SockJSSocket;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The sessions this gateway holds, found by socket (bridge events) or by id (stamped messages). */
public final class SessionRegistry {
    private final Map<SockJSSocket, Session> bySocket = new ConcurrentHashMap<>();
    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Map<String, Session> byAddress = new ConcurrentHashMap<>();

    public Session open(SockJSSocket socket) {
        Session session = new Session(socket);
        bySocket.put(socket, session);
        byId.put(session.id(), session);
        byAddress.put(session.address(), session);
        return session;
    }

    public Optional<Session> close(SockJSSocket socket) {
        Session session = bySocket.remove(socket);
        if (session == null) return Optional.empty();
        byId.remove(session.id());
        byAddress.remove(session.address());
        return Optional.of(session);
    }

    public Optional<Session> bySocket(SockJSSocket socket) {
        return Optional.ofNullable(bySocket.get(socket));
    }

    public Optional<Session> byId(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    public Optional<Session> byAddress(String address) {
        return Optional.ofNullable(byAddress.get(address));
    }

    /** Every session open now, in no particular order. */
    public Collection<Session> all() {
        return List.copyOf(bySocket.values());
    }

    public int size() {
        return bySocket.size();
    }
}
