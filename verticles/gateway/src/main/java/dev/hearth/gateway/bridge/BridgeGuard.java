package dev.hearth.gateway.bridge;

import dev.hearth.gateway.GatewaySettings;
import dev.hearth.gateway.sessions.Session;
import dev.hearth.gateway.sessions.SessionRegistry;
import dev.hearth.runtime.edge.EdgeAddresses;
import dev.hearth.runtime.settings.LiveSettings;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Decides every bridge event: deny by default. A socket may send only to the
 * session endpoints and register only its own session address. What it sends is
 * re-stamped with the gateway's own header, so a client can never claim to be
 * someone else: its headers are dropped, not merged.
 */
public final class BridgeGuard {
    /** The one header the session endpoints trust: set here, never by a client. */
    public static final String SESSION_HEADER = "hearth-session";
    private static final Logger log = LoggerFactory.getLogger(BridgeGuard.class);

    private final SessionRegistry sessions;
    private final WorldLink world;
    private final Resumption resumption;
    private final LiveSettings settings;

    public BridgeGuard(SessionRegistry sessions, WorldLink world, Resumption resumption, LiveSettings settings) {
        this.sessions = sessions;
        this.world = world;
        this.resumption = resumption;
        this.settings = settings;
    }

    public void handle(BridgeEvent event) {
        switch (event.type()) {
            case SOCKET_CREATED -> {
                sessions.open(event.socket(), settings.get(GatewaySettings.RESUME_EVENTS));
                event.complete(true);
            }
            // An error may not be followed by a close: either way the connection is gone.
            case SOCKET_CLOSED, SOCKET_ERROR -> {
                resumption.closed(event.socket());
                event.complete(true);
            }
            case SEND -> event.complete(stampSend(event));
            case REGISTER, UNREGISTER -> event.complete(ownAddress(event).isPresent());
            case REGISTERED -> {
                // The session's address now has a consumer: events will reach it, so the player may enter,
                // or, on a resume, be sent what they missed.
                ownAddress(event).filter(session -> !session.replay()).filter(Session::enterWorld).ifPresent(world::enter);
                event.complete(true);
            }
            case PUBLISH -> event.complete(false);
            default -> event.complete(true); // pings, idles, socket errors, outbound messages (already address-filtered)
        }
    }

    /**
     * Every endpoint answers, so a send without a reply address is a client bug or noise;
     * and each socket has a message budget, so one client cannot flood the world.
     */
    private boolean stampSend(BridgeEvent event) {
        JsonObject raw = event.getRawMessage();
        Optional<Session> session = sessions.bySocket(event.socket());
        if (raw == null || session.isEmpty()
                || !EdgeAddresses.CLIENT_SENDABLE.contains(raw.getString("address"))
                || !(raw.getValue("replyAddress") instanceof String)) {
            return false;
        }
        if (!session.get().takeMessageToken(settings.get(GatewaySettings.MESSAGES_PER_SECOND), System.nanoTime())) {
            log.debug("Session {} is over its message budget; frame refused", session.get().id());
            return false;
        }
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
