package dev.hearth.node;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import dev.hearth.game.GameEntities;
import dev.hearth.game.GameServices;
import dev.hearth.game.GameSettings;
import dev.hearth.game.GameVerticle;
import dev.hearth.game.chat.ChannelStore;
import dev.hearth.game.delivery.FanOut;
import dev.hearth.game.leaderboard.PgLeaderboard;
import dev.hearth.game.npc.NpcStore;
import dev.hearth.game.world.RoomCatalog;
import dev.hearth.game.world.RoomStore;
import dev.hearth.gateway.GatewayConfig;
import dev.hearth.gateway.GatewaySettings;
import dev.hearth.gateway.GatewayVerticle;
import dev.hearth.gateway.accounts.AccountStore;
import dev.hearth.gateway.accounts.AccountsApi;
import dev.hearth.gateway.accounts.HashingConfig;
import dev.hearth.gateway.accounts.PasswordHasher;
import dev.hearth.gateway.auth.TokenKeys;
import dev.hearth.gateway.auth.TokenService;
import dev.hearth.node.cluster.ClusterSetup;
import dev.hearth.node.cluster.GatewayDepartures;
import dev.hearth.node.cluster.HearthClusterManager;
import dev.hearth.node.cluster.LiveGateways;
import dev.hearth.node.cluster.SameDatabaseCheck;
import dev.hearth.node.config.NodeConfig;
import dev.hearth.node.db.DatabaseIdentity;
import dev.hearth.node.db.EmbeddedDatabase;
import dev.hearth.node.management.ManagementServer;
import dev.hearth.node.management.MemoryStatus;
import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.db.Migrations;
import dev.hearth.runtime.entity.EntityRuntimeOptions;
import dev.hearth.runtime.entity.EntityType;
import dev.hearth.runtime.entity.engine.EntityRuntime;
import dev.hearth.runtime.entity.store.PgEntityStore;
import dev.hearth.runtime.settings.LiveSettings;
import dev.hearth.runtime.settings.SettingsListener;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One Hearth process: database, cluster membership, live settings, one entity runtime, and
 * the verticles of its role. {@link #start()} is blocking and runs on the launcher's thread,
 * never on an event loop; it either returns a running node or throws with a reason an
 * operator can act on.
 *
 * <p>The entity runtime shares the node's clustered Vert.x and database pool. Game and all
 * nodes host entities; gateways only call them. Stopping drains it (its entities are saved
 * and handed to the other hosts while calls keep being answered) before the pool and the
 * cluster close.
 */
public final class Node {
    private static final Logger log = LoggerFactory.getLogger(Node.class);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(20);

    private final NodeConfig config;
    private final List<EntityType<?, ?>> extraEntityTypes;
    private final Instant startedAt = Instant.now();
    private final LiveSettings settings = new LiveSettings();
    private EmbeddedDatabase embedded;
    private DatabaseUrl databaseUrl;
    private String databaseId;
    private HazelcastInstance hazelcast;
    private HearthClusterManager clusterManager;
    private Vertx cluster;
    private Vertx edge;
    private Pool pool;
    /** The entity runtime's lease statements only: they must never wait behind the node's other work. */
    private Pool leasePool;
    private Pool edgePool;
    private SettingsListener settingsListener;
    private EntityRuntime entities;
    private PasswordHasher hasher;
    private ManagementServer management;
    private GatewayVerticle gateway;
    private String gameDeployment;
    private volatile boolean stopRequested;
    private boolean stopped;

    public Node(NodeConfig config) {
        this(config, List.of());
    }

    /** A node whose entity runtime also hosts and calls {@code extraEntityTypes}, beside the game's (examples). */
    public Node(NodeConfig config, List<EntityType<?, ?>> extraEntityTypes) {
        this.config = config;
        this.extraEntityTypes = List.copyOf(extraEntityTypes);
    }

    /**
     * Holds the node's lock throughout, so a Ctrl-C mid-start waits for the step under way,
     * which then sees {@link #stopRequested} and gives up; {@link #stop()} then closes what
     * had started, the embedded database included.
     */
    public synchronized Node start() {
        log.info("Starting node '{}' with role {}", config.nodeName(), config.role().wire());
        databaseUrl = openDatabase();
        checkNotStopping();
        Migrations.apply(databaseUrl);
        databaseId = DatabaseIdentity.read(databaseUrl);
        checkNotStopping();
        joinCluster();
        checkNotStopping();
        pool = newPool(cluster, config.database().poolSize());
        settings.register(GatewaySettings.all()).register(GameSettings.all());
        settingsListener = new SettingsListener(cluster, databaseUrl, pool, settings);
        await(settingsListener.start());
        GameServices game = gameServices();
        List<EntityType<?, ?>> types = new ArrayList<>(GameEntities.all(game));
        types.addAll(extraEntityTypes);
        leasePool = newPool(cluster, 1);
        entities = await(EntityRuntime.start(cluster, new PgEntityStore(pool, leasePool), types,
                EntityRuntimeOptions.defaults().withHostsEntities(config.role().hostsGame())));
        checkNotStopping();
        if (config.role().hostsGame()) {
            // Every game node serves the one world: its state is in the entities, wherever they are hosted.
            gameDeployment = await(cluster.deployVerticle(new GameVerticle(entities, game)));
            hazelcast.getCluster().addMembershipListener(new GatewayDepartures(cluster));
        }
        checkNotStopping();
        if (config.role().hostsGateway()) startGateway();
        if (config.management().enabled()) {
            management = new ManagementServer(cluster, this::status);
            await(management.listen(config.management().host(), config.management().port()));
        }
        log.info("Node '{}' ({}) is up in {} ms", config.nodeName(), config.role().wire(),
                Duration.between(startedAt, Instant.now()).toMillis());
        return this;
    }

    /** Stops in reverse order of start, each step bounded, so Ctrl-C never hangs. */
    public void stop() {
        stopRequested = true;
        synchronized (this) {
            stopStarted();
        }
    }

    private void stopStarted() {
        if (stopped) return;
        stopped = true;
        log.info("Stopping node '{}'", config.nodeName());
        if (management != null) quietly("management server", management.close());
        if (edge != null) quietly("gateway", edge.close());
        if (edgePool != null) quietly("gateway database pool", edgePool.close());
        if (hasher != null) hasher.close();
        if (gameDeployment != null) quietly("game", cluster.undeploy(gameDeployment));
        // Drains: needs the pool and the cluster bus until every entity is handed over.
        if (entities != null) quietly("entity runtime", entities.close());
        if (settingsListener != null) quietly("live settings", settingsListener.stop());
        if (pool != null) quietly("database pool", pool.close());
        if (leasePool != null) quietly("lease pool", leasePool.close());
        if (cluster != null) quietly("clustered Vert.x", cluster.close());
        // Vert.x leaves a Hazelcast instance it was given running: shut it down ourselves.
        if (hazelcast != null) hazelcast.shutdown();
        if (embedded != null) embedded.close();
        log.info("Node '{}' stopped", config.nodeName());
    }

    /** The node's entity runtime: call entities through it once {@link #start()} returned. */
    public EntityRuntime entities() {
        return entities;
    }

    public Optional<Integer> httpPort() {
        return Optional.ofNullable(gateway).map(GatewayVerticle::port);
    }

    private DatabaseUrl openDatabase() {
        NodeConfig.Database db = config.database();
        if (db.url().isPresent()) {
            DatabaseUrl url = DatabaseUrl.parse(db.url().get(), db.user(), db.password());
            log.info("Using the database {}", url);
            return url;
        }
        embedded = EmbeddedDatabase.startOrJoin(config.dataDir(), db.embeddedPort());
        return embedded.url();
    }

    private void joinCluster() {
        hazelcast = ClusterSetup.join(config, databaseId);
        // Checked before Vert.x registers anything: a refused node leaves no trace.
        Optional<String> refusal = SameDatabaseCheck.mismatch(hazelcast, databaseId, databaseUrl.toString());
        if (refusal.isPresent()) throw new IllegalStateException(refusal.get());
        if (config.role() == Role.GATEWAY) ClusterSetup.awaitDataMember(hazelcast, () -> stopRequested);
        clusterManager = new HearthClusterManager(hazelcast);
        VertxOptions options = new VertxOptions()
                .setEventBusOptions(new EventBusOptions()
                        .setHost(config.cluster().host())
                        .setPort(config.cluster().eventBusPort()));
        cluster = await(Vertx.builder().with(options).withClusterManager(clusterManager).buildClustered());
        log.info("Joined the cluster as {} ({} members)", clusterManager.getNodeId(), hazelcast.getCluster().getMembers().size());
    }

    /**
     * What the game's entities need here: the rooms, NPCs and channels (read once), the
     * leaderboard in the database, the fan-out on the cluster bus and the gateways in the
     * cluster. Every node builds it, since every node
     * registers the game's entity types; only game nodes host them.
     */
    private GameServices gameServices() {
        RoomCatalog rooms = await(new RoomStore(pool).loadCatalog());
        return GameServices.builder(new FanOut(cluster.eventBus()), settings, rooms, new LiveGateways(hazelcast))
                .npcs(await(new NpcStore(pool).loadCast(rooms)))
                .channels(await(new ChannelStore(pool).loadAll()))
                .leaderboard(new PgLeaderboard(pool))
                .build();
    }

    private void startGateway() {
        TokenService tokens;
        // The gateway's bridge runs on its own, non-clustered Vert.x (DESIGN.md, "The edge").
        edge = Vertx.vertx();
        TokenKeys keys = TokenKeys.loadOrGenerate(config.auth().privateKey(), config.auth().publicKey());
        tokens = TokenService.create(edge, keys, config.auth().tokenLifetime());
        hasher = new PasswordHasher(edge, HashingConfig.named(config.auth().passwordHashing()));
        edgePool = newPool(edge, Math.max(2, config.database().poolSize() / 2));
        AccountsApi accounts = new AccountsApi(new AccountStore(edgePool), hasher, tokens);
        GatewayConfig gatewayConfig = new GatewayConfig(config.http().host(), config.http().port(),
                clusterManager.getNodeId(), GatewayConfig.DEFAULT_MAX_FRAME_BYTES);
        gateway = new GatewayVerticle(gatewayConfig, cluster, entities, accounts, tokens, settings);
        await(edge.deployVerticle(gateway, new DeploymentOptions()));
    }

    private Pool newPool(Vertx vertx, int size) {
        return PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(size))
                .connectingTo(databaseUrl.connectOptions())
                .using(vertx)
                .build();
    }

    private void checkNotStopping() {
        if (stopRequested) throw new IllegalStateException("Stopped while starting");
    }

    private Future<JsonObject> status() {
        // The subscription map is the cluster's, so counting it is a remote call: a worker's job.
        return cluster.executeBlocking(() -> hazelcast.getMultiMap(SUBSCRIPTIONS_MAP).size(), false)
                .map(subscriptions -> localStatus().put("cluster", new JsonObject().put("subscriptions", subscriptions)))
                .recover(e -> Future.succeededFuture(localStatus().put("cluster", new JsonObject().put("error", e.toString()))));
    }

    private JsonObject localStatus() {
        JsonArray members = new JsonArray();
        for (Member member : hazelcast.getCluster().getMembers()) {
            members.add(new JsonObject()
                    .put("node", member.getAttribute(ClusterSetup.ATTR_NODE))
                    .put("role", member.getAttribute(ClusterSetup.ATTR_ROLE))
                    .put("address", member.getAddress().toString())
                    .put("self", member.localMember()));
        }
        JsonObject settingsNow = new JsonObject();
        settings.snapshot().forEach(settingsNow::put);
        return new JsonObject()
                .put("node", config.nodeName())
                .put("role", config.role().wire())
                .put("clusterNodeId", clusterManager.getNodeId())
                .put("database", databaseUrl.toString())
                .put("databaseId", databaseId)
                .put("uptimeSeconds", Duration.between(startedAt, Instant.now()).toSeconds())
                .put("sessions", gateway == null ? 0 : gateway.connectedSessions())
                .put("droppedSessions", gateway == null ? 0 : gateway.droppedSessions())
                .put("entities", entities == null ? null : new JsonObject()
                        .put("node", entities.nodeId())
                        .put("hosts", config.role().hostsGame())
                        .put("serving", entities.serving())
                        .put("draining", entities.draining())
                        .put("active", entities.activeCount())
                        .put("liveHosts", new JsonArray(entities.liveHosts())))
                .put("members", members)
                .put("memory", MemoryStatus.now())
                .put("settings", settingsNow);
    }

    /**
     * Where Vert.x's Hazelcast cluster manager keeps every node's event-bus subscriptions:
     * one entry per address and node, so it grows with gateways and entity hosts, never with
     * players (a soak checks it returns to its baseline).
     */
    static final String SUBSCRIPTIONS_MAP = "__vertx.subs";

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting", e);
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException(cause.getMessage(), cause);
        }
    }

    private static void quietly(String what, Future<?> future) {
        try {
            future.toCompletionStage().toCompletableFuture().get(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Stopping the {} did not finish cleanly: {}", what, e.toString());
        }
    }
}
