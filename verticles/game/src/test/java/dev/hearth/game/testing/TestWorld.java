package dev.hearth.game.testing;

import dev.hearth.game.GameEntities;
import dev.hearth.game.GameServices;
import dev.hearth.game.GameSettings;
import dev.hearth.game.GameVerticle;
import dev.hearth.game.character.Character;
import dev.hearth.game.character.CharacterState;
import dev.hearth.game.chat.Channel;
import dev.hearth.game.chat.ChannelEntity;
import dev.hearth.game.delivery.FanOut;
import dev.hearth.game.npc.Npc;
import dev.hearth.game.npc.NpcEntity;
import dev.hearth.game.text.Names;
import dev.hearth.game.world.Room;
import dev.hearth.game.world.RoomState;
import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.EdgeAddresses;
import dev.hearth.runtime.edge.PlayerCommand;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.entity.Entities;
import dev.hearth.runtime.entity.EntityRuntimeOptions;
import dev.hearth.runtime.entity.EntityType;
import dev.hearth.runtime.entity.engine.EntityRuntime;
import dev.hearth.runtime.entity.store.PgEntityStore;
import dev.hearth.runtime.settings.LiveSettings;
import dev.hearth.testkit.EntityTestKit;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A game node in a test: the game's entities, on the world the migrations seed, and a
 * deployed {@link GameVerticle}, driven the way gateways drive it: SessionRef and
 * PlayerCommand messages on a real event bus. The entities live in the entity test kit (the
 * real engine, in memory), or with {@link #onDatabase} in a real runtime on PostgreSQL. A
 * gateway is in the cluster from the first session on it until {@link #gatewayLeft}.
 */
public final class TestWorld implements AutoCloseable {
    private static final DeliveryOptions FAST = new DeliveryOptions().setSendTimeout(5_000);
    /** So long that the cat never stirs by itself in a test that does not ask it to. */
    public static final Duration CAT_NAPS = Duration.ofHours(1);

    private final Vertx vertx = Vertx.vertx();
    private final LiveSettings settings = new LiveSettings().register(GameSettings.all());
    private final Set<String> liveGateways = ConcurrentHashMap.newKeySet();
    /** Shared by every world in the JVM: a world on the database of one before it must not reuse a command id on a session. */
    private static final AtomicInteger commandIds = new AtomicInteger();
    private final GameServices services;
    private final List<EntityType<?, ?>> types;
    /** Null when the entities run on a database. */
    private EntityTestKit kit;
    private Entities entities;
    private Runnable stopEntities = () -> { };

    private TestWorld(SeededWorld.Catalog catalog, UnaryOperator<GameServices.Builder> tuning) {
        services = tuning.apply(GameServices.builder(new FanOut(vertx.eventBus()), settings, catalog.rooms(), () -> Set.copyOf(liveGateways))
                .npcs(catalog.npcs())
                .npcPace(CAT_NAPS)).build();
        types = GameEntities.all(services);
    }

    /** The seeded world, Soot napping in the tavern. */
    public static TestWorld start() {
        return start(SeededWorld.catalog(), b -> b);
    }

    /** On other rooms, or with other services (a pace for the cat, a random source). */
    public static TestWorld start(SeededWorld.Catalog catalog, UnaryOperator<GameServices.Builder> tuning) {
        TestWorld world = new TestWorld(catalog, tuning);
        return world.deploy(() -> {
            world.kit = new EntityTestKit(world.vertx).register(world.types.toArray(EntityType<?, ?>[]::new));
            // The kit's runtime starts on first use, which must be on this thread, not the verticle's.
            world.kit.refOf(Npc.class, "cat");
            world.entities = world.kit;
            world.stopEntities = world.kit::close;
        });
    }

    /**
     * The world of that database, its entities in a real runtime on it, as on a game node:
     * what one world saved, the next one started on the database finds.
     */
    public static TestWorld onDatabase(DatabaseUrl database) {
        return onDatabase(database, b -> b);
    }

    /** As {@link #onDatabase(DatabaseUrl)}, with other services (channels, a leaderboard on that database). */
    public static TestWorld onDatabase(DatabaseUrl database, UnaryOperator<GameServices.Builder> tuning) {
        TestWorld world = new TestWorld(SeededWorld.load(database), tuning);
        return world.deploy(() -> {
            Pool pool = PgBuilder.pool().connectingTo(database.connectOptions())
                    .with(new PoolOptions().setMaxSize(4)).using(world.vertx).build();
            EntityRuntime runtime = Futures.await(EntityRuntime.start(world.vertx, new PgEntityStore(pool), world.types,
                    EntityRuntimeOptions.defaults()));
            world.entities = runtime;
            world.stopEntities = () -> {
                // As a node stops: the entities are saved and released first, then the pool.
                Futures.await(runtime.close());
                Futures.await(pool.close());
            };
        });
    }

    private TestWorld deploy(Runnable startEntities) {
        try {
            startEntities.run();
            Futures.await(vertx.deployVerticle(new GameVerticle(entities, services)));
        } catch (RuntimeException | AssertionError e) {
            close();
            throw e;
        }
        return this;
    }

    @Override
    public void close() {
        try {
            stopEntities.run();
        } finally {
            Futures.await(vertx.close());
        }
    }

    /** The test kit the entities run in; not for a world on a database. */
    public EntityTestKit kit() {
        if (kit == null) throw new IllegalStateException("this world's entities run on a database, not in the test kit");
        return kit;
    }

    public GameServices services() {
        return services;
    }

    public LiveSettings settings() {
        return settings;
    }

    /** A fake gateway node, in the cluster from now on. */
    public FakeGateway gateway(String node) {
        liveGateways.add(node);
        return new FakeGateway(vertx, node);
    }

    /** A new connection of the player through the gateway node (not yet entered). */
    public SessionRef session(String player, String gatewayNode) {
        liveGateways.add(gatewayNode);
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

    /** The gateway is no longer in the cluster (as the node's view would say), without the news reaching the world. */
    public void gatewayGone(String gatewayNode) {
        liveGateways.remove(gatewayNode);
    }

    /** What the node does when a gateway node leaves the cluster: a local publish, no reply. */
    public void publishGatewayLeft(String gatewayNode) {
        gatewayGone(gatewayNode);
        vertx.eventBus().publish(EdgeAddresses.GATEWAY_LEFT, new JsonObject().put("gateway", gatewayNode));
    }

    /** The same news, sent so as to wait until the world has acted on it (it replies to senders who ask). */
    public void gatewayLeft(String gatewayNode) {
        gatewayGone(gatewayNode);
        assertThat(Futures.await(request(EdgeAddresses.GATEWAY_LEFT, new JsonObject().put("gateway", gatewayNode))))
                .isEqualTo(new JsonObject());
    }

    /** What the world answers to a typed line. */
    public CommandOutcome command(SessionRef session, String line) {
        return command(session, "c" + commandIds.incrementAndGet(), line);
    }

    /** What the world answers to a typed line sent with this client id: sent twice, a retry. */
    public CommandOutcome command(SessionRef session, String clientId, String line) {
        PlayerCommand command = new PlayerCommand(clientId, session, line);
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

    // --- committed state, as the entities saved it ---

    public CharacterState character(String player) {
        return kit().state(type(Character.class, CharacterState.class), Names.key(player));
    }

    /** Null for a room that never changed. */
    public RoomState room(String roomId) {
        return kit().state(type(Room.class, RoomState.class), roomId);
    }

    /** Null for a channel that never changed. */
    public ChannelEntity.State channel(String name) {
        return kit().state(type(Channel.class, ChannelEntity.State.class), name);
    }

    public NpcEntity.State npc(String id) {
        return kit().state(type(Npc.class, NpcEntity.State.class), id);
    }

    @SuppressWarnings("unchecked")
    private <T, S> EntityType<T, S> type(Class<T> contract, Class<S> state) {
        return (EntityType<T, S>) types.stream().filter(t -> t.contract() == contract).findFirst().orElseThrow();
    }
}
