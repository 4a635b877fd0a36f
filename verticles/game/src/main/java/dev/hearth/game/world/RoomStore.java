package dev.hearth.game.world;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

import java.util.ArrayList;
import java.util.List;

/** Reads the rooms table (migrations/V3__world.sql, V7__world_seed.sql) into a {@link RoomCatalog}. */
public final class RoomStore {
    private final Pool pool;

    public RoomStore(Pool pool) {
        this.pool = pool;
    }

    public Future<RoomCatalog> loadCatalog() {
        return pool.query("SELECT id, name, description, exits, x, y, z, items FROM rooms ORDER BY id")
                .execute()
                .map(rows -> {
                    List<RoomPlan> rooms = new ArrayList<>();
                    for (Row row : rows) rooms.add(toPlan(row));
                    return RoomCatalog.of(rooms);
                });
    }

    static RoomPlan toPlan(Row row) {
        String id = row.getString("id");
        return new RoomPlan(id, row.getString("name"), row.getString("description"),
                exits(id, row.getJsonObject("exits")),
                new GridPosition(row.getInteger("x"), row.getInteger("y"), row.getInteger("z")),
                items(id, row.getJsonArray("items")));
    }

    /**
     * {@code {"north": "square"}}, or {@code {"stairs": {"to": "tower_top", "dir": "u"}}} for
     * an exit whose name is not its direction.
     */
    static List<Exit> exits(String roomId, JsonObject json) {
        List<Exit> exits = new ArrayList<>();
        if (json == null) return exits;
        for (String name : json.fieldNames()) {
            Object value = json.getValue(name);
            if (value instanceof JsonObject spec) {
                String dir = spec.getString("dir");
                exits.add(new Exit(name, String.valueOf(spec.getValue("to")),
                        dir == null ? null : Direction.parse(dir).orElseThrow(() -> new IllegalStateException(
                                "room '" + roomId + "': exit '" + name + "' has direction '" + dir + "', not one of n s e w u d"))));
            } else {
                // A non-text target is a builder's typo; keep it visible so the catalog reports it.
                exits.add(new Exit(name, String.valueOf(value), Direction.parse(name).orElse(null)));
            }
        }
        return exits;
    }

    static List<Item> items(String roomId, JsonArray json) {
        List<Item> items = new ArrayList<>();
        if (json == null) return items;
        for (Object entry : json) {
            if (!(entry instanceof JsonObject item) || item.getString("id") == null || item.getString("name") == null) {
                throw new IllegalStateException("room '" + roomId + "': an item needs an id and a name: " + entry);
            }
            items.add(new Item(item.getString("id"), item.getString("name"), item.getString("description")));
        }
        return items;
    }
}
