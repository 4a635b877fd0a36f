package dev.hearth.game.testing;

import dev.hearth.game.GameSettings;
import dev.hearth.game.chat.ChannelEntity;
import dev.hearth.game.delivery.FanOut;
import dev.hearth.game.leaderboard.InMemoryLeaderboard;
import dev.hearth.game.leaderboard.Leaderboard;
import dev.hearth.game.leaderboard.MatchResult;
import dev.hearth.game.leaderboard.Standings;
import dev.hearth.game.match.LobbyBoardEntity;
import dev.hearth.game.match.LobbyEntity;
import dev.hearth.game.match.MatchEntity;
import dev.hearth.runtime.edge.EdgeAddresses;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.settings.LiveSettings;
import dev.hearth.runtime.settings.Setting;
import dev.hearth.testkit.EntityTestKit;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Channels, lobbies and matches on the entity test kit, pushing through a fake gateway
 * ({@link #GATEWAY}) and broadcasting to a recorder, with an in-memory leaderboard and
 * live settings a test can change. Time is the machine's: reminders and timers keep to it.
 */
public final class PlayKit implements AutoCloseable {
    public static final String GATEWAY = "g1";

    private final Vertx vertx = Vertx.vertx();
    private final LiveSettings settings = new LiveSettings().register(GameSettings.all());
    private final InMemoryLeaderboard leaderboard = new InMemoryLeaderboard(InstantSource.system());
    private final AtomicInteger records = new AtomicInteger();
    private final AtomicBoolean failNextTop = new AtomicBoolean();
    /** The leaderboard the matches use: the in-memory one, counting records, failing a read when told to. */
    private final Leaderboard watched = new Leaderboard() {
        @Override
        public Future<MatchResult> record(MatchResult result) {
            records.incrementAndGet();
            return leaderboard.record(result);
        }

        @Override
        public Future<Standings> top(int size) {
            if (failNextTop.compareAndSet(true, false)) return Future.failedFuture("the leaderboard is unreachable (PlayKit)");
            return leaderboard.top(size);
        }
    };
    private final List<JsonObject> broadcasts = new CopyOnWriteArrayList<>();
    private final MessageConsumer<JsonObject> broadcastRecorder;
    private final FakeGateway gateway;
    private final EntityTestKit kit = new EntityTestKit(vertx);

    public PlayKit() {
        FanOut fanOut = new FanOut(vertx.eventBus());
        broadcastRecorder = vertx.eventBus().consumer(EdgeAddresses.BROADCAST, m -> broadcasts.add(m.body().getJsonObject("event")));
        Futures.await(broadcastRecorder.completion());
        gateway = new FakeGateway(vertx, GATEWAY);
        kit.register(
                ChannelEntity.type(fanOut, InstantSource.system()),
                LobbyEntity.type(fanOut, settings, InstantSource.system()),
                LobbyBoardEntity.type(fanOut, settings),
                MatchEntity.type(fanOut, settings, watched, InstantSource.system()));
    }

    public EntityTestKit kit() {
        return kit;
    }

    public FakeGateway gateway() {
        return gateway;
    }

    public InMemoryLeaderboard leaderboard() {
        return leaderboard;
    }

    /** How many times matches have recorded a result, including records that changed nothing. */
    public int recordsWritten() {
        return records.get();
    }

    /** Makes the leaderboard's next {@code top} fail, as a database that went away would. */
    public void failNextLeaderboardRead() {
        failNextTop.set(true);
    }

    /** Changes a live setting as a row in the settings table would. */
    public <T> PlayKit set(Setting<T> setting, String value) {
        assertThat(settings.apply(setting.key(), value)).as("%s = %s is accepted", setting.key(), value).isTrue();
        return this;
    }

    /** A new connection of the player through {@link #GATEWAY}. */
    public SessionRef session(String player) {
        return new SessionRef(player, GATEWAY, EdgeAddresses.session(UUID.randomUUID().toString()));
    }

    /** The events published to every gateway so far, of the given type. */
    public List<JsonObject> broadcasts(String type) {
        return broadcasts.stream().filter(e -> type.equals(e.getString("type"))).toList();
    }

    /** The events pushed to a session so far, of the given type. */
    public List<JsonObject> pushed(SessionRef session, String type) {
        return gateway.eventsFor(session).stream().filter(e -> type.equals(e.getString("type"))).toList();
    }

    @Override
    public void close() {
        try {
            kit.close();
        } finally {
            Futures.await(vertx.close());
        }
    }
}
