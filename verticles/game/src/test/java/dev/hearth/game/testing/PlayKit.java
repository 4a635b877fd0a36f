package dev.hearth.game.testing;

import dev.hearth.game.chat.ChannelCatalog;
import dev.hearth.game.chat.ChannelEntity;
import dev.hearth.game.leaderboard.InMemoryLeaderboard;
import dev.hearth.game.leaderboard.Leaderboard;
import dev.hearth.game.leaderboard.MatchResult;
import dev.hearth.game.leaderboard.Standings;
import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.settings.Setting;
import dev.hearth.testkit.EntityTestKit;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link TestWorld} (the seeded world, every entity real, on the entity test kit) for
 * channels, lobbies and matches: with the channels {@code newbie}, {@code ooc} (players
 * start in both) and {@code trade}, one gateway ({@link #GATEWAY}), and a leaderboard in
 * memory that counts what matches record and can be told to fail. Time is the machine's:
 * reminders and timers keep to it.
 */
public final class PlayKit implements AutoCloseable {
    public static final String GATEWAY = "g1";
    public static final ChannelCatalog CHANNELS = ChannelCatalog.of(
            new ChannelCatalog.Listed("newbie", "Questions and answers for new players.", true),
            new ChannelCatalog.Listed("ooc", "Out of character: talk about anything.", true),
            new ChannelCatalog.Listed("trade", "Buying and selling.", false));

    private final InMemoryLeaderboard leaderboard = new InMemoryLeaderboard(InstantSource.system());
    private final AtomicInteger records = new AtomicInteger();
    private final AtomicBoolean failNextTop = new AtomicBoolean();
    private final AtomicBoolean failNextRecord = new AtomicBoolean();
    /** The leaderboard the matches use: the in-memory one, counting records, failing a read when told to. */
    private final Leaderboard watched = new Leaderboard() {
        @Override
        public Future<MatchResult> record(MatchResult result) {
            records.incrementAndGet();
            if (failNextRecord.compareAndSet(true, false)) return Future.failedFuture("the leaderboard is unreachable (PlayKit)");
            return leaderboard.record(result);
        }

        @Override
        public Future<Standings> top(int size) {
            if (failNextTop.compareAndSet(true, false)) return Future.failedFuture("the leaderboard is unreachable (PlayKit)");
            return leaderboard.top(size);
        }
    };
    private final TestWorld world = TestWorld.start(SeededWorld.catalog(), game -> game.channels(CHANNELS).leaderboard(watched));
    private final FakeGateway gateway = world.gateway(GATEWAY);

    public EntityTestKit kit() {
        return world.kit();
    }

    /** The channel's committed state; null for one that never changed. */
    public ChannelEntity.State channel(String name) {
        return world.channel(name);
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

    /** Makes the leaderboard's next {@code record} fail (it keeps nothing), as a database that went away would. */
    public void failNextLeaderboardRecord() {
        failNextRecord.set(true);
    }

    /** Changes a live setting as a row in the settings table would. */
    public <T> PlayKit set(Setting<T> setting, String value) {
        assertThat(world.settings().apply(setting.key(), value)).as("%s = %s is accepted", setting.key(), value).isTrue();
        return this;
    }

    /** A new connection of the player through {@link #GATEWAY}, not yet in the world. */
    public SessionRef session(String player) {
        return world.session(player, GATEWAY);
    }

    /** A new connection of the player through another gateway, in the cluster from now on (not yet in the world). */
    public SessionRef session(String player, String gatewayNode) {
        return world.session(player, gatewayNode);
    }

    /** The gateway is no longer in the cluster, without the news reaching the world. */
    public void gatewayGone(String gatewayNode) {
        world.gatewayGone(gatewayNode);
    }

    /** A new connection of the player, in the world as the gateway puts it there. */
    public SessionRef connect(String player) {
        return world.enter(player, GATEWAY);
    }

    public void disconnect(SessionRef session) {
        world.leave(session);
    }

    /** The player's character as committed. */
    public dev.hearth.game.character.CharacterState character(String player) {
        return world.character(player);
    }

    /** What the world answers to a line the player typed. */
    public CommandOutcome command(SessionRef session, String line) {
        return world.command(session, line);
    }

    /** The events a line shows its player; fails the test if the line was refused. */
    public List<JsonObject> events(SessionRef session, String line) {
        return world.output(session, line);
    }

    /** The refusal of a line; fails the test if the line was not refused. */
    public CommandOutcome.Rejected refused(SessionRef session, String line) {
        return world.rejection(session, line);
    }

    /** The events broadcast to every gateway so far, of the given type. */
    public List<JsonObject> broadcasts(String type) {
        return gateway.broadcasts().stream().filter(e -> type.equals(e.getString("type"))).toList();
    }

    /** The events pushed to a session so far, of the given type. */
    public List<JsonObject> pushed(SessionRef session, String type) {
        return gateway.eventsFor(session).stream().filter(e -> type.equals(e.getString("type"))).toList();
    }

    @Override
    public void close() {
        world.close();
    }
}
