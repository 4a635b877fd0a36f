package dev.hearth.game.npc;

import dev.hearth.game.world.RoomCatalog;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

import java.util.ArrayList;
import java.util.List;

/** Reads the npcs table (migrations/V7__world_seed.sql). */
public final class NpcStore {
    private final Pool pool;

    public NpcStore(Pool pool) {
        this.pool = pool;
    }

    public Future<NpcCast> loadCast(RoomCatalog rooms) {
        return pool.query("SELECT id, name, description, home, emotes, roams FROM npcs ORDER BY id")
                .execute()
                .map(rows -> {
                    List<NpcDefinition> npcs = new ArrayList<>();
                    for (Row row : rows) {
                        npcs.add(new NpcDefinition(row.getString("id"), row.getString("name"), row.getString("description"),
                                row.getString("home"), texts(row.getJsonArray("emotes")), texts(row.getJsonArray("roams"))));
                    }
                    return NpcCast.of(npcs, rooms);
                });
    }

    private static List<String> texts(JsonArray array) {
        List<String> out = new ArrayList<>();
        if (array != null) array.forEach(value -> out.add(String.valueOf(value)));
        return out;
    }
}
