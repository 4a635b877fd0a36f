package dev.hearth.gateway.bridge;

import dev.hearth.gateway.GatewaySettings;
import dev.hearth.gateway.auth.PlayerIdentity;
import dev.hearth.gateway.sessions.Session;
import dev.hearth.gateway.sessions.SessionRegistry;
import dev.hearth.runtime.settings.LiveSettings;
import io.vertx.core.Vertx;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * What happens to a session when its connection goes (docs/protocol.md, "Resume"): the
 * player stays in the world for the resume window, and a new connection with the player's
 * token may take the session back, missed events and all; at the window's end, or when the
 * player logs in afresh here, the session ends and the world is told they left. On the
 * edge's event loop, as every bridge event is.
 */
public final class Resumption {
    private static final Logger log = LoggerFactory.getLogger(Resumption.class);

    private final Vertx edge;
    private final SessionRegistry sessions;
    private final WorldLink world;
    private final LiveSettings settings;

    public Resumption(Vertx edge, SessionRegistry sessions, WorldLink world, LiveSettings settings) {
        this.edge = edge;
        this.sessions = sessions;
        this.world = world;
        this.settings = settings;
    }

    /** The socket closed (or failed): its session waits out the window, or ends now if it never entered or there is none. */
    void closed(SockJSSocket socket) {
        sessions.socketClosed(socket).ifPresent(session -> {
            int window = settings.get(GatewaySettings.RESUME_WINDOW_MS);
            if (!session.inWorld() || window == 0) {
                end(session);
                return;
            }
            long drop = session.drop();
            sessions.waitForResume(session);
            edge.setTimer(window, t -> {
                if (session.droppedSince(drop)) {
                    log.info("Player '{}' did not resume session {} within {} ms", name(session), session.id(), window);
                    end(session);
                }
            });
        });
    }

    /**
     * A hello asks to resume the session at {@code address}: it must be this player's and in
     * the world. A connection still carrying it (one the client gave up on) is closed.
     *
     * @param lastSeen the last seq the client received on it
     * @return the session, now carried by {@code socket}; empty when it cannot be resumed
     */
    Optional<Session> resume(SockJSSocket socket, PlayerIdentity player, String address, long lastSeen) {
        // The hello's own connection may have closed while its token was checked: nothing to resume onto.
        if (sessions.bySocket(socket).isEmpty()) return Optional.empty();
        Optional<Session> previous = sessions.byAddress(address)
                .filter(Session::inWorld)
                .filter(s -> s.player().map(p -> p.accountId() == player.accountId()).orElse(false));
        previous.ifPresent(session -> {
            sessions.resume(socket, session, lastSeen).ifPresent(SockJSSocket::close);
            log.info("Player '{}' resumed session {} ({} events missed)", player.name(), session.id(), session.missed());
        });
        return previous;
    }

    /** The player starts a new session here: those of theirs waiting for a resume end now, so the world has them once. */
    void endDropped(PlayerIdentity player) {
        sessions.droppedOf(player).stream().filter(Session::dropped).forEach(this::end);
    }

    /** The session is over: found no more, and the world told the player left (if they had entered). */
    void end(Session session) {
        sessions.end(session);
        if (session.inWorld()) world.leave(session);
    }

    private static String name(Session session) {
        return session.player().map(PlayerIdentity::name).orElse("?");
    }
}
