package dev.hearth.game.delivery;

import dev.hearth.runtime.edge.Delivery;
import dev.hearth.runtime.edge.EdgeAddresses;
import dev.hearth.runtime.edge.SessionRef;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pushes an event to sessions: one {@link Delivery} per gateway node listing all of that
 * gateway's recipients, never one message per player (DESIGN.md, "The edge"), so cluster
 * traffic grows with gateways, not with the size of a room.
 */
public final class FanOut {
    private final EventBus eventBus;

    public FanOut(EventBus eventBus) {
        this.eventBus = eventBus;
    }

    /** Sends the event to every recipient; nothing is sent when there is none. */
    public void push(Collection<SessionRef> recipients, JsonObject event) {
        // Fire and forget: a gateway that has gone away takes its sessions with it.
        plan(recipients, event).forEach((gateway, delivery) ->
                eventBus.send(EdgeAddresses.gateway(gateway), delivery.toJson()));
    }

    /**
     * Sends the event to every session of every gateway: one published message, which each
     * gateway hands to all its players. Use it sparingly; it reaches everyone online.
     */
    public void broadcast(JsonObject event) {
        eventBus.publish(EdgeAddresses.BROADCAST, new JsonObject().put("event", event));
    }

    /** The deliveries {@link #push} sends, by gateway node, in the order recipients were given. */
    static Map<String, Delivery> plan(Collection<SessionRef> recipients, JsonObject event) {
        Map<String, Set<String>> byGateway = new LinkedHashMap<>();
        for (SessionRef r : recipients) {
            // A set: a session listed twice must not see the event twice.
            byGateway.computeIfAbsent(r.gatewayNode(), g -> new LinkedHashSet<>()).add(r.session());
        }
        Map<String, Delivery> out = new LinkedHashMap<>();
        byGateway.forEach((gateway, sessions) -> out.put(gateway, new Delivery(List.copyOf(sessions), event)));
        return out;
    }
}
