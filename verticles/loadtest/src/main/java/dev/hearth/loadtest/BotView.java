package dev.hearth.loadtest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one bot knows of the world, from the events it is pushed and the events in its
 * replies (docs/protocol.md, section 4): the room it is in, what it carries, the lobbies
 * and its match. Its actions choose from this. Confined to the bot's event loop.
 */
final class BotView {
    /** A lobby as the last {@code lobbies} event listed it. */
    record LobbySeen(String name, List<String> players, int max, String state) {
        boolean open() {
            return !"playing".equals(state) && players.size() < max;
        }
    }

    final String self;
    private String roomId = "";
    private boolean inMatch;
    private List<String> exits = List.of();
    private List<String> occupants = List.of();
    private List<String> floor = List.of();
    private List<String> carried = List.of();
    private List<LobbySeen> lobbies;
    private List<String> standing = List.of();

    BotView(String self, List<LobbySeen> lobbies) {
        this.self = self;
        this.lobbies = List.copyOf(lobbies);
    }

    /**
     * The event types a bot playing {@code mix} learns from: the room always (where it is, and
     * the walk to a bench room), what it carries only for drop and give, the lobbies only for
     * join and leave, the match only for shoot. The bodies of other pushed events are not
     * decoded at all.
     */
    static Set<String> typesRead(Mix mix) {
        Set<String> types = new HashSet<>();
        types.add("room");
        if (mix.has(Action.DROP) || mix.has(Action.GIVE)) types.add("inventory");
        if (mix.has(Action.JOIN) || mix.has(Action.LEAVE)) types.add("lobbies");
        if (mix.has(Action.SHOOT)) types.add("match");
        return Set.copyOf(types);
    }

    /** Takes in an event, pushed or replied; unknown types and fields are ignored, as the protocol asks. */
    void observe(JsonObject event) {
        switch (event.getString("type", "")) {
            case "room" -> room(event.getJsonObject("room", new JsonObject()));
            case "inventory" -> carried = ids(event.getJsonArray("items"));
            case "lobbies" -> lobbies = lobbies(event.getJsonArray("lobbies"));
            case "match" -> {
                JsonObject match = event.getJsonObject("match", new JsonObject());
                standing = "playing".equals(match.getString("state")) ? strings(match.getJsonArray("standing")) : List.of();
            }
            default -> {
                // said, chat, arrived, left...: nothing to remember
            }
        }
    }

    private void room(JsonObject room) {
        roomId = room.getString("id", "");
        // The barrel range is on no map: its map is null, and its id is match-<id>.
        inMatch = roomId.startsWith("match-") || (room.containsKey("map") && room.getValue("map") == null);
        exits = objects(room.getJsonArray("exits")).stream().map(exit -> exit.getString("name")).filter(Objects::nonNull).toList();
        occupants = strings(room.getJsonArray("occupants")).stream().filter(name -> !name.equalsIgnoreCase(self)).toList();
        floor = ids(room.getJsonArray("items"));
        if (!inMatch) standing = List.of();
    }

    String roomId() {
        return roomId;
    }

    boolean inMatch() {
        return inMatch;
    }

    boolean inLobby() {
        return lobbies.stream().anyMatch(lobby -> lobby.players().stream().anyMatch(self::equalsIgnoreCase));
    }

    List<String> exits() {
        return exits;
    }

    /** Players in the room, this bot left out. */
    List<String> others() {
        return occupants;
    }

    List<String> floor() {
        return floor;
    }

    List<String> carried() {
        return carried;
    }

    List<LobbySeen> lobbies() {
        return lobbies;
    }

    List<String> standing() {
        return standing;
    }

    static List<LobbySeen> lobbies(JsonArray array) {
        return objects(array).stream().filter(lobby -> lobby.getString("name") != null)
                .map(lobby -> new LobbySeen(lobby.getString("name"), strings(lobby.getJsonArray("players")),
                        lobby.getInteger("max", Integer.MAX_VALUE), lobby.getString("state", "waiting")))
                .toList();
    }

    /** The objects in an array (none for a missing one), anything else in it skipped. */
    static List<JsonObject> objects(JsonArray array) {
        if (array == null) return List.of();
        return array.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
    }

    private static List<String> ids(JsonArray items) {
        return objects(items).stream().map(item -> item.getString("id")).filter(Objects::nonNull).toList();
    }

    private static List<String> strings(JsonArray array) {
        if (array == null) return List.of();
        return array.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
}
