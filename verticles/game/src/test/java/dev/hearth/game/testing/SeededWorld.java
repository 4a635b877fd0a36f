package dev.hearth.game.testing;

import dev.hearth.game.npc.NpcCast;
import dev.hearth.game.npc.NpcStore;
import dev.hearth.game.world.RoomCatalog;
import dev.hearth.game.world.RoomStore;
import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/**
 * The world exactly as the migrations seed it, read from a real, freshly migrated
 * PostgreSQL once per test JVM: what most tests play in, with entities in memory.
 */
public final class SeededWorld {
    private static Catalog seeded;

    /** The rooms and NPCs of one database. */
    public record Catalog(RoomCatalog rooms, NpcCast npcs) {
    }

    private SeededWorld() {
    }

    public static synchronized Catalog catalog() {
        if (seeded == null) seeded = load(TestDatabase.fresh());
        return seeded;
    }

    public static RoomCatalog rooms() {
        return catalog().rooms();
    }

    public static NpcCast npcs() {
        return catalog().npcs();
    }

    /** What the node loads at start, from the given database. */
    public static Catalog load(DatabaseUrl database) {
        Vertx vertx = Vertx.vertx();
        try {
            Pool pool = PgBuilder.pool().connectingTo(database.connectOptions())
                    .with(new PoolOptions().setMaxSize(1)).using(vertx).build();
            RoomCatalog rooms = Futures.await(new RoomStore(pool).loadCatalog());
            return new Catalog(rooms, Futures.await(new NpcStore(pool).loadCast(rooms)));
        } finally {
            Futures.await(vertx.close());
        }
    }
}
