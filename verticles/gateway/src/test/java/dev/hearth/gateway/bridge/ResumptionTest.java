package dev.hearth.gateway.bridge;

import dev.hearth.gateway.GatewaySettings;
import dev.hearth.gateway.auth.PlayerIdentity;
import dev.hearth.gateway.sessions.Session;
import dev.hearth.gateway.sessions.SessionRegistry;
import dev.hearth.runtime.edge.EdgeAddresses;
import dev.hearth.runtime.settings.LiveSettings;
import dev.hearth.runtime.testing.Await;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import static dev.hearth.gateway.bridge.Sockets.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dropped connection's session waits for its player: a resume on a new connection gets
 * the events it missed (the kept ones) with their own seqs and carries on; the window's end,
 * or a fresh login, ends it and tells the world. One Vert.x plays the cluster and the edge.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ResumptionTest {
    private static final String NODE = "gw-1";
    private static final PlayerIdentity ALICE = new PlayerIdentity(1, "Alice");
    private static final Duration WAIT = Duration.ofSeconds(5);

    private Vertx vertx;
    private final LiveSettings settings = new LiveSettings().register(GatewaySettings.all());
    private final SessionRegistry sessions = new SessionRegistry();
    private final List<String> leaves = new CopyOnWriteArrayList<>();
    private Resumption resumption;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        WorldLink link = new WorldLink(vertx, sessions, NODE);
        await(link.start());
        await(vertx.eventBus().<JsonObject>consumer(EdgeAddresses.GAME_LEAVE, m -> {
            leaves.add(m.body().getString("session"));
            m.reply(new JsonObject());
        }).completion());
        resumption = new Resumption(vertx, sessions, link, settings);
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    @Test
    void a_resume_replays_what_was_missed_then_carries_on_with_the_next_seq() {
        List<String> first = new CopyOnWriteArrayList<>();
        Session alice = inWorld(Sockets.recording(first), 10);
        alice.push(said("one"));
        alice.push(said("two"));
        onEdge(() -> resumption.closed(alice.socket()));
        alice.push(said("three"));
        alice.push(said("four"));

        List<String> second = new CopyOnWriteArrayList<>();
        SockJSSocket socket = Sockets.recording(second);
        sessions.open(socket);
        assertThat(onEdge(() -> resumption.resume(socket, ALICE, alice.address(), 1))).contains(alice);
        assertThat(alice.missed()).isEqualTo(3);
        alice.push(said("five"));
        assertThat(second).as("nothing before the register").isEmpty();
        assertThat(alice.replay()).isTrue();
        alice.push(said("six"));

        assertThat(first).hasSize(2);
        assertThat(second).containsExactly(frame(alice, 2, "two"), frame(alice, 3, "three"), frame(alice, 4, "four"),
                frame(alice, 5, "five"), frame(alice, 6, "six"));
        assertThat(sessions.bySocket(socket)).contains(alice);
        assertThat(leaves).as("the world never heard of the drop").isEmpty();
    }

    @Test
    void events_no_longer_kept_are_a_gap_in_seq() {
        Session alice = inWorld(Sockets.unused(), 2);
        onEdge(() -> resumption.closed(alice.socket()));
        for (String word : List.of("one", "two", "three", "four")) alice.push(said(word));

        List<String> frames = new CopyOnWriteArrayList<>();
        SockJSSocket socket = Sockets.recording(frames);
        sessions.open(socket);
        onEdge(() -> resumption.resume(socket, ALICE, alice.address(), 0));
        alice.replay();

        assertThat(frames).containsExactly(frame(alice, 3, "three"), frame(alice, 4, "four"));
    }

    @Test
    void another_players_token_cannot_resume_the_session() {
        Session alice = inWorld(Sockets.unused(), 10);
        onEdge(() -> resumption.closed(alice.socket()));
        SockJSSocket socket = Sockets.unused();
        sessions.open(socket);

        assertThat(onEdge(() -> resumption.resume(socket, new PlayerIdentity(2, "Mallory"), alice.address(), 0))).isEmpty();
        assertThat(alice.dropped()).isTrue();
    }

    @Test
    void a_hello_whose_connection_closed_meanwhile_resumes_nothing_and_the_window_still_runs() {
        Session alice = inWorld(Sockets.unused(), 10);
        onEdge(() -> resumption.closed(alice.socket()));
        SockJSSocket socket = Sockets.unused();
        sessions.open(socket);
        onEdge(() -> resumption.closed(socket));

        assertThat(onEdge(() -> resumption.resume(socket, ALICE, alice.address(), 0))).isEmpty();
        assertThat(alice.dropped()).as("still waiting out its window").isTrue();
    }

    @Test
    void a_resume_of_a_session_still_connected_closes_the_old_connection() {
        List<String> old = new CopyOnWriteArrayList<>();
        SockJSSocket oldSocket = Sockets.recording(old);
        Session alice = inWorld(oldSocket, 10);
        SockJSSocket socket = Sockets.unused();
        sessions.open(socket);

        assertThat(onEdge(() -> resumption.resume(socket, ALICE, alice.address(), 0))).contains(alice);

        assertThat(old).containsExactly(Sockets.CLOSED);
        onEdge(() -> resumption.closed(oldSocket));
        assertThat(sessions.bySocket(socket)).as("the old socket's close changes nothing").contains(alice);
    }

    @Test
    void the_session_ends_and_the_world_is_told_when_the_window_passes() {
        settings.apply(GatewaySettings.RESUME_WINDOW_MS.key(), "200");
        Session alice = inWorld(Sockets.unused(), 10);
        onEdge(() -> resumption.closed(alice.socket()));

        Await.within(WAIT, "the leave reaches the world", () -> leaves.contains(alice.address()));
        assertThat(sessions.byAddress(alice.address())).isEmpty();
        assertThat(sessions.droppedCount()).isZero();
    }

    @Test
    void a_fresh_login_ends_the_players_dropped_sessions() {
        Session alice = inWorld(Sockets.unused(), 10);
        onEdge(() -> resumption.closed(alice.socket()));
        assertThat(sessions.droppedOf(ALICE)).containsExactly(alice);

        onEdge(() -> resumption.endDropped(ALICE));

        Await.within(WAIT, "the leave reaches the world", () -> leaves.contains(alice.address()));
        assertThat(sessions.droppedOf(ALICE)).isEmpty();
    }

    @Test
    void with_no_window_a_drop_ends_the_session_at_once() {
        settings.apply(GatewaySettings.RESUME_WINDOW_MS.key(), "0");
        Session alice = inWorld(Sockets.unused(), 10);
        onEdge(() -> resumption.closed(alice.socket()));

        Await.within(WAIT, "the leave reaches the world", () -> leaves.contains(alice.address()));
        assertThat(sessions.droppedCount()).isZero();
    }

    private Session inWorld(SockJSSocket socket, int kept) {
        Session session = sessions.open(socket, kept);
        session.bind(ALICE);
        session.enterWorld();
        return session;
    }

    private static String said(String text) {
        return new JsonObject().put("type", "said").put("text", text).encode();
    }

    private static String frame(Session session, long seq, String text) {
        return "{\"type\":\"rec\",\"address\":\"" + session.address() + "\",\"body\":{\"seq\":" + seq + ",\"type\":\"said\",\"text\":\"" + text + "\"}}";
    }

    /** Runs on a Vert.x context, as the bridge's events do (timers need one). */
    private <T> T onEdge(Supplier<T> work) {
        Promise<T> done = Promise.promise();
        vertx.getOrCreateContext().runOnContext(v -> done.complete(work.get()));
        return await(done.future());
    }

    private void onEdge(Runnable work) {
        onEdge(() -> {
            work.run();
            return null;
        });
    }
}
