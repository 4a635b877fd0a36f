package dev.hearth.runtime.settings;

import dev.hearth.runtime.db.DatabaseUrl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.Set;

/**
 * Keeps {@link LiveSettings} in step with the {@code settings} table. A trigger on the
 * table NOTIFYs {@value #CHANNEL} with the changed key; this listener re-reads that row.
 * Whenever the LISTEN connection is (re)established it reloads every row, so a change
 * made while the connection was down is not missed.
 */
public final class SettingsListener {
    public static final String CHANNEL = "hearth_settings";
    private static final Logger log = LoggerFactory.getLogger(SettingsListener.class);

    private final Pool pool;
    private final LiveSettings settings;
    private final PgSubscriber subscriber;
    private volatile boolean stopping;

    public SettingsListener(Vertx vertx, DatabaseUrl url, Pool pool, LiveSettings settings) {
        this.pool = pool;
        this.settings = settings;
        this.subscriber = PgSubscriber.subscriber(vertx, url.connectOptions())
                // Keep trying every second while the database is away; settings keep their values meanwhile.
                .reconnectPolicy(attempt -> 1_000L);
        subscriber.closeHandler(v -> {
            if (!stopping) log.warn("Live settings lost their database connection; reconnecting");
        });
        subscriber.channel(CHANNEL)
                .subscribeHandler(v -> reloadAll())
                .handler(this::reload);
    }

    /** Loads every setting, then listens. Completes once the current values are in force. */
    public Future<Void> start() {
        return reloadAll().compose(v -> subscriber.connect());
    }

    public Future<Void> stop() {
        stopping = true;
        return subscriber.close();
    }

    /** Re-reads all rows; declared settings without a row return to their defaults. */
    public Future<Void> reloadAll() {
        return pool.query("SELECT key, value FROM settings").execute()
                .map(rows -> {
                    Set<String> seen = new HashSet<>();
                    for (Row row : rows) {
                        seen.add(row.getString("key"));
                        settings.apply(row.getString("key"), row.getString("value"));
                    }
                    for (Setting<?> setting : settings.declared()) {
                        if (!seen.contains(setting.key())) settings.apply(setting.key(), null);
                    }
                    return (Void) null;
                })
                .onFailure(e -> log.warn("Could not load live settings; the values in force stay: {}", e.getMessage()));
    }

    private void reload(String key) {
        pool.preparedQuery("SELECT value FROM settings WHERE key = $1").execute(Tuple.of(key))
                .onSuccess(rows -> settings.apply(key, rows.size() == 0 ? null : rows.iterator().next().getString("value")))
                .onFailure(e -> log.warn("Could not read live setting '{}'; the value in force stays: {}", key, e.getMessage()));
    }
}
