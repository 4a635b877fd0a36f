package dev.hearth.loadtest;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;

import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One bot player: logs in, enters the world over its own socket and waits there (pinging)
 * until the run plays; then plays its mix, one command at a time with a pause to think
 * after each reply, until it is stopped.
 * It keeps one request in flight at most: well inside the bridge's 16 handlers, and an
 * {@code err} frame (which names no request) is surely its one. It lives on one event
 * loop, with every other bot of its {@link BotGroup}.
 */
final class Bot {
    /** More than the gateway's own command timeout (10 s by default): it answers unavailable first. */
    static final long COMMAND_TIMEOUT_MILLIS = 15_000;
    static final long ENTER_TIMEOUT_MILLIS = 30_000;
    /** The protocol asks for a ping at least every 10 s. */
    private static final long PING_MILLIS = 8_000;
    /** How long a stopping bot waits for its last reply before it closes anyway. */
    private static final long DRAIN_MILLIS = 3_000;

    private final String name;
    private final Vertx vertx;
    private final Run run;
    private final SplittableRandom random;
    private final BotView view;
    private final Promise<Void> finished = Promise.promise();
    private BridgeSocket socket;
    private boolean inWorld;
    private boolean entered;
    private boolean stopping;
    private boolean playing;
    /** Told the run once whether it got in: entered, or gave up. */
    private boolean settled;
    private boolean inFlight;
    private boolean closing;
    private long drainTimer = -1;
    private long nextTimer = -1;
    private long pingTimer = -1;
    private long lastSeq;
    private int commandIds;

    /**
     * What every bot of a run shares: options, stats, the server's facts, the mix it plays and
     * what it says, the pushed events it learns from (the others are not decoded), and whether
     * the run has begun to play (set once every bot is in, or the entry limit passed).
     */
    record Run(BotOptions options, RunStats stats, ServerFacts server, Mix mix, Phrases phrases, Set<String> eventsRead, AtomicBoolean playing) {
        Run(BotOptions options, RunStats stats, ServerFacts server, Mix mix) {
            this(options, stats, server, mix, Phrases.of(options.lineBytes()), BotView.typesRead(mix), new AtomicBoolean());
        }
    }

    Bot(String name, Vertx vertx, Run run, long seed) {
        this.name = name;
        this.vertx = vertx;
        this.run = run;
        this.random = new SplittableRandom(seed);
        this.view = new BotView(name, run.server().lobbies());
    }

    String name() {
        return name;
    }

    /** Logs in; the group limits how many do so at once. */
    Future<String> login(Login login) {
        long start = System.nanoTime();
        return login.token(name, BotAccounts.PASSWORD)
                .onSuccess(token -> {
                    run.stats().loggedIn.increment();
                    run.stats().logins.record((System.nanoTime() - start) / 1000);
                })
                .onFailure(failure -> {
                    if (!stopping) run.stats().error("login", name, failure.getMessage());
                    settle();
                    finished.tryComplete();
                });
    }

    /** Connects and enters the world; plays at once if the run already does. */
    void enter(WebSocketClient sockets, String token) {
        if (stopping) {
            settle();
            finished.tryComplete();
            return;
        }
        long start = System.nanoTime();
        BridgeSocket.connect(vertx, sockets, run.options().gateway(), ENTER_TIMEOUT_MILLIS)
                .recover(failure -> Future.failedFuture(new WorldEntry.Failed("connect", failure.getMessage())))
                .compose(open -> {
                    socket = open;
                    open.decodeOnly(run.eventsRead()).onBadFrame(text -> run.stats().error("bad_frame", name, text));
                    return WorldEntry.enter(vertx, open, token, this::event, ENTER_TIMEOUT_MILLIS);
                })
                .onSuccess(hello -> {
                    run.stats().entries.record((System.nanoTime() - start) / 1000);
                    inWorld();
                })
                .onFailure(failure -> {
                    String kind = failure instanceof WorldEntry.Failed failed ? failed.kind : "connect";
                    if (!stopping) run.stats().error(kind, name, failure.getMessage());
                    settle();
                    close();
                });
    }

    /** Stops acting, lets the command in flight finish (briefly), and closes the socket cleanly. */
    Future<Void> stop() {
        stopping = true;
        cancel(nextTimer);
        if (!inFlight) close();
        else drainTimer = vertx.setTimer(DRAIN_MILLIS, id -> close());
        return finished.future();
    }

    /** Starts playing, once, if it is in the world; a bot that enters later starts as it enters. */
    void play() {
        if (playing || !inWorld || stopping) return;
        playing = true;
        // Start at a random point of the first pause, so bots that entered together do not act together.
        if (!run.mix().idle()) schedule(random.nextLong(run.options().thinkMillis() + 1));
    }

    private void inWorld() {
        inWorld = true;
        entered = true;
        run.stats().enteredWorld();
        settle();
        socket.onStrayRefusal(reason -> run.stats().error("err:" + reason, name, "refused with nothing in flight"));
        socket.onClosed(this::closed);
        if (stopping) {
            close();
            return;
        }
        pingTimer = vertx.setPeriodic(PING_MILLIS, id -> socket.ping());
        if (run.playing().get()) play();
    }

    private void settle() {
        if (settled) return;
        settled = true;
        run.stats().settled.incrementAndGet();
    }

    private void schedule(long delayMillis) {
        nextTimer = vertx.setTimer(Math.max(1, delayMillis), id -> {
            nextTimer = -1;
            act();
        });
    }

    /** A pause of half to one and a half times the think time, never shorter than the per-socket send budget allows. */
    private long pause() {
        long think = Math.round(run.options().thinkMillis() * (0.5 + random.nextDouble()));
        return Math.max(think, (long) Math.ceil(1000.0 / run.options().messagesPerSecond()));
    }

    private void act() {
        if (stopping || socket.isClosed()) return;
        Optional<Mix.Choice> choice = run.mix().choose(view, random, run.phrases());
        if (choice.isEmpty()) {
            schedule(pause()); // nothing in the mix makes sense here now; look again later
            return;
        }
        send(choice.get());
    }

    private void send(Mix.Choice choice) {
        String id = "c" + (++commandIds);
        RunStats.PerAction stats = run.stats().of(choice.action());
        stats.sent.increment();
        inFlight = true;
        long start = System.nanoTime();
        socket.request(WorldEntry.COMMAND, new JsonObject().put("id", id).put("line", choice.line()), COMMAND_TIMEOUT_MILLIS)
                .onComplete(result -> {
                    inFlight = false;
                    long micros = (System.nanoTime() - start) / 1000;
                    if (result.succeeded()) replied(choice, id, result.result(), micros, stats);
                    else failed(choice, result.cause(), stats);
                    if (stopping) close();
                    else if (!socket.isClosed()) schedule(pause());
                });
    }

    private void replied(Mix.Choice choice, String id, JsonObject reply, long micros, RunStats.PerAction stats) {
        if (!id.equals(reply.getString("id"))) {
            stats.errors.increment();
            run.stats().error("wrong_id", name, "'" + choice.line() + "' sent as " + id + ", answered " + reply.encode());
            return;
        }
        if (reply.getBoolean("ok", false)) {
            stats.ok.increment();
            stats.latency.record(micros);
            BotView.objects(reply.getJsonArray("events")).forEach(view::observe);
            return;
        }
        JsonObject error = reply.getJsonObject("error", new JsonObject());
        String code = error.getString("code", "none");
        // The game's refusals ("There is no exit...", a full lobby, a barrel already broken) are answers like any other.
        if (code.equals("bad_arguments")) {
            stats.refused.increment();
            stats.latency.record(micros);
        } else if (code.equals("unknown_command") && !run.server().commands().contains(choice.action().command)) {
            run.stats().unsupported.increment(); // not on this server (yet); the mix already leaves such commands out
        } else {
            stats.errors.increment();
            run.stats().error("reply:" + code, name, "'" + choice.line() + "': " + error.getString("message", ""));
        }
    }

    private void failed(Mix.Choice choice, Throwable failure, RunStats.PerAction stats) {
        switch (failure) {
            case BridgeSocket.Refused refused -> {
                stats.errors.increment();
                run.stats().error("err:" + refused.reason, name, "'" + choice.line() + "' refused by the bridge");
            }
            case BridgeSocket.TimedOut timedOut -> {
                stats.errors.increment();
                run.stats().error("timeout", name, "'" + choice.line() + "': " + timedOut.getMessage());
            }
            // Counted once, as socket_closed, when the socket closes (unless this side closed it).
            case BridgeSocket.Closed closed -> stats.errors.increment();
            default -> {
                stats.errors.increment();
                run.stats().error("failure", name, "'" + choice.line() + "': " + failure);
            }
        }
    }

    /** A pushed event: counted, its seq checked (one more than the last, per session), and learnt from if it was decoded. */
    private void event(BridgeSocket.Pushed event) {
        run.stats().deliveries.increment();
        long seq = event.seq();
        if (seq >= 0) {
            if (seq != lastSeq + 1) {
                run.stats().error(seq > lastSeq ? "event_gap" : "event_repeat", name, "seq " + seq + " after " + lastSeq);
            }
            lastSeq = Math.max(lastSeq, seq);
        }
        if (event.body() != null) view.observe(event.body());
    }

    /** Once: the first caller closes, and {@code finished} completes when the close has. */
    private void close() {
        if (closing) return;
        closing = true;
        cancel(drainTimer);
        if (socket == null || socket.isClosed()) {
            finished.tryComplete();
            return;
        }
        socket.close().onComplete(done -> {
            if (done.succeeded() && entered) run.stats().closedCleanly.increment();
            finished.tryComplete();
        });
    }

    private void closed() {
        cancel(nextTimer);
        cancel(pingTimer);
        if (inWorld) {
            inWorld = false;
            run.stats().leftWorld();
        }
        if (!socket.closedByUs()) {
            run.stats().error("socket_closed", name, "the server closed the socket (" + socket.closeStatus() + ")");
            finished.tryComplete();
        }
    }

    private void cancel(long timer) {
        if (timer >= 0) vertx.cancelTimer(timer);
    }
}
