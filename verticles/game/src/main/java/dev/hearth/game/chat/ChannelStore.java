package dev.hearth.game.chat;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

import java.util.ArrayList;
import java.util.List;

/** Reads the channel list from PostgreSQL (migrations/V8__matches.sql). */
public final class ChannelStore {
    private final Pool pool;

    public ChannelStore(Pool pool) {
        this.pool = pool;
    }

    public Future<ChannelCatalog> loadAll() {
        return pool.query("SELECT name, description, joined_at_start FROM channels ORDER BY name").execute()
                .map(rows -> {
                    List<ChannelCatalog.Listed> channels = new ArrayList<>();
                    for (Row row : rows) {
                        channels.add(new ChannelCatalog.Listed(row.getString("name"), row.getString("description"),
                                row.getBoolean("joined_at_start")));
                    }
                    return new ChannelCatalog(channels);
                });
    }
}
