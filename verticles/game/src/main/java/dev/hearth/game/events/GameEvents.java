package dev.hearth.game.events;

import dev.hearth.game.world.Room;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * The events players see, shaped as in docs/protocol.md section 4. The gateway adds
 * {@code seq} to pushed copies; command replies carry them as they are.
 */
public final class GameEvents {
    private GameEvents() {
    }

    /** A room as a player sees it; occupants include the viewer, sorted by name. */
    public static JsonObject room(Room room, List<String> occupants) {
        JsonObject view = new JsonObject()
                .put("id", room.id())
                .put("name", room.name())
                .put("description", room.description())
                .put("exits", new JsonArray(List.copyOf(room.exitNames())))
                .put("occupants", new JsonArray(List.copyOf(occupants)));
        return event("room").put("room", view);
    }

    public static JsonObject said(String from, String text, boolean you) {
        return event("said").put("from", from).put("text", text).put("you", you);
    }

    public static JsonObject arrived(String who) {
        return event("arrived").put("who", who);
    }

    public static JsonObject left(String who) {
        return event("left").put("who", who);
    }

    public static JsonObject who(List<String> players) {
        return event("who").put("players", new JsonArray(List.copyOf(players)));
    }

    public static JsonObject text(String text) {
        return event("text").put("text", text);
    }

    private static JsonObject event(String type) {
        return new JsonObject().put("type", type);
    }
}
