package dev.hearth.loadtest;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchWorldTest {
    private static final Map<String, String> OPPOSITE = Map.of("n", "s", "s", "n", "e", "w", "w", "e", "u", "d", "d", "u");

    @Test
    void everyExitHasItsWayBackInTheOppositeDirection() {
        Map<String, BenchWorld.Room> world = world(45);
        for (BenchWorld.Room room : world.values()) {
            room.exits().forEach((name, exit) -> {
                String to = exit.getString("to");
                assertThat(world).as("%s's exit %s", room.id(), name).containsKey(to);
                List<JsonObject> back = world.get(to).exits().values().stream().filter(e -> e.getString("to").equals(room.id())).toList();
                assertThat(back).as("the way back from %s to %s", to, room.id()).hasSize(1);
                assertThat(back.getFirst().getString("dir")).isEqualTo(OPPOSITE.get(exit.getString("dir")));
            });
        }
    }

    @Test
    void idsAndNamesFitTheRoomsTableAndNothingSitsNearTheVillage() {
        List<BenchWorld.Room> rooms = BenchWorld.rooms(45);
        // The hub, three sub-hubs (20, 20 and 5 rooms), 45 rooms.
        assertThat(rooms).hasSize(1 + 3 + 45);
        Set<String> positions = new HashSet<>();
        for (BenchWorld.Room room : rooms) {
            assertThat(room.id()).matches("^[a-z][a-z0-9_]{0,63}$");
            assertThat(room.name().length()).isBetween(1, 100);
            assertThat(room.z()).isLessThanOrEqualTo(-10);
            assertThat(positions.add(room.x() + "," + room.y() + "," + room.z())).as("%s has a place of its own", room.id()).isTrue();
            room.exits().values().forEach(exit -> assertThat(exit.getString("dir")).isIn("n", "s", "e", "w", "u", "d"));
        }
        assertThat(rooms.stream().filter(r -> r.id().equals("bench_h3")).findFirst().orElseThrow().exits())
                .containsOnlyKeys("up", "r1", "r2", "r3", "r4", "r5");
        assertThat(rooms.stream().filter(r -> r.id().equals("bench_h2_r7")).findFirst().orElseThrow().name()).isEqualTo("Bench room 2.7");
        assertThatThrownBy(() -> BenchWorld.rooms(0)).hasMessageContaining("at least one room");
    }

    @Test
    void theWalkFromTheTavernLeadsToEachGroupsRoom() {
        Map<String, BenchWorld.Room> world = world(45);
        for (int group = 0; group < 45; group++) {
            assertThat(walkFrom(world, "tavern", BenchWorld.walk(group))).isEqualTo(BenchWorld.roomId(group));
        }
        assertThat(BenchWorld.walk(0)).containsExactly("bench", "h1", "r1");
        assertThat(BenchWorld.walk(27)).containsExactly("bench", "h2", "r8");
        assertThat(BenchWorld.roomId(27)).isEqualTo("bench_h2_r8");
    }

    @Test
    void aBotAlreadyInTheBenchWorldWalksFromWhereItIs() {
        Map<String, BenchWorld.Room> world = world(45);
        assertThat(BenchWorld.route("bench_h2_r8", 27)).isEmpty();
        assertThat(BenchWorld.route("bench_hub", 27)).containsExactly("h2", "r8");
        assertThat(BenchWorld.route("bench_h2", 27)).containsExactly("r8");
        assertThat(BenchWorld.route("bench_h1", 27)).containsExactly("up", "h2", "r8");
        assertThat(BenchWorld.route("bench_h2_r1", 27)).containsExactly("up", "r8");
        assertThat(BenchWorld.route("bench_h3_r5", 27)).containsExactly("up", "up", "h2", "r8");
        assertThat(BenchWorld.route("tavern", 27)).containsExactly("bench", "h2", "r8");
        for (String start : List.of("bench_hub", "bench_h1", "bench_h3", "bench_h1_r1", "bench_h3_r5")) {
            assertThat(walkFrom(world, start, BenchWorld.route(start, 27))).as("from %s", start).isEqualTo("bench_h2_r8");
        }
    }

    @Test
    void theSqlAddsEveryRoomIdempotentlyAndTheTavernsExit() {
        String sql = BenchWorld.seedSql(40);
        assertThat(sql).startsWith("INSERT INTO rooms (id, name, description, x, y, z, exits) VALUES")
                .contains("('bench_hub', 'Bench hub', ", "('bench_h2_r20', 'Bench room 2.20', ")
                .contains("ON CONFLICT (id) DO UPDATE SET exits = rooms.exits || EXCLUDED.exits;")
                .contains("UPDATE rooms SET exits = exits || '{\"bench\":{\"to\":\"bench_hub\",\"dir\":\"w\"}}'::jsonb WHERE id = 'tavern';")
                .doesNotContain("bench_h3");
        assertThat(sql.lines().filter(line -> line.startsWith("('")).count()).isEqualTo(1 + 2 + 40);
    }

    private static Map<String, BenchWorld.Room> world(int rooms) {
        Map<String, BenchWorld.Room> world = new HashMap<>();
        BenchWorld.rooms(rooms).forEach(room -> world.put(room.id(), room));
        // The tavern's side of the way in.
        world.put("tavern", new BenchWorld.Room("tavern", "The Hearth Tavern", "", -1, 0, 0,
                Map.of("bench", new JsonObject().put("to", "bench_hub").put("dir", "w"))));
        return world;
    }

    /** Takes the exits in order, as a bot does, skipping those that are not there. */
    private static String walkFrom(Map<String, BenchWorld.Room> world, String start, List<String> steps) {
        String at = start;
        for (String step : steps) {
            JsonObject exit = world.get(at).exits().get(step);
            if (exit != null) at = exit.getString("to");
        }
        return at;
    }
}
