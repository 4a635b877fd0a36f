package dev.hearth.loadtest;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One bot player: logs in, enters the world over its own socket (with {@code --rooms-of},
 * walks to its bench room) and waits there (pinging) until the run plays; then plays its
 * mix, one command at a time with a pause to think after each reply, until it is stopped.
 * With {@code --reconnect-at} it drops its socket once during the play and enters again with
 * the token it has, then plays on.
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
    /** Tokens last 15 minutes (expiresIn 900): a bot that will reconnect gets a fresh one in-band before. */
    private static final long TOKEN_REFRESH_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final String name;
    /** Its place in the run (0 is {@code --first}): which bench room it walks to. */
    private final int index;
    private final Vertx vertx;
    private final Run run;
    private final SplittableRandom random;
    private final BotView view;
    private final Promise<Void> finished = Promise.promise();
    private WebSocketClient sockets;
    private String token;
    private long tokenAt;
    private BridgeSocket socket;
    /** In the world on the socket it has now: counted as connected. */
    private boolean inWorld;
    /** In the world and placed: counted as entered, and may play. */
    private boolean entered;
    /** Dropped its socket on purpose and entering again: sends nothing meanwhile. */
    private boolean away;
    /** Has had its drop (there is one per run). */
    private boolean dropped;
    private long droppedAt;
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
    /** The session address of its last hello: what a reconnect resumes. */
    private String session;
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

    Bot(String name, int index, Vertx vertx, Run run, long seed) {
        this.name = name;
        this.index = index;
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

    /** Connects and enters the world, walks to its bench room (with --rooms-of); plays at once if the run already does. */
    void enter(WebSocketClient sockets, String token) {
        this.sockets = sockets;
        this.token = token;
        this.tokenAt = System.nanoTime();
        if (stopping) {
            settle();
            finished.tryComplete();
            return;
        }
        long start = System.nanoTime();
        open()
                .onSuccess(open -> {
                    run.stats().entries.record((System.nanoTime() - start) / 1000);
                    inWorld(open);
                    if (stopping) {
                        settle();
                        close();
                        return;
                    }
                    place().onComplete(done -> entered());
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
        // Entering again: it closes once it is back, or has failed.
        if (away) return finished.future();
        if (!inFlight) close();
        else drainTimer = vertx.setTimer(DRAIN_MILLIS, id -> close());
        return finished.future();
    }

    /** Starts playing, once, if it is in the world; a bot that enters later starts as it enters. */
    void play() {
        if (playing || !entered || stopping) return;
        playing = true;
        // Start at a random point of the first pause, so bots that entered together do not act together.
        if (!away && !run.mix().idle()) schedule(random.nextLong(run.options().thinkMillis() + 1));
    }

    /**
     * The reconnect storm, once: drops the socket as a lost connection would (no close
     * handshake, no goodbye), then at once opens another and resumes its session with the same
     * token: hello with the last seq it saw, register, and the events it missed. The old socket's close is no error; a command it had in
     * flight is counted as interrupted. A bot not in the world now (still entering, gone)
     * sits it out.
     */
    void reconnect() {
        if (dropped || !entered || !inWorld || away || stopping || closing) return;
        dropped = true;
        away = true;
        inWorld = false;
        run.stats().leftWorld();
        run.stats().dropped.increment();
        cancel(nextTimer);
        cancel(pingTimer);
        droppedAt = System.nanoTime();
        // Its file closed first: a generator near its open-file limit has none to spare for both.
        socket.drop().compose(closed -> resume())
                .onSuccess(this::back)
                .onFailure(failure -> {
                    away = false;
                    String kind = failure instanceof WorldEntry.Failed failed ? failed.kind : "connect";
                    run.stats().reconnectFailed.increment();
                    run.stats().error("reconnect", name, kind + ": " + failure.getMessage());
                    close();
                });
    }

    /** Opens a socket and enters the world with the token it has; the socket once the first room has come. */
    private Future<BridgeSocket> open() {
        return connect().compose(open -> {
            lastSeq = 0; // seq counts per session
            return WorldEntry.enter(vertx, open, token, this::event, ENTER_TIMEOUT_MILLIS).map(hello -> entered(open, hello));
        });
    }

    /** Opens a socket and resumes its session; if the gateway no longer has it, enters afresh (a new session, seq from 1). */
    private Future<BridgeSocket> resume() {
        return connect().compose(open -> {
            long seen = lastSeq;
            return WorldEntry.resume(vertx, open, token, session, seen, this::resumedEvent, ENTER_TIMEOUT_MILLIS)
                    .map(hello -> {
                        if (hello.getBoolean("resumed", false)) run.stats().resumed.increment();
                        return entered(open, hello);
                    });
        });
    }

    private BridgeSocket entered(BridgeSocket open, JsonObject hello) {
        session = hello.getString("session");
        return open;
    }

    private Future<BridgeSocket> connect() {
        return BridgeSocket.connect(vertx, sockets, run.options().gateway(), ENTER_TIMEOUT_MILLIS)
                .recover(failure -> Future.failedFuture(new WorldEntry.Failed("connect", failure.getMessage())))
                .map(open -> {
                    socket = open;
                    open.decodeOnly(run.eventsRead()).onBadFrame(text -> run.stats().error("bad_frame", name, text));
                    return open;
                });
    }

    /** In the world on {@code open}: connected, pinging, and told when it closes. */
    private void inWorld(BridgeSocket open) {
        inWorld = true;
        run.stats().joined();
        open.onStrayRefusal(reason -> run.stats().error("err:" + reason, name, "refused with nothing in flight"));
        open.onClosed(() -> closed(open));
        pingTimer = vertx.setPeriodic(PING_MILLIS, id -> ping());
    }

    /** Placed (or not, or its walk failed): counts as entered if still in the world, and plays if the run does. */
    private void entered() {
        if (inWorld) {
            entered = true;
            run.stats().entered.increment();
        }
        settle();
        if (!inWorld) return; // closed while walking: the close has told the rest
        if (stopping) {
            close();
            return;
        }
        if (run.playing().get()) play();
    }

    /** Back in the world after the drop: plays on, where it was. */
    private void back(BridgeSocket open) {
        long now = System.nanoTime();
        run.stats().back(now, (now - droppedAt) / 1000);
        away = false;
        inWorld(open);
        if (stopping) {
            close();
            return;
        }
        if (playing && !run.mix().idle()) schedule(pause());
    }

    /**
     * With {@code --rooms-of}, walks to its bench room ({@link BenchWorld#route}): each step
     * it can take in the last room it was shown, one {@code go} at a time. Completes when the
     * walk is over; a {@code go} that fails is an error of kind {@code place} and ends it.
     */
    private Future<Void> place() {
        if (run.options().roomsOf() == 0) return Future.succeededFuture();
        int group = run.options().roomGroup(index);
        long start = System.nanoTime();
        return walk(BenchWorld.route(view.roomId(), group), 0).map(walked -> {
            if (!walked) return null;
            if (view.roomId().equals(BenchWorld.roomId(group))) run.stats().placed((System.nanoTime() - start) / 1000);
            else run.stats().elsewhere(name, BenchWorld.roomId(group), view.roomId());
            return null;
        });
    }

    /** The steps from {@code next} on; true when it walked them all (or skipped those not there). */
    private Future<Boolean> walk(List<String> steps, int next) {
        if (stopping || !inWorld) return Future.succeededFuture(false);
        if (next == steps.size()) return Future.succeededFuture(true);
        String exit = steps.get(next);
        if (!view.exits().contains(exit)) return walk(steps, next + 1);
        String line = "go " + exit;
        inFlight = true;
        return socket.request(WorldEntry.COMMAND, new JsonObject().put("id", "p" + (++commandIds)).put("line", line), COMMAND_TIMEOUT_MILLIS)
                .transform(result -> {
                    inFlight = false;
                    if (result.failed()) {
                        // A close is counted once, as socket_closed, by the close.
                        if (!(result.cause() instanceof BridgeSocket.Closed)) run.stats().error("place", name, "'" + line + "': " + result.cause().getMessage());
                        return Future.succeededFuture(false);
                    }
                    JsonObject reply = result.result();
                    if (!reply.getBoolean("ok", false)) {
                        JsonObject error = reply.getJsonObject("error", new JsonObject());
                        run.stats().error("place", name, "'" + line + "' in " + view.roomId() + ": " + error.getString("code", "none") + " "
                                + error.getString("message", ""));
                        return Future.succeededFuture(false);
                    }
                    // The reply carries the new room.
                    BotView.objects(reply.getJsonArray("events")).forEach(view::observe);
                    return walk(steps, next + 1);
                });
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
        if (stopping || away || socket.isClosed()) return;
        if (tokenStale()) {
            refreshToken();
            return;
        }
        Optional<Mix.Choice> choice = run.mix().choose(view, random, run.phrases());
        if (choice.isEmpty()) {
            schedule(pause()); // nothing in the mix makes sense here now; look again later
            return;
        }
        send(choice.get());
    }

    private void ping() {
        socket.ping();
        // Idle bots never act: their token is refreshed here.
        if (run.mix().idle() && !inFlight && tokenStale()) refreshToken();
    }

    /** Only a bot that will reconnect needs its token again, and only one older than ten minutes. */
    private boolean tokenStale() {
        return run.options().reconnectAtSeconds() > 0 && !dropped && System.nanoTime() - tokenAt > TOKEN_REFRESH_NANOS;
    }

    /** {@code hearth.token} in place of a command: one request in flight, as ever. */
    private void refreshToken() {
        BridgeSocket on = socket;
        inFlight = true;
        tokenAt = System.nanoTime(); // whatever the answer, not again before the next ten minutes
        on.request(WorldEntry.TOKEN, new JsonObject(), COMMAND_TIMEOUT_MILLIS).onComplete(result -> {
            inFlight = false;
            if (result.succeeded() && result.result().getString("token") != null) {
                token = result.result().getString("token");
            } else if (!(result.cause() instanceof BridgeSocket.Closed)) {
                run.stats().error("token", name, result.succeeded() ? result.result().encode() : result.cause().getMessage());
            }
            if (on != socket || away) return; // dropped meanwhile: entering again decides what comes next
            if (stopping) close();
            else if (!on.isClosed() && playing && !run.mix().idle()) schedule(pause());
        });
    }

    private void send(Mix.Choice choice) {
        String id = "c" + (++commandIds);
        RunStats.PerAction stats = run.stats().of(choice.action());
        stats.sent.increment();
        inFlight = true;
        long start = System.nanoTime();
        BridgeSocket on = socket;
        on.request(WorldEntry.COMMAND, new JsonObject().put("id", id).put("line", choice.line()), COMMAND_TIMEOUT_MILLIS)
                .onComplete(result -> {
                    inFlight = false;
                    // The planned drop closed the socket it went on: no answer, and no error.
                    boolean cutOff = on != socket || away;
                    long micros = (System.nanoTime() - start) / 1000;
                    if (result.succeeded()) replied(choice, id, result.result(), micros, stats);
                    else if (cutOff) run.stats().interrupted.increment();
                    else failed(choice, result.cause(), stats);
                    if (cutOff) return;
                    if (stopping) close();
                    else if (!on.isClosed()) schedule(pause());
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

    /** On a resume's socket: a seq of 1 means the gateway started a new session (it no longer had the old one). */
    private void resumedEvent(BridgeSocket.Pushed event) {
        if (event.seq() == 1) lastSeq = 0;
        event(event);
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

    private void closed(BridgeSocket which) {
        // The socket of the planned drop (the bot is away, or back on another): already accounted for.
        if (which != socket || away) return;
        cancel(nextTimer);
        cancel(pingTimer);
        if (inWorld) {
            inWorld = false;
            run.stats().leftWorld();
        }
        if (!which.closedByUs()) {
            run.stats().error("socket_closed", name, "the server closed the socket (" + which.closeStatus() + ")");
            finished.tryComplete();
        }
    }

    private void cancel(long timer) {
        if (timer >= 0) vertx.cancelTimer(timer);
    }
}
