package dev.hearth.game.testing;

import dev.hearth.game.GameEntities;
import dev.hearth.game.GameSettings;
import dev.hearth.game.GameVerticle;
import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.EdgeAddresses;
import dev.hearth.runtime.edge.PlayerCommand;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.entity.EntityRuntimeOptions;
import dev.hearth.runtime.entity.engine.EntityRuntime;
import dev.hearth.runtime.entity.store.PgEntityStore;
import dev.hearth.runtime.settings.LiveSettings;
import dev.hearth.runtime.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deployed game verticle on a fresh, migrated PostgreSQL database, driven the way the
 * gateway drives it: SessionRef and PlayerCommand messages on a real event bus.
 */
public final class TestWorld {
    private static final DeliveryOptions FAST = new DeliveryOptions().setSendTimeout(5_000);

    private final Vertx vertx;
    private final LiveSettings settings;
    private final AtomicInteger commandIds = new AtomicInteger();

    private TestWorld(Vertx vertx, LiveSettings settings) {
        this.vertx = vertx;
        this.settings = settings;
    }

    public static TestWorld start(Vertx vertx) {
        return start(vertx, TestDatabase.fresh());
    }

    /** Deploys on the given database, for tests that change rows first. */
    public static TestWorld start(Vertx vertx, DatabaseUrl database) {
        TestWorld world = new TestWorld(vertx, new LiveSettings().register(GameSettings.all()));
        Futures.await(world.deploy(database));
        return world;
    }

    /** The deployment itself, for tests about a start that must fail. */
    public static Future<String> deploy(Vertx vertx, DatabaseUrl database) {
        return new TestWorld(vertx, new LiveSettings().register(GameSettings.all())).deploy(database);
    }

    /** With a real entity runtime hosting the game's types, as on a game node; it goes when the Vert.x closes. */
    private Future<String> deploy(DatabaseUrl database) {
        Pool pool = PgBuilder.pool()
                .connectingTo(database.connectOptions())
                .with(new PoolOptions().setMaxSize(2))
                .using(vertx)
                .build();
        return EntityRuntime.start(vertx, new PgEntityStore(pool), GameEntities.all(), EntityRuntimeOptions.defaults())
                .compose(entities -> vertx.deployVerticle(new GameVerticle(pool, settings, entities)));
    }

    public LiveSettings settings() {
        return settings;
    }

    public FakeGateway gateway(String node) {
        return new FakeGateway(vertx, node);
    }

    /** A new connection of the player through the gateway node (not yet entered). */
    public SessionRef session(String player, String gatewayNode) {
        return new SessionRef(player, gatewayNode, EdgeAddresses.session(UUID.randomUUID().toString()));
    }

    public SessionRef enter(String player, String gatewayNode) {
        SessionRef session = session(player, gatewayNode);
        enter(session);
        return session;
    }

    public void enter(SessionRef session) {
        assertThat(Futures.await(request(EdgeAddresses.GAME_ENTER, session.toJson()))).isEqualTo(new JsonObject());
    }

    public void leave(SessionRef session) {
        assertThat(Futures.await(request(EdgeAddresses.GAME_LEAVE, session.toJson()))).isEqualTo(new JsonObject());
    }

    /** What the node does when a gateway node leaves the cluster: a local publish, no reply. */
    public void publishGatewayLeft(String gatewayNode) {
        vertx.eventBus().publish(EdgeAddresses.GATEWAY_LEFT, new JsonObject().put("gateway", gatewayNode));
    }

    /** The same news, sent so as to wait until the world has acted on it (it replies to senders who ask). */
    public void gatewayLeft(String gatewayNode) {
        assertThat(Futures.await(request(EdgeAddresses.GATEWAY_LEFT, new JsonObject().put("gateway", gatewayNode))))
                .isEqualTo(new JsonObject());
    }

    /** What the world answers to a typed line. */
    public CommandOutcome command(SessionRef session, String line) {
        PlayerCommand command = new PlayerCommand("c" + commandIds.incrementAndGet(), session, line);
        return CommandOutcome.fromJson(Futures.await(request(EdgeAddresses.GAME_COMMAND, command.toJson())));
    }

    /** The events a line shows its player; fails the test if the line was rejected. */
    public List<JsonObject> output(SessionRef session, String line) {
        CommandOutcome outcome = command(session, line);
        assertThat(outcome).as("outcome of '%s'", line).isInstanceOf(CommandOutcome.Done.class);
        return ((CommandOutcome.Done) outcome).events();
    }

    /** The rejection of a line; fails the test if the line was accepted. */
    public CommandOutcome.Rejected rejection(SessionRef session, String line) {
        CommandOutcome outcome = command(session, line);
        assertThat(outcome).as("outcome of '%s'", line).isInstanceOf(CommandOutcome.Rejected.class);
        return (CommandOutcome.Rejected) outcome;
    }

    /** A raw request, for tests that send what a well-behaved gateway never would. */
    public Future<JsonObject> request(String address, Object body) {
        return vertx.eventBus().<JsonObject>request(address, body, FAST).map(m -> m.body());
    }
}
