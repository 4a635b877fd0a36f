package dev.hearth.runtime.edge;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * One event for several sessions on one gateway. The world sends one Delivery per
 * gateway (not one per player), so cluster traffic and the cluster's subscription map
 * grow with gateways, not with players. The gateway stamps each copy's {@code seq}.
 */
public record Delivery(List<String> sessions, JsonObject event) {

    public JsonObject toJson() {
        return new JsonObject().put("sessions", new JsonArray(List.copyOf(sessions))).put("event", event);
    }

    public static Delivery fromJson(JsonObject json) {
        return new Delivery(
                json.getJsonArray("sessions").stream().map(String.class::cast).toList(),
                json.getJsonObject("event"));
    }
}
