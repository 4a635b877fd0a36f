package dev.hearth.gateway.bridge;

import dev.hearth.gateway.auth.PlayerIdentity;
import dev.hearth.gateway.sessions.Session;
import dev.hearth.gateway.sessions.SessionRegistry;
import dev.hearth.runtime.edge.Delivery;
import dev.hearth.runtime.edge.EdgeAddresses;
import dev.hearth.runtime.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.hearth.gateway.bridge.Sockets.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broadcast reaches every session of the gateway that is in the world, stamped with
 * each session's own seq, as a Delivery does; sessions that have not entered get nothing.
 * The link writes each event straight to the session's socket, as a {@code rec} frame on the
 * session's address.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WorldLinkBroadcastTest {
    private static final String NODE = "gw-1";
    private static final JsonObject LOBBIES = new JsonObject().put("type", "lobbies").put("lobbies", new JsonArray());

    private Vertx vertx;
    private SessionRegistry sessions;
    private WorldLink link;
    private final Map<String, List<JsonObject>> received = new ConcurrentHashMap<>();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        sessions = new SessionRegistry();
        link = new WorldLink(vertx, sessions, NODE);
        await(link.start());
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    @Test
    void every_session_in_the_world_gets_the_broadcast_with_its_own_next_seq() {
        Session alice = inWorld("Alice");
        Session bob = inWorld("Bob");
        Session anonymous = listening(sessions.open(recordingSocket()));
        vertx.eventBus().send(EdgeAddresses.gateway(NODE), new Delivery(List.of(alice.address()), said()).toJson());
        awaitReceived(alice, 1);

        vertx.eventBus().publish(EdgeAddresses.BROADCAST, new JsonObject().put("event", LOBBIES));

        awaitReceived(alice, 2);
        awaitReceived(bob, 1);
        assertThat(received.get(alice.address())).last().isEqualTo(LOBBIES.copy().put("seq", 2L));
        assertThat(received.get(bob.address())).containsExactly(LOBBIES.copy().put("seq", 1L));
        assertThat(received.get(anonymous.address())).as("not in the world").isEmpty();
    }

    @Test
    void a_broadcast_without_an_event_is_dropped() {
        Session alice = inWorld("Alice");

        link.broadcast(new JsonObject().put("event", "not an object"));
        link.broadcast(new JsonObject());
        link.broadcast(null);
        vertx.eventBus().publish(EdgeAddresses.BROADCAST, new JsonObject().put("event", LOBBIES));

        awaitReceived(alice, 1);
        assertThat(received.get(alice.address())).containsExactly(LOBBIES.copy().put("seq", 1L));
    }

    private static JsonObject said() {
        return new JsonObject().put("type", "said").put("from", "Bob").put("text", "hi").put("you", false);
    }

    private Session inWorld(String player) {
        Session session = listening(sessions.open(recordingSocket()));
        session.bind(new PlayerIdentity(player.length(), player));
        session.enterWorld();
        return session;
    }

    private final Map<SockJSSocket, List<String>> frames = new ConcurrentHashMap<>();

    private SockJSSocket recordingSocket() {
        List<String> written = new CopyOnWriteArrayList<>();
        SockJSSocket socket = Sockets.recording(written);
        frames.put(socket, written);
        return socket;
    }

    /** What the session's socket received, as the events in its rec frames (each frame checked for the session's address). */
    private Session listening(Session session) {
        received.put(session.address(), new FrameEvents(session.address(), frames.get(session.socket())));
        return session;
    }

    /** The events of the rec frames written to a socket, decoded as a client would. */
    private static final class FrameEvents extends java.util.AbstractList<JsonObject> {
        private final String address;
        private final List<String> written;

        FrameEvents(String address, List<String> written) {
            this.address = address;
            this.written = written;
        }

        @Override
        public JsonObject get(int index) {
            JsonObject frame = new JsonObject(written.get(index));
            assertThat(frame.getString("type")).isEqualTo("rec");
            assertThat(frame.getString("address")).isEqualTo(address);
            return frame.getJsonObject("body");
        }

        @Override
        public int size() {
            return written.size();
        }
    }

    private void awaitReceived(Session session, int count) {
        Await.within(Duration.ofSeconds(5), session.address() + " receives " + count,
                () -> received.get(session.address()).size() >= count);
    }
}
