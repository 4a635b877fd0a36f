package dev.hearth.game.events;

import dev.hearth.game.world.Exit;
import dev.hearth.game.world.Item;
import dev.hearth.game.world.Occupant;
import dev.hearth.game.world.RoomView;
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

    /** What happened to an item, in an {@code item} event. */
    public enum ItemAction {
        TOOK, DROPPED, GAVE;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The {@code style} of a {@code text} event, a hint for how a client shows it. */
    public enum TextStyle {
        HELP, ERROR, SYSTEM;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A room as a player sees it; occupants include the viewer, sorted by name. */
    public static JsonObject room(RoomView room) {
        JsonArray exits = new JsonArray();
        for (Exit exit : room.exits()) {
            exits.add(new JsonObject().put("name", exit.name()).put("to", exit.to())
                    .put("dir", exit.dir() == null ? null : exit.dir().code()));
        }
        JsonObject view = new JsonObject()
                .put("id", room.id())
                .put("name", room.name())
                .put("description", room.description())
                .put("exits", exits)
                .put("occupants", new JsonArray(List.copyOf(room.occupants())))
                .put("npcs", new JsonArray(List.copyOf(room.npcs())))
                .put("items", items(room.items()))
                .put("map", new JsonObject().put("x", room.map().x()).put("y", room.map().y()).put("z", room.map().z()));
        return event("room").put("room", view);
    }

    public static JsonObject said(String from, String text, boolean you) {
        return event("said").put("from", from).put("text", text).put("you", you);
    }

    /** {@code text} is what follows the name: "waves." for "Alice waves." */
    public static JsonObject emoted(String from, String text) {
        return event("emoted").put("from", from).put("text", text);
    }

    /** A private message; {@code you} on the sender's copies. */
    public static JsonObject told(String from, String to, String text, boolean you) {
        return event("told").put("from", from).put("to", to).put("text", text).put("you", you);
    }

    /** @param via the exit of this room they came in by, or null */
    public static JsonObject arrived(Occupant who, String via) {
        return withVia(whoIs(event("arrived"), who), via);
    }

    /** @param via the exit they took, or null */
    public static JsonObject left(Occupant who, String via) {
        return withVia(whoIs(event("left"), who), via);
    }

    /** @param to who was given it, for {@link ItemAction#GAVE}; null otherwise */
    public static JsonObject item(ItemAction action, String who, Item item, String to) {
        JsonObject event = event("item").put("action", action.wire()).put("who", who).put("item", itemRef(item));
        return to == null ? event : event.put("to", to);
    }

    public static JsonObject inventory(List<Item> items) {
        return event("inventory").put("items", items(items));
    }

    public static JsonObject who(List<String> players) {
        return event("who").put("players", new JsonArray(List.copyOf(players)));
    }

    public static JsonObject text(String text) {
        return event("text").put("text", text);
    }

    public static JsonObject text(String text, TextStyle style) {
        return text(text).put("style", style.wire());
    }

    private static JsonArray items(List<Item> items) {
        JsonArray out = new JsonArray();
        items.forEach(item -> out.add(itemRef(item)));
        return out;
    }

    private static JsonObject itemRef(Item item) {
        return new JsonObject().put("id", item.id()).put("name", item.name());
    }

    /** {@code npc: true} tells a non-player character from a player (a client cannot tell "Soot" by its name). */
    private static JsonObject whoIs(JsonObject event, Occupant who) {
        event.put("who", who.name());
        return who.npc() ? event.put("npc", true) : event;
    }

    private static JsonObject withVia(JsonObject event, String via) {
        return via == null ? event : event.put("via", via);
    }

    private static JsonObject event(String type) {
        return new JsonObject().put("type", type);
    }
}
