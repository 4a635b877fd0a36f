package dev.hearth.game.chat;

import dev.hearth.game.testing.Futures;
import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelStoreTest {
    private final DatabaseUrl database = TestDatabase.fresh();
    private final Vertx vertx = Vertx.vertx();
    private final Pool pool = PgBuilder.pool().connectingTo(database.connectOptions()).using(vertx).build();

    @AfterEach
    void close() {
        Futures.await(pool.close());
        Futures.await(vertx.close());
    }

    @Test
    void theSeededPublicChannelsAreOocAndNewbieAndPlayersStartInBoth() {
        ChannelCatalog catalog = Futures.await(new ChannelStore(pool).loadAll());

        assertThat(catalog.names()).containsExactly("newbie", "ooc");
        assertThat(catalog.joinedAtStart()).containsExactly("newbie", "ooc");
        assertThat(catalog.find(" OOC ")).map(ChannelCatalog.Listed::name).hasValue("ooc");
        assertThat(catalog.find("gossip")).isEmpty();
    }

    @Test
    void aRowAddsAChannel() {
        TestDatabase.execute(database, "INSERT INTO channels (name, description) VALUES ('trade', 'Buying and selling.')");

        ChannelCatalog catalog = Futures.await(new ChannelStore(pool).loadAll());

        assertThat(catalog.find("trade")).hasValue(new ChannelCatalog.Listed("trade", "Buying and selling.", false));
        assertThat(catalog.joinedAtStart()).doesNotContain("trade");
    }
}
