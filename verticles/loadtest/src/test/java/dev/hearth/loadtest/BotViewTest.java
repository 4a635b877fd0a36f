package dev.hearth.loadtest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class BotViewTest {
    private final SplittableRandom random = new SplittableRandom(5);

    @Test
    void aRoomEventGivesExitsOthersAndTheFloor() {
        BotView view = new BotView("bot0001", List.of());
        view.observe(new JsonObject(ROOM));
        assertThat(view.roomId()).isEqualTo("tavern");
        assertThat(view.inMatch()).isFalse();
        assertThat(view.exits()).containsExactly("north", "east", "down");
        assertThat(view.others()).containsExactly("Alice");
        assertThat(view.floor()).containsExactly("bread-1");
        assertThat(Action.GO.line(view, random).orElseThrow()).isIn("go north", "go east", "go down");
        assertThat(Action.GET.line(view, random)).contains("get bread-1");
        assertThat(Action.TELL.line(view, random).orElseThrow()).startsWith("tell Alice ");
        assertThat(Action.DROP.line(view, random)).isEmpty();
        assertThat(Action.SHOOT.line(view, random)).isEmpty();
    }

    @Test
    void whatABotCarriesComesFromInventoryEvents() {
        BotView view = new BotView("bot0001", List.of());
        view.observe(new JsonObject(ROOM));
        view.observe(new JsonObject().put("type", "inventory").put("items", new JsonArray().add(new JsonObject().put("id", "key-1").put("name", "iron key"))));
        assertThat(Action.DROP.line(view, random)).contains("drop key-1");
        assertThat(Action.GIVE.line(view, random)).contains("give key-1 to Alice");
    }

    @Test
    void aBotJoinsAnOpenLobbyAndLeavesOnlyOnceItIsInOne() {
        List<BotView.LobbySeen> lobbies = BotView.lobbies(new JsonArray()
                .add(new JsonObject().put("name", "arena").put("players", new JsonArray().add("a").add("b").add("c").add("d")).put("max", 4).put("state", "countdown"))
                .add(new JsonObject().put("name", "yard").put("players", new JsonArray()).put("max", 4).put("state", "waiting")));
        BotView view = new BotView("bot0001", lobbies);
        view.observe(new JsonObject(ROOM));
        assertThat(Action.JOIN.line(view, random)).contains("join yard"); // the arena is full
        assertThat(Action.LEAVE.line(view, random)).isEmpty();

        view.observe(new JsonObject().put("type", "lobbies").put("lobbies", new JsonArray()
                .add(new JsonObject().put("name", "yard").put("players", new JsonArray().add("BOT0001")).put("max", 4).put("state", "waiting"))));
        assertThat(view.inLobby()).isTrue();
        assertThat(Action.JOIN.line(view, random)).isEmpty();
        assertThat(Action.LEAVE.line(view, random)).contains("leave");
    }

    @Test
    void theBarrelRangeIsAMatchAndItsItemsAreBarrelsToShoot() {
        BotView view = new BotView("bot0001", List.of());
        view.observe(new JsonObject().put("type", "room").put("room", new JsonObject().put("id", "match-3").put("name", "The Barrel Range")
                .put("exits", new JsonArray()).put("occupants", new JsonArray().add("bot0001").add("bot0002"))
                .put("items", new JsonArray().add(new JsonObject().put("id", "1").put("name", "barrel 1"))).putNull("map")));
        view.observe(new JsonObject().put("type", "match").put("match", new JsonObject().put("state", "playing").put("standing", new JsonArray().add("1").add("4"))));
        assertThat(view.inMatch()).isTrue();
        assertThat(Action.SHOOT.line(view, random).orElseThrow()).isIn("shoot 1", "shoot 4");
        assertThat(Action.GET.line(view, random)).isEmpty();
        assertThat(Action.GO.line(view, random)).isEmpty();
        assertThat(Action.LEAVE.line(view, random)).contains("leave");

        view.observe(new JsonObject().put("type", "match").put("match", new JsonObject().put("state", "ended").put("standing", new JsonArray())));
        assertThat(Action.SHOOT.line(view, random)).isEmpty();
        view.observe(new JsonObject(ROOM));
        assertThat(view.inMatch()).isFalse();
    }

    @Test
    void unknownEventsAndFieldsAreIgnored() {
        BotView view = new BotView("bot0001", List.of());
        view.observe(new JsonObject().put("type", "fireworks").put("colour", "green"));
        view.observe(new JsonObject().put("seq", 4));
        assertThat(view.roomId()).isEmpty();
        assertThat(Action.GO.line(view, random)).isEmpty();
    }

    /** The protocol's own example of a room event (docs/protocol.md, section 4). */
    static final String ROOM = """
            {"type": "room", "room": {"id": "tavern", "name": "The Hearth Tavern", "description": "A fire crackles...",
              "exits": [{"name": "north", "to": "kitchen", "dir": "n"}, {"name": "east", "to": "square", "dir": "e"},
                        {"name": "down", "to": "cellar", "dir": "d"}],
              "occupants": ["Alice", "bot0001"], "npcs": ["Soot"], "items": [{"id": "bread-1", "name": "loaf of bread"}],
              "map": {"x": -1, "y": 0, "z": 0}}}""";
}
