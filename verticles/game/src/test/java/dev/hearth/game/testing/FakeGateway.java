package dev.hearth.game.testing;

import dev.hearth.runtime.edge.Delivery;
import dev.hearth.runtime.edge.EdgeAddresses;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.testing.Await;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for a gateway node: records every {@link Delivery} sent to
 * {@code hearth.gateway.<node>}, and every event broadcast to all gateways.
 * {@link #settle()} proves that no Delivery sent before it is still on the way, so tests
 * can assert "exactly these" without sleeping.
 */
public final class FakeGateway {
    private static final String PROBE = "__probe";

    private final Vertx vertx;
    private final String node;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Map<Long, Promise<Void>> probes = new ConcurrentHashMap<>();
    private final AtomicLong nextProbe = new AtomicLong();
    private final MessageConsumer<JsonObject> consumer;
    private final List<JsonObject> broadcasts = new CopyOnWriteArrayList<>();

    public FakeGateway(Vertx vertx, String node) {
        this.vertx = vertx;
        this.node = node;
        this.consumer = vertx.eventBus().consumer(EdgeAddresses.gateway(node), message -> {
            JsonObject body = message.body();
            if (body.containsKey(PROBE)) {
                probes.remove(body.getLong(PROBE)).complete();
            } else {
                deliveries.add(Delivery.fromJson(body));
            }
        });
        Futures.await(consumer.completion());
        Futures.await(vertx.eventBus().<JsonObject>consumer(EdgeAddresses.BROADCAST,
                message -> broadcasts.add(message.body().getJsonObject("event"))).completion());
    }

    /**
     * The events broadcast so far, which a real gateway delivers to each of its sessions.
     * Not covered by {@link #settle()} (they come on another address): wait for them.
     */
    public List<JsonObject> broadcasts() {
        return List.copyOf(broadcasts);
    }

    public String node() {
        return node;
    }

    /**
     * Waits until every Delivery sent before this call has been recorded. The world sends
     * its deliveries before it replies, and one consumer receives in order, so a probe
     * sent now arrives after all of them.
     */
    public FakeGateway settle() {
        long id = nextProbe.incrementAndGet();
        Promise<Void> arrived = Promise.promise();
        probes.put(id, arrived);
        vertx.eventBus().send(EdgeAddresses.gateway(node), new JsonObject().put(PROBE, id));
        Futures.await(arrived.future());
        return this;
    }

    /** Everything delivered so far, after {@link #settle()}. */
    public List<Delivery> deliveries() {
        settle();
        return List.copyOf(deliveries);
    }

    /** The events delivered to one session, in order, after {@link #settle()}. */
    public List<JsonObject> eventsFor(SessionRef session) {
        List<JsonObject> events = new ArrayList<>();
        for (Delivery d : deliveries()) {
            if (d.sessions().contains(session.session())) events.add(d.event());
        }
        return events;
    }

    /**
     * Waits until the session has been sent this event: for what happens after a command
     * was answered (an item a transfer delivers a moment later).
     */
    public void awaitEvent(SessionRef session, JsonObject event) {
        Await.within(Duration.ofSeconds(10), "session " + session.session() + " of " + session.player() + " receives " + event,
                () -> eventsFor(session).contains(event));
    }

    /** Forgets what was delivered (after settling), so a test can look at one step. */
    public void clear() {
        settle();
        deliveries.clear();
    }
}
