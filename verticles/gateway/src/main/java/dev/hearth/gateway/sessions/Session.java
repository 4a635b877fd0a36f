package dev.hearth.gateway.sessions;

import dev.hearth.gateway.auth.PlayerIdentity;
import dev.hearth.runtime.edge.EdgeAddresses;
import dev.hearth.runtime.edge.SessionRef;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;

import java.util.Optional;
import java.util.UUID;

/**
 * One player's session on this gateway, carried by one connection at a time. It starts
 * anonymous; a successful hello binds the player from the verified token, and from then on
 * everything its socket sends is stamped with that player, whatever the client claims.
 *
 * <p>When the connection drops the session stays (for the resume window, docs/protocol.md
 * section 3): the world still reaches it, and it keeps its most recent events, so a new
 * connection that resumes it is sent what it missed and carries on with the next seq.
 */
public final class Session {
    private final String id = UUID.randomUUID().toString();
    private final String address = EdgeAddresses.session(id);
    /** The start of every event frame to this session, up to its seq (session addresses need no JSON escaping). */
    private final String eventFramePrefix = "{\"type\":\"rec\",\"address\":\"" + address + "\",\"body\":{\"seq\":";
    private final TokenBucket messages = new TokenBucket();
    /** How many of its latest events the session keeps for a resume. */
    private final int kept;
    private volatile SockJSSocket socket;
    private volatile PlayerIdentity player;
    private volatile boolean inWorld;

    // Guarded by this: pushes come from the cluster's thread, drops and resumes on the edge's.
    private long seq;
    /** The latest events (encoded, shared with their other recipients), event n at n % length; null until the first. */
    private String[] recent;
    /** Events are written to the socket; false from a drop until the resuming connection has registered. */
    private boolean attached = true;
    /** A new connection has taken the session over and will register; events up to {@code resumeAfter} it has. */
    private boolean resuming;
    private long resumeAfter;
    /** Counts drops, so the end of a window can tell whether it is still the drop it was set for. */
    private long drops;

    Session(SockJSSocket socket, int kept) {
        this.socket = socket;
        this.kept = kept;
    }

    public String id() {
        return id;
    }

    /** The session's one private address on the bridge bus. */
    public String address() {
        return address;
    }

    /** The connection that carries the session now, or carried it last. */
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

    /**
     * Writes an event to the client as the bridge would deliver a message sent to the
     * session's address (a {@code rec} frame, docs/protocol.md), stamped with the next seq,
     * and keeps it for a resume. The event comes encoded once for all its recipients; only the
     * frame around it is built per session. Straight to the socket: a room's line to 20 players
     * is 20 writes, not 20 event-bus messages each re-checked against the bridge's rules and
     * encoded again. While the connection is down the event is only kept.
     *
     * @param encodedEvent a JSON object without a {@code seq} of its own
     */
    public synchronized void push(String encodedEvent) {
        long n = ++seq;
        if (kept > 0) {
            if (recent == null) recent = new String[kept];
            recent[(int) (n % kept)] = encodedEvent;
        }
        if (attached) socket.write(frame(n, encodedEvent));
    }

    private Buffer frame(long n, String encodedEvent) {
        String rest = encodedEvent.length() > 2 ? "," + encodedEvent.substring(1) : "}";
        return Buffer.buffer(eventFramePrefix + n + rest + "}");
    }

    /** The connection has dropped: events are kept, not written, until a resume. @return this drop's number */
    public synchronized long drop() {
        attached = false;
        resuming = false;
        return ++drops;
    }

    /** Dropped, and not being resumed. */
    public synchronized boolean dropped() {
        return !attached && !resuming;
    }

    /** Still dropped since drop number {@code drop}: its window may end it. */
    public synchronized boolean droppedSince(long drop) {
        return dropped() && drops == drop;
    }

    /**
     * A new connection takes the session over (a resume). Events are kept, not written,
     * until it registers the session's address ({@link #replay}).
     *
     * @param lastSeen the last seq its client received
     * @return the connection that still carried it (a takeover), which the caller closes
     * @throws IllegalStateException when the session never entered the world
     */
    public synchronized Optional<SockJSSocket> moveTo(SockJSSocket newSocket, long lastSeen) {
        if (!inWorld) throw new IllegalStateException("session " + id + " is not in the world");
        SockJSSocket before = socket;
        boolean carried = attached || resuming;
        socket = newSocket;
        attached = false;
        resuming = true;
        resumeAfter = Math.max(0, Math.min(lastSeen, seq));
        return carried && before != newSocket ? Optional.of(before) : Optional.empty();
    }

    /** Events the client of a resume has not seen, kept or not. */
    public synchronized long missed() {
        return seq - resumeAfter;
    }

    /**
     * The resuming connection has registered: it is sent the kept events after the last it saw
     * (those no longer kept show as a gap in seq), then every new one as it comes.
     *
     * @return false when the session was not being resumed
     */
    public synchronized boolean replay() {
        if (!resuming) return false;
        long first = Math.max(resumeAfter + 1, seq - kept + 1);
        for (long n = first; n <= seq; n++) socket.write(frame(n, recent[(int) (n % kept)]));
        resuming = false;
        attached = true;
        return true;
    }

    public SessionRef ref(String gatewayNode) {
        return new SessionRef(player.name(), gatewayNode, address);
    }
}
