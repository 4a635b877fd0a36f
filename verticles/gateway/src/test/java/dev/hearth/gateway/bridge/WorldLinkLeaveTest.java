package dev.hearth.gateway.bridge;

import dev.hearth.gateway.auth.PlayerIdentity;
import dev.hearth.gateway.sessions.Session;
import dev.hearth.gateway.sessions.SessionRegistry;
import dev.hearth.runtime.edge.EdgeAddresses;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.testing.Await;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.hearth.gateway.bridge.Sockets.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A leave is the world's only way to know a connection closed: it is sent after the world
 * answered the enter (two game nodes could otherwise handle them the wrong way round), and
 * again until the world takes it. One Vert.x plays both the cluster and the edge bus.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WorldLinkLeaveTest {
    private static final String NODE = "gw-1";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private Vertx vertx;
    private SessionRegistry sessions;
    private WorldLink link;
    private final List<String> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        sessions = new SessionRegistry();
        link = new WorldLink(vertx, sessions, NODE, Duration.ofMillis(20));
        await(link.start());
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    @Test
    void the_leave_waits_for_the_worlds_answer_to_the_enter() {
        Promise<Void> enterAnswered = Promise.promise();
        await(vertx.eventBus().<JsonObject>consumer(EdgeAddresses.GAME_ENTER, m -> {
            heard.add("enter");
            enterAnswered.future().onComplete(v -> m.reply(new JsonObject()));
        }).completion());
        await(leaves(0).completion());
        Session alice = inWorld("Alice");

        link.enter(alice);
        link.leave(alice);
        Await.within(WAIT, "the enter arrives", () -> heard.contains("enter"));
        sleep(200);
        assertThat(heard).as("no leave while the enter is unanswered").containsExactly("enter");

        enterAnswered.complete();
        Await.within(WAIT, "the leave arrives", () -> heard.size() == 2);
        assertThat(heard).containsExactly("enter", "leave " + alice.address());
    }

    @Test
    void a_leave_follows_an_enter_the_world_refused_or_never_answered() {
        await(vertx.eventBus().<JsonObject>consumer(EdgeAddresses.GAME_ENTER, m -> m.fail(500, "a timeout after the commit")).completion());
        await(leaves(0).completion());
        Session alice = inWorld("Alice");

        link.enter(alice);
        link.leave(alice);

        Await.within(WAIT, "the leave arrives", () -> heard.contains("leave " + alice.address()));
    }

    @Test
    void an_enter_the_world_does_not_take_is_sent_once_more_then_the_connection_closes() {
        List<String> enters = new CopyOnWriteArrayList<>();
        await(vertx.eventBus().<JsonObject>consumer(EdgeAddresses.GAME_ENTER, m -> {
            enters.add("enter");
            m.fail(500, "busy");
        }).completion());
        List<String> frames = new CopyOnWriteArrayList<>();
        Session alice = sessions.open(Sockets.recording(frames));
        alice.bind(new PlayerIdentity(1, "Alice"));
        alice.enterWorld();

        link.enter(alice);

        Await.within(WAIT, "the connection is closed", () -> frames.contains(Sockets.CLOSED));
        assertThat(enters).hasSize(2);
    }

    @Test
    void a_leave_the_world_fails_is_sent_again_until_it_is_taken() {
        await(leaves(3).completion());
        Session alice = inWorld("Alice");

        link.leave(alice);

        Await.within(WAIT, "the leave is taken", () -> heard.contains("leave " + alice.address()));
        sleep(200);
        assertThat(heard).containsExactly("failed", "failed", "failed", "leave " + alice.address());
    }

    @Test
    void a_leave_sent_while_no_game_node_is_up_arrives_when_one_is() {
        Session alice = inWorld("Alice");

        link.leave(alice);
        sleep(300);
        await(leaves(0).completion());

        Await.within(WAIT, "the leave arrives", () -> heard.contains("leave " + alice.address()));
    }

    @Test
    void a_leave_the_world_refuses_as_malformed_is_not_sent_again() {
        AtomicInteger refusals = new AtomicInteger();
        await(vertx.eventBus().<JsonObject>consumer(EdgeAddresses.GAME_LEAVE, m -> {
            refusals.incrementAndGet();
            m.fail(400, "expected a SessionRef");
        }).completion());
        Session alice = inWorld("Alice");

        link.leave(alice);
        Await.within(WAIT, "the leave is refused", () -> refusals.get() == 1);
        sleep(300);

        assertThat(refusals).hasValue(1);
    }

    /** A game node's leave consumer that fails the first {@code failures} leaves, then takes them. */
    private MessageConsumer<JsonObject> leaves(int failures) {
        AtomicInteger failed = new AtomicInteger();
        return vertx.eventBus().consumer(EdgeAddresses.GAME_LEAVE, m -> {
            if (failed.getAndIncrement() < failures) {
                heard.add("failed");
                m.fail(500, "room.leave timed out");
                return;
            }
            heard.add("leave " + SessionRef.fromJson(m.body()).session());
            m.reply(new JsonObject());
        });
    }

    private Session inWorld(String player) {
        Session session = sessions.open(Sockets.unused());
        session.bind(new PlayerIdentity(player.length(), player));
        session.enterWorld();
        return session;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
