package dev.hearth.game;

import dev.hearth.game.character.Character;
import dev.hearth.game.character.CharacterState;
import dev.hearth.game.npc.Npc;
import dev.hearth.game.npc.NpcEntity;
import dev.hearth.game.sessions.GatewayRoster;
import dev.hearth.game.sessions.GatewayRosterEntity;
import dev.hearth.game.world.Direction;
import dev.hearth.game.world.Exit;
import dev.hearth.game.world.GridPosition;
import dev.hearth.game.world.Item;
import dev.hearth.game.world.Occupant;
import dev.hearth.game.world.Room;
import dev.hearth.game.world.RoomState;
import dev.hearth.game.world.RoomView;
import dev.hearth.runtime.edge.PlayerCommand;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.entity.codec.EntityCodec;
import dev.hearth.runtime.entity.codec.FakeRefBinder;
import dev.hearth.runtime.entity.codec.JsonEntityCodec;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static dev.hearth.runtime.entity.codec.CodecRoundTrip.assertArgumentsRoundTrip;
import static dev.hearth.runtime.entity.codec.CodecRoundTrip.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;

/** Every state, argument and result of the game's entities survives the entity codec, as between nodes and in the database. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EntityMessagesRoundTripTest {
    private static final SessionRef ALICE = new SessionRef("Alice", "gw-1", "hearth.session.6f1c");
    private static final Item LANTERN = new Item("lantern-1", "brass lantern", "Dented, \"sooty\" \u00e9 \uD83D\uDD25.");
    private static final Exit STAIRS = new Exit("stairs", "tower_top", Direction.UP);
    private static final Exit BACK = new Exit("back", "cellar", null);

    private final EntityCodec codec = new JsonEntityCodec(new FakeRefBinder(Character.class, Room.class, GatewayRoster.class, Npc.class));

    @Test
    void states_round_trip() {
        assertStateRoundTrips(new CharacterState("Alice", "cellar", List.of(LANTERN), 7, List.of("tavern", "cellar"),
                List.of(ALICE), List.of("ooc"), "north-range"));
        assertStateRoundTrips(CharacterState.fresh());
        assertStateRoundTrips(new RoomState(true, List.of(LANTERN), List.of(Occupant.player("Alice", List.of(ALICE)), Occupant.npc("Soot"))));
        assertStateRoundTrips(new NpcEntity.State("square", 3, true));
        assertStateRoundTrips(new GatewayRosterEntity.State(List.of(ALICE), List.of("hearth.session.gone"), false));
        assertStateRoundTrips(new GatewayRosterEntity.State(List.of(), List.of(), true));
    }

    @Test
    void state_saved_before_a_field_existed_still_loads() {
        assertThat(codec.decodeState("{\"name\": \"Alice\", \"room\": \"tavern\"}", CharacterState.class))
                .isEqualTo(new CharacterState("Alice", "tavern", List.of(), 0, List.of(), List.of(), List.of(), null));
        assertThat(codec.decodeState("{}", RoomState.class)).isEqualTo(RoomState.untouched());
        assertThat(codec.decodeState("{\"sessions\": []}", GatewayRosterEntity.State.class))
                .isEqualTo(new GatewayRosterEntity.State(List.of(), List.of(), false));
    }

    @Test
    void arguments_round_trip() {
        assertArgumentsRoundTrip(codec, method(Character.class, "connect"), ALICE);
        assertArgumentsRoundTrip(codec, method(Character.class, "command"), new PlayerCommand("c1", ALICE, "give lantern to Bob"));
        assertArgumentsRoundTrip(codec, method(Character.class, "receive"), LANTERN, null);
        assertArgumentsRoundTrip(codec, method(Room.class, "enter"), Occupant.player("Alice", List.of(ALICE)), "west");
        assertArgumentsRoundTrip(codec, method(Room.class, "leave"), Occupant.npc("Soot"), null);
        assertArgumentsRoundTrip(codec, method(Room.class, "announce"), "Alice", "{\"type\":\"said\",\"text\":\"hi\"}");
        assertArgumentsRoundTrip(codec, method(Room.class, "take"), "lantern-1", "Alice");
        assertArgumentsRoundTrip(codec, method(GatewayRoster.class, "sessionsOf"), "alice");
    }

    @Test
    void results_round_trip() {
        RoomView view = new RoomView("tavern", "The Hearth Tavern", "Warm.", List.of(STAIRS, BACK), List.of("Alice", "bob"),
                List.of("Soot"), List.of(LANTERN), new GridPosition(-1, 0, 2));
        assertRoundTrips(codec, view, resultOf(method(Room.class, "view")));
        assertRoundTrips(codec, Optional.of(LANTERN), resultOf(method(Room.class, "take")));
        assertRoundTrips(codec, Optional.<Item>empty(), resultOf(method(Room.class, "take")));
        assertRoundTrips(codec, List.of(ALICE), resultOf(method(GatewayRoster.class, "sessions")));
        assertRoundTrips(codec, "{\"ok\":true,\"events\":[]}", resultOf(method(Character.class, "command")));
    }

    private void assertStateRoundTrips(Object state) {
        assertThat(codec.decodeState(codec.encodeState(state), state.getClass())).isEqualTo(state);
    }

    private static Method method(Class<?> type, String name) {
        return Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
    }

    /** T of the method's Future<T>. */
    private static Type resultOf(Method method) {
        return ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
    }
}
