package dev.hearth.gateway.bridge;

import dev.hearth.gateway.sessions.Session;
import dev.hearth.gateway.sessions.SessionRegistry;
import dev.hearth.runtime.edge.EdgeAddresses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.Set;

/**
 * Decides every bridge event: deny by default. A socket may send only to the three
 * session endpoints and register only its own session address. What it sends is
 * re-stamped with the gateway's own header, so a client can never claim to be
 * someone else: its headers are dropped, not merged.
 */
public final class BridgeGuard {
    /** The one header the session endpoints trust: set here, never by a client. */
    public static final String SESSION_HEADER = "hearth-session";
    private static final Logger log = LoggerFactory.getLogger(BridgeGuard.class);
    private static final Set<String> SENDABLE = Set.of(EdgeAddresses.HELLO, EdgeAddresses.COMMAND, EdgeAddresses.TOKEN);

    private final SessionRegistry sessions;
    private final WorldLink world;

    public BridgeGuard(SessionRegistry sessions, WorldLink world) {
        this.sessions = sessions;
        this.world = world;
    }

    public void handle(BridgeEvent event) {
        switch (event.type()) {
            case SOCKET_CREATED -> {
                sessions.open(event.socket());
                event.complete(true);
            }
            case SOCKET_CLOSED -> {
                sessions.close(event.socket()).filter(Session::inWorld).ifPresent(world::leave);
                event.complete(true);
            }
            case SEND -> event.complete(stampSend(event));
            case REGISTER, UNREGISTER -> event.complete(ownAddress(event).isPresent());
            case REGISTERED -> {
                // The session's address now has a consumer: events will reach it, so the player may enter.
                ownAddress(event).filter(Session::enterWorld).ifPresent(world::enter);
                event.complete(true);
            }
            case PUBLISH -> event.complete(false);
            default -> event.complete(true); // pings, idles, socket errors, outbound messages (already address-filtered)
        }
    }

    private boolean stampSend(BridgeEvent event) {
        JsonObject raw = event.getRawMessage();
        Optional<Session> session = sessions.bySocket(event.socket());
        if (raw == null || session.isEmpty() || !SENDABLE.contains(raw.getString("address"))) return false;
        raw.put("headers", new JsonObject().put(SESSION_HEADER, session.get().id()));
        event.setRawMessage(raw);
        return true;
    }

    private Optional<Session> ownAddress(BridgeEvent event) {
        JsonObject raw = event.getRawMessage();
        Optional<Session> session = sessions.bySocket(event.socket())
                .filter(s -> s.player().isPresent())
                .filter(s -> raw != null && s.address().equals(raw.getString("address")));
        if (session.isEmpty() && raw != null) {
            log.debug("Refused {} of '{}' on a socket that does not own it", event.type(), raw.getString("address"));
        }
        return session;
    }
}
