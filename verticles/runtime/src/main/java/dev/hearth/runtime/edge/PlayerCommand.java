package dev.hearth.runtime.edge;

import io.vertx.core.json.JsonObject;

/**
 * One line typed by an authenticated player. {@code from.player()} was stamped by the
 * gateway from the verified token, never taken from the client.
 */
public record PlayerCommand(String commandId, SessionRef from, String line) {

    public JsonObject toJson() {
        return new JsonObject().put("id", commandId).put("from", from.toJson()).put("line", line);
    }

    public static PlayerCommand fromJson(JsonObject json) {
        return new PlayerCommand(json.getString("id"), SessionRef.fromJson(json.getJsonObject("from")), json.getString("line"));
    }
}
