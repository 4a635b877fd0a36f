package dev.hearth.runtime.edge;

import io.vertx.core.json.JsonObject;

import java.util.Objects;

/**
 * A connected player as the world sees it: who, and where to deliver their events
 * (the gateway node holding the connection and the session's address there).
 */
public record SessionRef(String player, String gatewayNode, String session) {

    public SessionRef {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(gatewayNode, "gatewayNode");
        Objects.requireNonNull(session, "session");
    }

    public JsonObject toJson() {
        return new JsonObject().put("player", player).put("gateway", gatewayNode).put("session", session);
    }

    public static SessionRef fromJson(JsonObject json) {
        return new SessionRef(json.getString("player"), json.getString("gateway"), json.getString("session"));
    }
}
