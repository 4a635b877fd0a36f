package dev.hearth.gateway.sessions;

import dev.hearth.gateway.auth.PlayerIdentity;
import dev.hearth.runtime.edge.EdgeAddresses;
import dev.hearth.runtime.edge.SessionRef;
import io.vertx.core.buffer.Buffer;
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
    /** The start of every event frame to this session, up to its seq (session addresses need no JSON escaping). */
    private final String eventFramePrefix = "{\"type\":\"rec\",\"address\":\"" + address + "\",\"body\":{\"seq\":";
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

    /**
     * Writes an event to the client as the bridge would deliver a message sent to the
     * session's address (a {@code rec} frame, docs/protocol.md), stamped with the next seq.
     * The event comes encoded once for all its recipients; only the frame around it is built
     * per session. Straight to the socket: a room's line to 20 players is 20 writes, not 20
     * event-bus messages each re-checked against the bridge's rules and encoded again.
     *
     * @param encodedEvent a JSON object without a {@code seq} of its own
     */
    public void push(String encodedEvent) {
        String rest = encodedEvent.length() > 2 ? "," + encodedEvent.substring(1) : "}";
        socket.write(Buffer.buffer(eventFramePrefix + nextSeq() + rest + "}"));
    }

    public SessionRef ref(String gatewayNode) {
        return new SessionRef(player.name(), gatewayNode, address);
    }
}
