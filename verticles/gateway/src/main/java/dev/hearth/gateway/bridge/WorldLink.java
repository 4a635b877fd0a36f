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
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The gateway's side of the cluster: forwards players' commands and comings and goings
 * to the world, and hands the world's {@link Delivery}s and broadcasts to the local
 * sessions. It owns one context of the clustered Vert.x, so cluster traffic never runs on
 * edge threads.
 */
public final class WorldLink {
    private static final Logger log = LoggerFactory.getLogger(WorldLink.class);

    private final Vertx cluster;
    private final Context clusterContext;
    private final EventBus edgeBus;
    private final SessionRegistry sessions;
    private final String nodeId;
    private MessageConsumer<JsonObject> deliveries;
    private MessageConsumer<JsonObject> broadcasts;

    public WorldLink(Vertx cluster, EventBus edgeBus, SessionRegistry sessions, String nodeId) {
        this.cluster = cluster;
        this.clusterContext = cluster.getOrCreateContext();
        this.edgeBus = edgeBus;
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

    void enter(Session session) {
        notifyWorld(EdgeAddresses.GAME_ENTER, session);
    }

    void leave(Session session) {
        notifyWorld(EdgeAddresses.GAME_LEAVE, session);
    }

    private void notifyWorld(String address, Session session) {
        JsonObject ref = session.ref(nodeId).toJson();
        onCluster(() -> cluster.eventBus().request(address, ref))
                .onFailure(e -> log.warn("The world did not take {} of player '{}' (session {}): {}",
                        address, session.player().map(p -> p.name()).orElse("?"), session.id(), e.getMessage()));
    }

    /** Stamps each copy with the session's next sequence number. */
    private void deliver(Delivery delivery) {
        for (String address : delivery.sessions()) {
            sessions.byAddress(address).ifPresent(session -> send(session, delivery.event()));
        }
    }

    /** {@code {"event": {...}}} for every session in the world here; a malformed one is logged and dropped. */
    void broadcast(JsonObject body) {
        if (body == null || !(body.getValue("event") instanceof JsonObject event)) {
            log.warn("Dropped a broadcast without an event: {}", body);
            return;
        }
        sessions.all().stream().filter(Session::inWorld).forEach(session -> send(session, event));
    }

    private void send(Session session, JsonObject event) {
        edgeBus.send(session.address(), event.copy().put("seq", session.nextSeq()));
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
