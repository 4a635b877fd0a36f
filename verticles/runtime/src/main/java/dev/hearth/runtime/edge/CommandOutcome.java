package dev.hearth.runtime.edge;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * The world's answer to a {@link PlayerCommand}: either the events the player sees as
 * its output, or an expected rejection with a stable error code (docs/protocol.md).
 * Infrastructure failures (no game node, timeout) are not outcomes: they arrive as
 * failed replies and the gateway turns them into {@link ErrorCode#UNAVAILABLE}.
 */
public sealed interface CommandOutcome {

    record Done(List<JsonObject> events) implements CommandOutcome {
    }

    record Rejected(ErrorCode code, String message) implements CommandOutcome {
    }

    static CommandOutcome done(JsonObject... events) {
        return new Done(List.of(events));
    }

    static CommandOutcome rejected(ErrorCode code, String message) {
        return new Rejected(code, message);
    }

    default JsonObject toJson() {
        return switch (this) {
            case Done done -> new JsonObject().put("ok", true).put("events", new JsonArray(List.copyOf(done.events())));
            case Rejected rejected -> new JsonObject().put("ok", false).put("error", rejected.code().toJson(rejected.message()));
        };
    }

    static CommandOutcome fromJson(JsonObject json) {
        if (json.getBoolean("ok", false)) {
            JsonArray events = json.getJsonArray("events", new JsonArray());
            return new Done(events.stream().map(JsonObject.class::cast).toList());
        }
        JsonObject error = json.getJsonObject("error", new JsonObject());
        return new Rejected(ErrorCode.fromWire(error.getString("code")), error.getString("message", ""));
    }
}
