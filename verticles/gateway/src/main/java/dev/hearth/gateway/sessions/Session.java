package dev.hearth.gateway.sessions;

import dev.hearth.gateway.auth.PlayerIdentity;
import dev.hearth.runtime.edge.EdgeAddresses;
import dev.hearth.runtime.edge.SessionRef;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client connection on this gateway. It starts anonymous; a successful hello binds
 * the player from the verified token, and from then on everything the socket sends is
 * stamped with that player, whatever the client claims.
 */
public final class Session {
    private final String id = UUID.randomUUID().toString();
    private final String address = EdgeAddresses.session(id);
    private final SockJSSocket socket;
    private final AtomicLong seq = new AtomicLong();
    private volatile PlayerIdentity player;
    private volatile boolean inWorld;
    private final TokenBucket messages = new TokenBucket();

    Session(SockJSSocket socket) {
        this.socket = socket;
    }

    public String id() {
        return id;
    }

    /** The session's one private address on the bridge bus. */
    public String address() {
        return address;
    }

    public SockJSSocket socket() {
        return socket;
    }

    public Optional<PlayerIdentity> player() {
        return Optional.ofNullable(player);
    }

    /** @return false when the session was already bound (a second hello) */
    public synchronized boolean bind(PlayerIdentity who) {
        if (player != null) return false;
        player = who;
        return true;
    }

    /** Marks the player as in the world; true only the first time. */
    public synchronized boolean enterWorld() {
        if (player == null || inWorld) return false;
        inWorld = true;
        return true;
    }

    public boolean inWorld() {
        return inWorld;
    }

    /** Spends one message from this connection's budget: {@code perSecond} on average, bursts of twice that. */
    public boolean takeMessageToken(int perSecond, long nowNanos) {
        return messages.take(perSecond, 2.0 * perSecond, nowNanos);
    }

    public long nextSeq() {
        return seq.incrementAndGet();
    }

    public SessionRef ref(String gatewayNode) {
        return new SessionRef(player.name(), gatewayNode, address);
    }
}
