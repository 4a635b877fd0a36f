package dev.hearth.node.it.entities;

import com.hazelcast.core.HazelcastInstance;
import dev.hearth.game.tally.TallyEntity;
import dev.hearth.game.tally.Tally;
import dev.hearth.node.Role;
import dev.hearth.node.cluster.ClusterSetup;
import dev.hearth.node.cluster.HearthClusterManager;
import dev.hearth.node.config.ConfigLoader;
import dev.hearth.node.config.NodeConfig;
import dev.hearth.node.db.DatabaseIdentity;
import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.entity.CallOptions;
import dev.hearth.runtime.entity.CallTimeoutException;
import dev.hearth.runtime.entity.EntityRuntimeOptions;
import dev.hearth.runtime.entity.EntityType;
import dev.hearth.runtime.entity.EntityUnavailableException;
import dev.hearth.runtime.entity.Ref;
import dev.hearth.runtime.entity.engine.EntityRuntime;
import dev.hearth.runtime.entity.example.Barrel;
import dev.hearth.runtime.entity.example.BarrelEntity;
import dev.hearth.runtime.entity.example.Player;
import dev.hearth.runtime.entity.example.PlayerEntity;
import dev.hearth.runtime.entity.store.PgEntityStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * One entity node for the process-level entity tests: the cluster join of a real node
 * (ClusterSetup, HearthClusterManager, HEARTH_* settings), a PostgreSQL entity store and an
 * entity runtime with the example types and the game's tally ({@link TallyEntity}), plus a small
 * HTTP control API on the management port (loopback) through which a test makes calls on
 * this node. With HEARTH_ROLE=gateway it is a caller only: a lite member that hosts nothing,
 * as a gateway is.
 * <pre>
 * GET  /health                                   node id, serving, live hosts, active count
 * POST /counter/increment?key=K[&amp;commandId=C]   GET /counter/value?key=K
 * POST /counter/increment-slowly?key=K&amp;millis=M
 * POST /counter/move?key=K&amp;to=T&amp;amount=N          (a transfer of N from K to T)
 * POST /player/enter-level?key=K&amp;barrels=N      GET /player/score?key=K
 * POST /tally/add?key=K[&amp;commandId=C]
 * </pre>
 * Every call takes {@code timeoutMs}. Answers are {@code {"value": ...}} or an error with
 * 503 (unavailable), 504 (timed out) or 500 (failed). Extra setting: HEARTH_TEST_LEASE_MS.
 */
public final class EntityNodeMain {
    private static final Logger log = LoggerFactory.getLogger(EntityNodeMain.class);

    private final EntityRuntime runtime;
    private final HazelcastInstance hazelcast;

    private EntityNodeMain(EntityRuntime runtime, HazelcastInstance hazelcast) {
        this.runtime = runtime;
        this.hazelcast = hazelcast;
    }

    public static void main(String[] args) {
        System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
        System.setProperty("hazelcast.logging.type", "slf4j");
        // A test that dies leaves no node behind: nothing here is worth a graceful stop.
        ProcessHandle.current().parent().ifPresent(test -> test.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
        try {
            start(ConfigLoader.load(List.of(), System.getenv()));
        } catch (RuntimeException e) {
            log.error("Entity node could not start: {}", e.getMessage(), e);
            System.exit(1);
        }
    }

    private static void start(NodeConfig config) {
        NodeConfig.Database db = config.database();
        DatabaseUrl url = DatabaseUrl.parse(db.url().orElseThrow(() -> new IllegalStateException("HEARTH_DB_URL is needed")),
                db.user(), db.password());
        Duration lease = Duration.ofMillis(Long.parseLong(System.getenv().getOrDefault("HEARTH_TEST_LEASE_MS", "3000")));

        List<EntityType<?, ?>> types = List.of(CounterEntity.TYPE, BarrelEntity.TYPE, PlayerEntity.TYPE, TallyEntity.TYPE);
        Joined joined = Joined.start(config, url, types,
                EntityRuntimeOptions.defaults().withLease(lease, lease.dividedBy(3)).withHostsEntities(config.role().hostsGame()));
        Runtime.getRuntime().addShutdownHook(new Thread(joined::close, "entity-node-shutdown"));
        EntityRuntime runtime = joined.runtime();
        HazelcastInstance hazelcast = joined.hazelcast();
        Vertx vertx = joined.vertx();

        EntityNodeMain node = new EntityNodeMain(runtime, hazelcast);
        await(vertx.createHttpServer().requestHandler(node.router(vertx))
                .listen(config.management().port(), "127.0.0.1"));
        log.info("Entity node '{}' is up as {} (lease {} ms), control API on 127.0.0.1:{}",
                config.nodeName(), runtime.nodeId(), lease.toMillis(), config.management().port());
    }

    /**
     * A node's cluster join (as {@code Node} does it: ClusterSetup, HearthClusterManager, the
     * HEARTH_* settings), its database pool and an entity runtime with these types: what this
     * main and the benchmarks that play a node in their own JVM start.
     */
    record Joined(HazelcastInstance hazelcast, Vertx vertx, Pool pool, EntityRuntime runtime) {
        static Joined start(NodeConfig config, DatabaseUrl url, List<EntityType<?, ?>> types, EntityRuntimeOptions options) {
            HazelcastInstance hazelcast = ClusterSetup.join(config, DatabaseIdentity.read(url));
            if (config.role() == Role.GATEWAY) ClusterSetup.awaitDataMember(hazelcast, () -> false);
            VertxOptions vertxOptions = new VertxOptions().setEventBusOptions(new EventBusOptions()
                    .setHost(config.cluster().host()).setPort(config.cluster().eventBusPort()));
            Vertx vertx = await(Vertx.builder().with(vertxOptions).withClusterManager(new HearthClusterManager(hazelcast)).buildClustered());
            Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(config.database().poolSize()))
                    .connectingTo(url.connectOptions()).using(vertx).build();
            EntityRuntime runtime = await(EntityRuntime.start(vertx, new PgEntityStore(pool), types, options));
            return new Joined(hazelcast, vertx, pool, runtime);
        }

        /** In reverse order of start, each step bounded. */
        void close() {
            quietly(runtime.close());
            quietly(pool.close());
            quietly(vertx.close());
            hazelcast.shutdown();
        }
    }

    private Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        router.get("/health").handler(ctx -> ctx.json(new JsonObject()
                .put("status", "up")
                .put("node", runtime.nodeId())
                .put("serving", runtime.serving())
                .put("liveHosts", runtime.liveHosts())
                .put("active", runtime.activeCount())
                .put("members", hazelcast.getCluster().getMembers().size())
                .put("slowCallsRunning", CounterEntity.SLOW_CALLS_RUNNING.get())));
        router.post("/counter/increment").handler(ctx -> answer(ctx, counter(ctx).increment()));
        router.get("/counter/value").handler(ctx -> answer(ctx, counter(ctx).value()));
        router.post("/counter/increment-slowly").handler(ctx ->
                answer(ctx, counter(ctx).incrementSlowly(Integer.parseInt(ctx.queryParams().get("millis")))));
        router.post("/counter/move").handler(ctx -> answer(ctx, counter(ctx).moveTo(
                runtime.refOf(Counter.class, ctx.queryParams().get("to")), Integer.parseInt(ctx.queryParams().get("amount")))));
        router.post("/player/enter-level").handler(ctx -> {
            List<Ref<Barrel>> barrels = IntStream.range(0, Integer.parseInt(ctx.queryParams().get("barrels")))
                    .mapToObj(i -> runtime.refOf(Barrel.class, "barrel-" + i)).toList();
            answer(ctx, call(ctx, Player.class).enterLevel(barrels));
        });
        router.get("/player/score").handler(ctx -> answer(ctx, call(ctx, Player.class).score()));
        router.post("/tally/add").handler(ctx -> answer(ctx, call(ctx, Tally.class).add(1)));
        return router;
    }

    private Counter counter(RoutingContext ctx) {
        return call(ctx, Counter.class);
    }

    private <T> T call(RoutingContext ctx, Class<T> type) {
        String timeout = ctx.queryParams().get("timeoutMs");
        CallOptions options = new CallOptions(timeout == null ? null : Duration.ofMillis(Long.parseLong(timeout)),
                ctx.queryParams().get("commandId"));
        return runtime.ref(type, ctx.queryParams().get("key"), options);
    }

    /** The one place where a call's outcome becomes an HTTP answer. */
    private static void answer(RoutingContext ctx, Future<?> call) {
        call.onComplete(ar -> {
            if (ar.succeeded()) {
                ctx.json(new JsonObject().put("value", ar.result()));
                return;
            }
            Throwable e = ar.cause();
            int status = e instanceof EntityUnavailableException ? 503 : e instanceof CallTimeoutException ? 504 : 500;
            String kind = status == 503 ? "unavailable" : status == 504 ? "timeout" : "failed";
            ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
                    .end(new JsonObject().put("error", kind).put("message", e.getMessage()).encode());
        });
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException(cause.getMessage(), cause);
        }
    }

    private static void quietly(Future<?> future) {
        try {
            future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Stopping did not finish cleanly: {}", e.toString());
        }
    }
}
