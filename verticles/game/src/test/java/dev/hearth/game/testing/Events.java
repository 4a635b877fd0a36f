package dev.hearth.game.testing;

import dev.hearth.game.world.Exit;
import dev.hearth.game.world.RoomPlan;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * Expected events, written out by hand in tests so that they check the wire shapes of
 * docs/protocol.md rather than repeat the production code that builds them.
 */
public final class Events {
    private Events() {
    }

    public static JsonObject said(String from, String text, boolean you) {
        return new JsonObject().put("type", "said").put("from", from).put("text", text).put("you", you);
    }

    public static JsonObject emoted(String from, String text) {
        return new JsonObject().put("type", "emoted").put("from", from).put("text", text);
    }

    public static JsonObject told(String from, String to, String text, boolean you) {
        return new JsonObject().put("type", "told").put("from", from).put("to", to).put("text", text).put("you", you);
    }

    public static JsonObject arrived(String who) {
        return new JsonObject().put("type", "arrived").put("who", who);
    }

    public static JsonObject arrived(String who, String via) {
        return arrived(who).put("via", via);
    }

    public static JsonObject left(String who) {
        return new JsonObject().put("type", "left").put("who", who);
    }

    public static JsonObject left(String who, String via) {
        return left(who).put("via", via);
    }

    /** A non-player character came in: {@code npc: true}. */
    public static JsonObject npcArrived(String who, String via) {
        return arrived(who, via).put("npc", true);
    }

    public static JsonObject npcLeft(String who, String via) {
        return left(who, via).put("npc", true);
    }

    public static JsonObject who(String... players) {
        return new JsonObject().put("type", "who").put("players", new JsonArray(List.of(players)));
    }

    public static JsonObject text(String text) {
        return new JsonObject().put("type", "text").put("text", text);
    }

    public static JsonObject help(String text) {
        return text(text).put("style", "help");
    }

    public static JsonObject item(String id, String name) {
        return new JsonObject().put("id", id).put("name", name);
    }

    public static JsonObject took(String who, JsonObject item) {
        return new JsonObject().put("type", "item").put("action", "took").put("who", who).put("item", item);
    }

    public static JsonObject dropped(String who, JsonObject item) {
        return new JsonObject().put("type", "item").put("action", "dropped").put("who", who).put("item", item);
    }

    public static JsonObject gave(String who, JsonObject item, String to) {
        return new JsonObject().put("type", "item").put("action", "gave").put("who", who).put("item", item).put("to", to);
    }

    public static JsonObject inventory(JsonObject... items) {
        return new JsonObject().put("type", "inventory").put("items", new JsonArray(List.of((Object[]) items)));
    }

    public static JsonObject exit(String name, String to, String dir) {
        return new JsonObject().put("name", name).put("to", to).put("dir", dir);
    }

    public static JsonObject room(String id, String name, String description, List<JsonObject> exits, List<String> occupants,
                                  List<String> npcs, List<JsonObject> items, int x, int y, int z) {
        return new JsonObject().put("type", "room").put("room", new JsonObject()
                .put("id", id)
                .put("name", name)
                .put("description", description)
                .put("exits", new JsonArray(List.copyOf(exits)))
                .put("occupants", new JsonArray(List.copyOf(occupants)))
                .put("npcs", new JsonArray(List.copyOf(npcs)))
                .put("items", new JsonArray(List.copyOf(items)))
                .put("map", new JsonObject().put("x", x).put("y", y).put("z", z)));
    }

    /** A room as the rooms table describes it, with who and what is in it now. */
    public static JsonObject room(RoomPlan plan, List<String> occupants, List<String> npcs, List<JsonObject> items) {
        List<JsonObject> exits = plan.exits().stream()
                .map((Exit e) -> exit(e.name(), e.to(), e.dir() == null ? null : e.dir().code())).toList();
        return room(plan.id(), plan.name(), plan.description(), exits, occupants, npcs, items,
                plan.position().x(), plan.position().y(), plan.position().z());
    }

    /** The seeded room, with these players, its seeded items and no NPC. */
    public static JsonObject seeded(String roomId, String... occupants) {
        RoomPlan plan = SeededWorld.rooms().require(roomId);
        return room(plan, List.of(occupants), List.of(), plan.items().stream().map(i -> item(i.id(), i.name())).toList());
    }

    /** The seeded room with these items on its floor now, these players and no NPC. */
    public static JsonObject seeded(String roomId, List<JsonObject> items, String... occupants) {
        return room(SeededWorld.rooms().require(roomId), List.of(occupants), List.of(), items);
    }

    /** The tavern as seeded by migrations V3 and V7, with Soot the cat by the fire. */
    public static JsonObject tavern(String... occupants) {
        return room("tavern", "The Hearth Tavern", TAVERN_DESCRIPTION, TAVERN_EXITS, List.of(occupants), List.of("Soot"),
                List.of(), -1, 0, 0);
    }

    public static final List<JsonObject> TAVERN_EXITS = List.of(
            exit("north", "kitchen", "n"), exit("east", "square", "e"), exit("down", "cellar", "d"));

    public static final JsonObject LANTERN = item("lantern-1", "brass lantern");
    public static final JsonObject BREAD = item("bread-1", "loaf of bread");
    public static final JsonObject APPLE = item("apple-1", "red apple");

    public static final String TAVERN_DESCRIPTION =
            "A fire crackles in the great stone hearth, throwing amber light across worn oak "
            + "tables and the faces of travellers come in from the cold. The air smells of "
            + "woodsmoke, fresh bread and spiced cider, and somewhere behind the bar a kettle "
            + "sings to itself.";
}
