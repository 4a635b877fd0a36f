package dev.hearth.runtime.settings;

import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.testing.Await;
import dev.hearth.runtime.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a real PostgreSQL: the table's trigger, NOTIFY and this node's LISTEN. */
class SettingsListenerTest {
    private static final Setting<Integer> LIMIT = Setting.integer("chat.limit", 10, 1, 100, "a limit");
    private static final Setting<String> MOTD = Setting.text("motd", "hello", 50, "greeting");

    private Vertx vertx;
    private DatabaseUrl url;
    private Pool pool;
    private LiveSettings settings;
    private SettingsListener listener;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        url = TestDatabase.fresh();
        TestDatabase.execute(url, "INSERT INTO settings (key, value) VALUES ('motd', 'stored before start')");
        pool = PgBuilder.pool().connectingTo(url.connectOptions()).using(vertx).build();
        settings = new LiveSettings().register(LIMIT, MOTD);
        listener = new SettingsListener(vertx, url, pool, settings);
        listener.start().await();
    }

    @AfterEach
    void stop() {
        listener.stop().await();
        vertx.close().await();
    }

    @Test
    void loadsStoredValuesBeforeStartCompletes() {
        assertThat(settings.get(MOTD)).isEqualTo("stored before start");
    }

    @Test
    void appliesAnInsertedRowWithinASecond() {
        TestDatabase.execute(url, "INSERT INTO settings (key, value) VALUES ('chat.limit', '77')");
        Await.within(Duration.ofSeconds(1), "the change applied", () -> settings.get(LIMIT) == 77);
    }

    @Test
    void refusesABadValueAndKeepsTheOldOne() {
        TestDatabase.execute(url, "INSERT INTO settings (key, value) VALUES ('chat.limit', '20')");
        Await.within(Duration.ofSeconds(1), "the change applied", () -> settings.get(LIMIT) == 20);
        TestDatabase.execute(url, "UPDATE settings SET value = 'twenty-one' WHERE key = 'chat.limit'");
        // A later good change proves the bad one was seen and skipped, not merely slow.
        TestDatabase.execute(url, "UPDATE settings SET value = 'changed after' WHERE key = 'motd'");
        Await.within(Duration.ofSeconds(1), "the change applied", () -> settings.get(MOTD).equals("changed after"));
        assertThat(settings.get(LIMIT)).isEqualTo(20);
    }

    @Test
    void aDeletedRowBringsBackTheDefault() {
        TestDatabase.execute(url, "DELETE FROM settings WHERE key = 'motd'");
        Await.within(Duration.ofSeconds(1), "the change applied", () -> settings.get(MOTD).equals("hello"));
    }
}
