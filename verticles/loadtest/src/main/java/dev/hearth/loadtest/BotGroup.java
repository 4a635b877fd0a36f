package dev.hearth.loadtest;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The bots of one event loop: thousands of bots share a handful of threads, each bot a
 * few timers and one socket. Starts them on the ramp, lets a few log in at once (logins
 * wait for the gateway's small hashing pool), and on undeploy stops them all.
 */
final class BotGroup extends VerticleBase {
    /** Past this, stop gives up on bots that have not closed (a login still retrying, a dead socket). */
    private static final long STOP_LIMIT_MILLIS = 10_000;
    /** Replies as large as a {@code who} of 20,000 players. */
    private static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

    private final Bot.Run run;
    private final List<Integer> indexes;
    private final int loginSlots;
    private final ArrayDeque<Starting> due = new ArrayDeque<>();
    private final List<Bot> started = new ArrayList<>();
    private final List<Long> rampTimers = new ArrayList<>();
    private final Map<Integer, WebSocketClient> socketsBySource = new HashMap<>();
    private HttpClient http;
    private Login login;
    private int loggingIn;
    private boolean stopping;

    /** A bot and its place in the run (which decides its source address). */
    private record Starting(Bot bot, int index) {
    }

    /** @param indexes which of the run's bots are this group's (0 is {@code --first}) */
    BotGroup(Bot.Run run, List<Integer> indexes, int loginSlots) {
        this.run = run;
        this.indexes = List.copyOf(indexes);
        this.loginSlots = loginSlots;
    }

    @Override
    public Future<?> start() {
        BotOptions options = run.options();
        http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(loginSlots));
        login = new Login(vertx, http, options.gateway(), Bot.ENTER_TIMEOUT_MILLIS);
        long rampMillis = TimeUnit.SECONDS.toMillis(options.rampSeconds());
        for (int index : indexes) {
            Starting bot = new Starting(new Bot(options.botName(index), index, vertx, run, options.first() * 1_000_003L + index), index);
            long delay = rampMillis * index / options.players();
            if (delay == 0) {
                due.add(bot);
            } else {
                rampTimers.add(vertx.setTimer(delay, id -> {
                    due.add(bot);
                    pump();
                }));
            }
        }
        pump();
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        stopping = true;
        rampTimers.forEach(vertx::cancelTimer);
        due.clear();
        List<Future<Void>> stopped = started.stream().map(Bot::stop).toList();
        return Future.join(stopped)
                .timeout(STOP_LIMIT_MILLIS, TimeUnit.MILLISECONDS)
                .transform(done -> {
                    List<Future<Void>> closing = new ArrayList<>();
                    socketsBySource.values().forEach(client -> closing.add(client.close()));
                    closing.add(http.close());
                    return Future.join(closing);
                });
    }

    /** The run plays: every bot in the world starts; the others will as they enter. Call from any thread. */
    void play() {
        context.runOnContext(v -> started.forEach(Bot::play));
    }

    /** The reconnect storm: every bot in the world drops its socket and enters again, at once. Call from any thread. */
    void reconnect() {
        context.runOnContext(v -> started.forEach(Bot::reconnect));
    }

    /** Starts the bots that are due while login slots are free. */
    private void pump() {
        while (!stopping && loggingIn < loginSlots && !due.isEmpty()) {
            Starting next = due.poll();
            started.add(next.bot());
            loggingIn++;
            next.bot().login(login).onComplete(token -> {
                loggingIn--;
                if (token.succeeded()) next.bot().enter(sockets(next.index()), token.result());
                pump();
            });
        }
    }

    /** One client per source address: a client binds all its sockets to its local address. */
    private WebSocketClient sockets(int index) {
        BotOptions options = run.options();
        int source = index % options.sourceAddresses();
        return socketsBySource.computeIfAbsent(source, s -> {
            WebSocketClientOptions client = new WebSocketClientOptions()
                    // The default (50 per server) would queue every bot past the fiftieth.
                    .setMaxConnections(options.players())
                    .setMaxMessageSize(MAX_MESSAGE_BYTES)
                    .setMaxFrameSize(MAX_MESSAGE_BYTES);
            // With one address the system picks the route: that also reaches a gateway that is not on loopback.
            if (options.sourceAddresses() > 1) client.setLocalAddress(options.sourceAddress(index));
            return vertx.createWebSocketClient(client);
        });
    }
}
