package dev.hearth.game.world;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads rooms from PostgreSQL (migrations/V3__world.sql). */
public final class RoomStore {
    private final Pool pool;

    public RoomStore(Pool pool) {
        this.pool = pool;
    }

    public Future<List<Room>> loadAll() {
        return pool.query("SELECT id, name, description, exits FROM rooms ORDER BY id")
                .execute()
                .map(rows -> {
                    List<Room> rooms = new ArrayList<>();
                    for (Row row : rows) rooms.add(toRoom(row));
                    return rooms;
                });
    }

    private static Room toRoom(Row row) {
        JsonObject exits = row.getJsonObject("exits");
        Map<String, String> targets = new LinkedHashMap<>();
        if (exits != null) {
            // A non-text target is a builder's typo; keep it visible so Rooms can report it.
            exits.forEach(exit -> targets.put(exit.getKey(), String.valueOf(exit.getValue())));
        }
        return new Room(row.getString("id"), row.getString("name"), row.getString("description"), targets);
    }
}
