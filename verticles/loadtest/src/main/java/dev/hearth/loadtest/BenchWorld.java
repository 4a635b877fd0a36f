package dev.hearth.loadtest;

import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark world: rooms of a known size for fan-out benchmarks, kept apart from the
 * village. The benchmark driver seeds {@link #seedSql} into the database before the node
 * starts (the world reads its rooms once, at start); {@code --rooms-of N} then walks each
 * bot to its room ({@link #walk}).
 *
 * <p>The layout: the tavern's exit {@code bench} (west) leads to the hub {@code bench_hub};
 * its exits {@code h1}...{@code hK} lead down to the sub-hubs {@code bench_h1}...; each
 * sub-hub's exits {@code r1}...{@code r20} lead down to the rooms {@code bench_h<k>_r<j>}.
 * Every exit has its way back: {@code up} from a room or a sub-hub, {@code tavern} (east)
 * from the hub. Rooms hold no items and say little, so their views stay small; they sit at
 * z = -10 and below, far under the village on the map.
 */
public final class BenchWorld {
    /** Rooms below one sub-hub: a hub's and a sub-hub's exits stay a short list. */
    static final int ROOMS_PER_HUB = 20;
    static final String HUB = "bench_hub";
    static final String FROM_TAVERN = "bench";
    static final String UP = "up";
    private static final String TAVERN = "tavern";
    private static final Pattern ROOM = Pattern.compile("bench_h(\\d+)_r(\\d+)");
    private static final Pattern SUB_HUB = Pattern.compile("bench_h(\\d+)");

    /**
     * A bench room as the rooms table holds it (migrations/V3__world.sql, V7__world_seed.sql).
     *
     * @param exits exit name to {@code {"to": id, "dir": d}}
     */
    record Room(String id, String name, String description, int x, int y, int z, Map<String, JsonObject> exits) {
    }

    private BenchWorld() {
    }

    /** {@code BenchWorld N}: prints {@link #seedSql} of N rooms, for a driver that seeds with psql. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("Usage: BenchWorld ROOMS   (prints the SQL that seeds ROOMS bench rooms)");
            System.exit(1);
        }
        // The bots' quiet logging, on stderr: stdout is the SQL.
        if (System.getProperty("logback.configurationFile") == null) System.setProperty("logback.configurationFile", "hearth-bots-logback.xml");
        System.out.print(seedSql(Integer.parseInt(args[0].strip())));
    }

    /**
     * PostgreSQL that adds {@code rooms} bench rooms, their hubs and the tavern's way to them.
     * Idempotent, and it grows: rows that exist keep their name and get the exits they lack
     * (a jsonb merge), so seeding 400 after 40 adds the rest.
     */
    public static String seedSql(int rooms) {
        StringBuilder sql = new StringBuilder("INSERT INTO rooms (id, name, description, x, y, z, exits) VALUES\n");
        List<Room> all = rooms(rooms);
        for (int i = 0; i < all.size(); i++) {
            Room room = all.get(i);
            JsonObject exits = new JsonObject();
            room.exits().forEach(exits::put);
            sql.append("(%s, %s, %s, %d, %d, %d, %s::jsonb)%s\n".formatted(quoted(room.id()), quoted(room.name()), quoted(room.description()),
                    room.x(), room.y(), room.z(), quoted(exits.encode()), i + 1 < all.size() ? "," : ""));
        }
        sql.append("ON CONFLICT (id) DO UPDATE SET exits = rooms.exits || EXCLUDED.exits;\n");
        sql.append("UPDATE rooms SET exits = exits || %s::jsonb WHERE id = 'tavern';\n".formatted(
                quoted(new JsonObject().put(FROM_TAVERN, exit(HUB, "w")).encode())));
        return sql.toString();
    }

    /** The exits from the tavern to room group {@code group} (0-based): {@code bench}, {@code h<group/20+1>}, {@code r<group%20+1>}. */
    public static List<String> walk(int group) {
        return List.of(FROM_TAVERN, "h" + hubOf(group), "r" + (group % ROOMS_PER_HUB + 1));
    }

    /** The room of group {@code group}: {@code bench_h<k>_r<j>}. */
    static String roomId(int group) {
        return subHubId(hubOf(group)) + "_r" + (group % ROOMS_PER_HUB + 1);
    }

    /**
     * The exits from room {@code from} to group {@code group}'s room: {@link #walk} from the
     * tavern (or from a room off the bench world, where its steps will not be found), the rest
     * of it from the hub or the right sub-hub, and {@code up} first from another bench room
     * (a bot placed by an earlier run with another {@code --rooms-of}). Empty once there.
     */
    static List<String> route(String from, int group) {
        List<String> walk = walk(group);
        if (from.equals(roomId(group))) return List.of();
        if (from.equals(HUB)) return walk.subList(1, 3);
        Matcher room = ROOM.matcher(from);
        if (room.matches()) return prepend(UP, route(subHubId(Integer.parseInt(room.group(1))), group));
        Matcher subHub = SUB_HUB.matcher(from);
        if (subHub.matches()) {
            return Integer.parseInt(subHub.group(1)) == hubOf(group) ? walk.subList(2, 3) : prepend(UP, walk.subList(1, 3));
        }
        return walk;
    }

    /** Every bench room row: the hub, then each sub-hub followed by its rooms. */
    static List<Room> rooms(int rooms) {
        if (rooms < 1) throw new IllegalArgumentException("a bench world has at least one room, not " + rooms);
        int hubs = Math.ceilDiv(rooms, ROOMS_PER_HUB);
        List<Room> all = new ArrayList<>();
        Map<String, JsonObject> hubExits = new LinkedHashMap<>();
        hubExits.put(TAVERN, exit(TAVERN, "e"));
        for (int k = 1; k <= hubs; k++) hubExits.put("h" + k, exit(subHubId(k), "d"));
        all.add(new Room(HUB, "Bench hub", "A bare stone hall under the tavern; numbered stairs lead down.", 0, 0, -10, hubExits));
        for (int k = 1; k <= hubs; k++) {
            Map<String, JsonObject> exits = new LinkedHashMap<>();
            exits.put(UP, exit(HUB, "u"));
            int inThisHub = Math.min(ROOMS_PER_HUB, rooms - (k - 1) * ROOMS_PER_HUB);
            for (int j = 1; j <= inThisHub; j++) exits.put("r" + j, exit(subHubId(k) + "_r" + j, "d"));
            all.add(new Room(subHubId(k), "Bench hall " + k, "A bare hall of numbered doors, one flight below the hub.", k, 0, -11, exits));
            for (int j = 1; j <= inThisHub; j++) {
                all.add(new Room(subHubId(k) + "_r" + j, "Bench room " + k + "." + j, "A bare, quiet room for talking in.", k, j, -12,
                        Map.of(UP, exit(subHubId(k), "u"))));
            }
        }
        return all;
    }

    private static int hubOf(int group) {
        if (group < 0) throw new IllegalArgumentException("room groups count from 0, not " + group);
        return group / ROOMS_PER_HUB + 1;
    }

    private static String subHubId(int hub) {
        return "bench_h" + hub;
    }

    private static JsonObject exit(String to, String dir) {
        return new JsonObject().put("to", to).put("dir", dir);
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return List.copyOf(all);
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
