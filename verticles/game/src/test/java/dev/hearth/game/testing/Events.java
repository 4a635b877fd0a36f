package dev.hearth.game.testing;

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

    public static JsonObject arrived(String who) {
        return new JsonObject().put("type", "arrived").put("who", who);
    }

    public static JsonObject left(String who) {
        return new JsonObject().put("type", "left").put("who", who);
    }

    public static JsonObject who(String... players) {
        return new JsonObject().put("type", "who").put("players", new JsonArray(List.of(players)));
    }

    public static JsonObject text(String text) {
        return new JsonObject().put("type", "text").put("text", text);
    }

    public static JsonObject room(String id, String name, String description, List<String> exits, String... occupants) {
        return new JsonObject().put("type", "room").put("room", new JsonObject()
                .put("id", id)
                .put("name", name)
                .put("description", description)
                .put("exits", new JsonArray(List.copyOf(exits)))
                .put("occupants", new JsonArray(List.of(occupants))));
    }

    /** The tavern as seeded by migrations/V3__world.sql. */
    public static JsonObject tavern(String... occupants) {
        return room("tavern", "The Hearth Tavern", TAVERN_DESCRIPTION, List.of(), occupants);
    }

    public static final String TAVERN_DESCRIPTION =
            "A fire crackles in the great stone hearth, throwing amber light across worn oak "
            + "tables and the faces of travellers come in from the cold. The air smells of "
            + "woodsmoke, fresh bread and spiced cider, and somewhere behind the bar a kettle "
            + "sings to itself.";
}
