package dev.hearth.loadtest;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.WebSocketClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * One run, start to end: seed the accounts, ask the server what it has, start the bots
 * over the event loops and let them all enter (at most {@code --enter-limit}), then let them
 * play for {@code --duration}, print progress each second, stop them, and write the result. Blocking: for {@link Bots#main} and tests, never an event loop.
 */
public final class LoadRun {
    private static final Logger log = LoggerFactory.getLogger(LoadRun.class);
    private static final long SETUP_SECONDS = 60;

    private LoadRun() {
    }

    /** Runs with these command-line arguments (see {@link BotOptions#USAGE}); the result is also written to {@code --json}. */
    public static Summary run(List<String> args, PrintStream out) throws InterruptedException {
        return run(BotOptions.parse(args.toArray(String[]::new), System.getenv()), out, System.console() != null);
    }

    static Summary run(BotOptions options, PrintStream out, boolean terminal) throws InterruptedException {
        int loops = Math.max(1, Runtime.getRuntime().availableProcessors());
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        try {
            List<String> names = IntStream.range(0, options.players()).mapToObj(options::botName).toList();
            int seeded = await(BotAccounts.seed(vertx, options.database(), names), SETUP_SECONDS,
                    "Could not seed the bot accounts in " + BotAccounts.redacted(options.database()));
            log.info("Seeded {} bot accounts ({} to {}) with the cheap test hash", seeded, names.getFirst(), names.getLast());

            ServerFacts server = await(askServer(vertx, options), SETUP_SECONDS, "Could not play on " + options.gateway() + " as " + names.getFirst());
            Mix mix = server.commands().isEmpty() ? options.mix() : options.mix().onlyCommands(server.commands());
            log.info("The server lists {} commands; the bots play {}", server.commands().size(), mix.describe());

            RunStats stats = new RunStats();
            Bot.Run run = new Bot.Run(options, stats, server, mix);
            Progress progress = new Progress(stats, options.players(), out, terminal);
            Instant startedAt = Instant.now();
            long entering = System.nanoTime();
            int slots = Math.ceilDiv(options.logins(), loops);
            List<List<Integer>> shares = IntStream.range(0, loops)
                    .mapToObj(loop -> IntStream.range(0, options.players()).filter(i -> i % loops == loop).boxed().toList())
                    .filter(indexes -> !indexes.isEmpty()).toList();
            // Instances of one deployment: Vert.x gives them event loops in turn, so each group has a core. Deployed
            // one by one, they could share one (every context made in between takes a loop too).
            List<BotGroup> groups = new CopyOnWriteArrayList<>();
            AtomicInteger made = new AtomicInteger();
            String deployment = await(vertx.deployVerticle(() -> {
                BotGroup bots = new BotGroup(run, shares.get(made.getAndIncrement()), slots);
                groups.add(bots);
                return bots;
            }, new DeploymentOptions().setInstances(shares.size())), SETUP_SECONDS, "Could not start the bots");
            long ticker = vertx.setPeriodic(1000, id -> progress.tick());
            // Entering: logins and first rooms, not measured as play (the login storm is a benchmark of its own).
            await(allSettled(vertx, stats, options), options.enterLimitSeconds() + SETUP_SECONDS, "Waiting for the bots to enter failed");
            long entered = System.nanoTime();
            progress.playing(options.warmupSeconds() > 0);
            run.playing().set(true);
            groups.forEach(BotGroup::play);
            if (options.warmupSeconds() > 0) {
                await(vertx.timer(options.warmupSeconds(), TimeUnit.SECONDS), options.warmupSeconds() + SETUP_SECONDS, "The warm-up's clock failed");
                stats.startMeasuring();
                progress.measuring();
            }
            long start = System.nanoTime();
            long deliveriesBeforePlay = stats.deliveries.sum();
            if (options.reconnectAtSeconds() > 0) {
                vertx.setTimer(TimeUnit.SECONDS.toMillis(options.reconnectAtSeconds()), id -> {
                    log.info("Reconnect storm: every bot in the world drops its socket and enters again");
                    stats.dropNanos.set(System.nanoTime());
                    groups.forEach(BotGroup::reconnect);
                });
            }
            await(vertx.timer(options.durationSeconds(), TimeUnit.SECONDS), options.durationSeconds() + SETUP_SECONDS, "The run's clock failed");
            long stop = System.nanoTime();
            vertx.cancelTimer(ticker);
            progress.finish();
            out.println("Stopping the bots...");
            await(vertx.undeploy(deployment), SETUP_SECONDS, "Stopping the bots failed");
            Summary summary = new Summary(options, mix, server, stats, new Summary.Phases((entered - entering) / 1e9, (stop - start) / 1e9,
                    deliveriesBeforePlay), startedAt, progress.toJson());
            write(options.json(), summary);
            return summary;
        } finally {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                log.warn("Vert.x did not close cleanly: {}", e.toString());
            }
        }
    }

    /** Completes once every bot has entered or given up, or when the entry limit has passed. */
    private static Future<Void> allSettled(Vertx vertx, RunStats stats, BotOptions options) {
        Promise<Void> settled = Promise.promise();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.enterLimitSeconds());
        vertx.setPeriodic(50, id -> {
            if (stats.settled.get() >= options.players() || System.nanoTime() > deadline) {
                vertx.cancelTimer(id);
                if (stats.settled.get() < options.players()) {
                    log.warn("{} of {} bots are not in after {} s; playing with those that are", options.players() - stats.entered.sum(),
                            options.players(), options.enterLimitSeconds());
                }
                settled.tryComplete();
            }
        });
        return settled.future();
    }

    /** One bot logs in on a socket of its own and asks for help and lobbies. */
    private static Future<ServerFacts> askServer(Vertx vertx, BotOptions options) {
        HttpClient http = vertx.createHttpClient();
        WebSocketClient sockets = vertx.createWebSocketClient();
        Login login = new Login(vertx, http, options.gateway(), Bot.ENTER_TIMEOUT_MILLIS);
        return login.token(options.botName(0), BotAccounts.PASSWORD)
                .compose(token -> ServerFacts.ask(vertx, sockets, options.gateway(), token, Bot.ENTER_TIMEOUT_MILLIS))
                .eventually(() -> Future.join(http.close(), sockets.close()));
    }

    private static void write(Path json, Summary summary) {
        try {
            Path parent = json.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(json, summary.toJson().encodePrettily() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the result to " + json, e);
        }
    }

    private static <T> T await(Future<T> future, long seconds, String failure) throws InterruptedException {
        try {
            return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(failure + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(failure + ": no answer in time", e);
        }
    }

}
