package dev.hearth.gateway.bridge;

import dev.hearth.gateway.sessions.Session;
import dev.hearth.gateway.sessions.SessionRegistry;
import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.Delivery;
import dev.hearth.runtime.edge.EdgeAddresses;
import dev.hearth.runtime.edge.ErrorCode;
import dev.hearth.runtime.edge.PlayerCommand;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The gateway's side of the cluster: forwards players' commands and comings and goings
 * to the world, and hands the world's {@link Delivery}s and broadcasts to the local
 * sessions. It owns one context of the clustered Vert.x, so cluster traffic never runs on
 * edge threads.
 */
public final class WorldLink {
    private static final Logger log = LoggerFactory.getLogger(WorldLink.class);
    /** How many times a leave is sent before the gateway gives up on it (about 3 minutes of pauses). */
    static final int LEAVE_ATTEMPTS = 12;
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);
    private static final Duration ENTER_RETRY = Duration.ofSeconds(1);

    private final Vertx cluster;
    private final Context clusterContext;
    private final SessionRegistry sessions;
    private final String nodeId;
    private final Duration firstRetry;
    /** Session id -> the world's answer (or its failure) to its enter, while awaited. */
    private final Map<String, Future<Void>> entering = new ConcurrentHashMap<>();
    private MessageConsumer<JsonObject> deliveries;
    private MessageConsumer<JsonObject> broadcasts;

    public WorldLink(Vertx cluster, SessionRegistry sessions, String nodeId) {
        this(cluster, sessions, nodeId, FIRST_RETRY);
    }

    /** @param firstRetry the pause before a leave's first retry (a test's is short) */
    WorldLink(Vertx cluster, SessionRegistry sessions, String nodeId, Duration firstRetry) {
        this.firstRetry = firstRetry;
        this.cluster = cluster;
        this.clusterContext = cluster.getOrCreateContext();
        this.sessions = sessions;
        this.nodeId = nodeId;
    }

    /** Starts receiving deliveries for this gateway's sessions, and broadcasts for all of them. */
    public Future<Void> start() {
        return onCluster(() -> {
            deliveries = cluster.eventBus().consumer(EdgeAddresses.gateway(nodeId), message -> deliver(Delivery.fromJson(message.body())));
            broadcasts = cluster.eventBus().consumer(EdgeAddresses.BROADCAST, message -> broadcast(message.body()));
            return Future.all(deliveries.completion(), broadcasts.completion()).mapEmpty();
        });
    }

    public Future<Void> stop() {
        return onCluster(() -> Future.all(
                deliveries == null ? Future.succeededFuture() : deliveries.unregister(),
                broadcasts == null ? Future.succeededFuture() : broadcasts.unregister()).mapEmpty());
    }

    public Future<CommandOutcome> command(PlayerCommand command, Duration timeout) {
        DeliveryOptions options = new DeliveryOptions().setSendTimeout(timeout.toMillis());
        return onCluster(() -> cluster.eventBus().<JsonObject>request(EdgeAddresses.GAME_COMMAND, command.toJson(), options))
                .map(reply -> CommandOutcome.fromJson(reply.body()))
                .recover(failure -> Future.succeededFuture(unavailable(command, failure)));
    }

    /**
     * The session has entered; its leave, if it comes, waits for the world's answer to this.
     * An enter the world did not take (busy, a game node restarting) is sent once more after a
     * pause; if that fails too the connection is closed, so the client reconnects and enters
     * afresh rather than wait, connected, for a room that never comes.
     */
    void enter(Session session) {
        JsonObject ref = session.ref(nodeId).toJson();
        Future<Void> answered = sendEnter(ref)
                .recover(first -> {
                    if (refused(first)) return Future.failedFuture(first);
                    log.warn("The world did not take the enter of player '{}' (session {}); again in {} ms: {}",
                            name(session), session.id(), ENTER_RETRY.toMillis(), first.getMessage());
                    return cluster.timer(ENTER_RETRY.toMillis()).compose(t -> sendEnter(ref));
                })
                .onFailure(e -> {
                    log.warn("The world did not take the enter of player '{}' (session {}); closing the connection: {}",
                            name(session), session.id(), e.getMessage());
                    session.socket().close();
                })
                .otherwiseEmpty();
        entering.put(session.id(), answered);
        answered.onComplete(v -> entering.remove(session.id(), answered));
    }

    private Future<Void> sendEnter(JsonObject ref) {
        return onCluster(() -> cluster.eventBus().request(EdgeAddresses.GAME_ENTER, ref)).mapEmpty();
    }

    /** The world answered, and said no: trying again would get the same answer. */
    private static boolean refused(Throwable failure) {
        return failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE && reply.failureCode() == 400;
    }

    /**
     * The session's connection closed. Sent once the world has answered its enter (on several
     * game nodes the two could otherwise cross), and again until the world takes it, with a
     * growing pause, at most {@value #LEAVE_ATTEMPTS} times: a leave that is lost leaves the
     * player in the world for as long as this gateway lives.
     */
    void leave(Session session) {
        JsonObject ref = session.ref(nodeId).toJson();
        entering.getOrDefault(session.id(), Future.succeededFuture())
                .onComplete(v -> sendLeave(session, ref, 1, firstRetry));
    }

    private void sendLeave(Session session, JsonObject ref, int attempt, Duration pause) {
        onCluster(() -> cluster.eventBus().request(EdgeAddresses.GAME_LEAVE, ref)).onFailure(e -> {
            if (refused(e)) {
                log.warn("The world refused the leave of player '{}' (session {}): {}", name(session), session.id(), e.getMessage());
            } else if (attempt >= LEAVE_ATTEMPTS) {
                log.error("The world did not take the leave of player '{}' (session {}) in {} attempts; it stays in the world until this gateway leaves the cluster: {}",
                        name(session), session.id(), attempt, e.getMessage());
            } else {
                log.warn("The world did not take the leave of player '{}' (session {}), attempt {}; again in {} ms: {}",
                        name(session), session.id(), attempt, pause.toMillis(), e.getMessage());
                Duration next = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
                cluster.setTimer(pause.toMillis(), t -> sendLeave(session, ref, attempt + 1, next));
            }
        });
    }

    private static String name(Session session) {
        return session.player().map(p -> p.name()).orElse("?");
    }

    /** Encodes the event once; each session's copy is stamped with its next sequence number. */
    private void deliver(Delivery delivery) {
        String event = delivery.event().encode();
        for (String address : delivery.sessions()) {
            sessions.byAddress(address).filter(Session::inWorld).ifPresent(session -> session.push(event));
        }
    }

    /** {@code {"event": {...}}} for every session in the world here; a malformed one is logged and dropped. */
    void broadcast(JsonObject body) {
        if (body == null || !(body.getValue("event") instanceof JsonObject event)) {
            log.warn("Dropped a broadcast without an event: {}", body);
            return;
        }
        String encoded = event.encode();
        sessions.all().stream().filter(Session::inWorld).forEach(session -> session.push(encoded));
    }

    private static CommandOutcome unavailable(PlayerCommand command, Throwable failure) {
        if (failure instanceof ReplyException reply) {
            log.warn("Command {} of player '{}' got no answer from the world: {} ({})",
                    command.commandId(), command.from().player(), reply.failureType(), reply.getMessage());
            return CommandOutcome.rejected(ErrorCode.UNAVAILABLE, "The world is not answering right now. Try again in a moment.");
        }
        log.error("Command {} of player '{}' failed", command.commandId(), command.from().player(), failure);
        return CommandOutcome.rejected(ErrorCode.INTERNAL, "Something went wrong on our side; it has been logged.");
    }

    private <T> Future<T> onCluster(Supplier<Future<T>> work) {
        return Future.<T>future(promise -> clusterContext.runOnContext(v -> {
            try {
                work.get().onComplete(promise);
            } catch (RuntimeException e) {
                promise.fail(e); // never leave a player's request without an answer
            }
        }));
    }
}
