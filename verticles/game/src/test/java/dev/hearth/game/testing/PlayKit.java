package dev.hearth.game.testing;

import dev.hearth.game.GameEntities;
import dev.hearth.game.GameServices;
import dev.hearth.game.GameSettings;
import dev.hearth.game.character.Character;
import dev.hearth.game.chat.ChannelCatalog;
import dev.hearth.game.delivery.FanOut;
import dev.hearth.game.leaderboard.InMemoryLeaderboard;
import dev.hearth.game.leaderboard.Leaderboard;
import dev.hearth.game.leaderboard.MatchResult;
import dev.hearth.game.leaderboard.Standings;
import dev.hearth.game.text.Names;
import dev.hearth.game.world.Direction;
import dev.hearth.game.world.Exit;
import dev.hearth.game.world.GridPosition;
import dev.hearth.game.world.RoomCatalog;
import dev.hearth.game.world.RoomPlan;
import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.EdgeAddresses;
import dev.hearth.runtime.edge.PlayerCommand;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.entity.EntityType;
import dev.hearth.runtime.settings.LiveSettings;
import dev.hearth.runtime.settings.Setting;
import dev.hearth.testkit.EntityTestKit;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The game's entities on the entity test kit: every type of {@link GameEntities}, real,
 * in a small world (the tavern and the yard north of it), with the channels {@code ooc}
 * and {@code newbie}. Events go to a fake gateway ({@link #GATEWAY}) and broadcasts to a
 * recorder; the leaderboard is in memory, and live settings can be changed. Time is the
 * machine's: reminders and timers keep to it.
 */
public final class PlayKit implements AutoCloseable {
    public static final String GATEWAY = "g1";
    public static final ChannelCatalog CHANNELS = ChannelCatalog.of(
            new ChannelCatalog.Listed("newbie", "Questions and answers for new players.", true),
            new ChannelCatalog.Listed("ooc", "Out of character: talk about anything.", true),
            new ChannelCatalog.Listed("trade", "Buying and selling.", false));
    public static final RoomCatalog ROOMS = RoomCatalog.of(List.of(
            new RoomPlan("tavern", "The Hearth Tavern", "A fire crackles.", List.of(new Exit("north", "yard", Direction.NORTH)),
                    GridPosition.ORIGIN, List.of()),
            new RoomPlan("yard", "The Yard", "Cobbles and puddles.", List.of(new Exit("south", "tavern", Direction.SOUTH)),
                    new GridPosition(0, -1, 0), List.of())));

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
    private final AtomicInteger commandIds = new AtomicInteger();

    public PlayKit() {
        broadcastRecorder = vertx.eventBus().consumer(EdgeAddresses.BROADCAST, m -> broadcasts.add(m.body().getJsonObject("event")));
        Futures.await(broadcastRecorder.completion());
        gateway = new FakeGateway(vertx, GATEWAY);
        GameServices services = GameServices.builder(new FanOut(vertx.eventBus()), settings, ROOMS, () -> Set.of(GATEWAY))
                .channels(CHANNELS)
                .leaderboard(watched)
                .build();
        kit.register(GameEntities.all(services).toArray(EntityType<?, ?>[]::new));
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

    /** A new connection of the player through {@link #GATEWAY}, not yet in the world. */
    public SessionRef session(String player) {
        return new SessionRef(player, GATEWAY, EdgeAddresses.session(UUID.randomUUID().toString()));
    }

    /** A new connection of the player, in the world as the gateway puts it there. */
    public SessionRef connect(String player) {
        SessionRef session = session(player);
        assertThat(kit.await(character(player).connect(session))).as("%s connects", player).isTrue();
        return session;
    }

    public void disconnect(SessionRef session) {
        kit.await(character(session.player()).disconnect(session));
    }

    /** What the world answers to a line the player typed. */
    public CommandOutcome command(SessionRef session, String line) {
        PlayerCommand command = new PlayerCommand("c" + commandIds.incrementAndGet(), session, line);
        return CommandOutcome.fromJson(new JsonObject(kit.await(character(session.player()).command(command))));
    }

    /** The events a line shows its player; fails the test if the line was refused. */
    public List<JsonObject> events(SessionRef session, String line) {
        CommandOutcome outcome = command(session, line);
        assertThat(outcome).as("the outcome of '%s'", line).isInstanceOf(CommandOutcome.Done.class);
        return ((CommandOutcome.Done) outcome).events();
    }

    /** The message of a refused line; fails the test if the line was not refused. */
    public CommandOutcome.Rejected refused(SessionRef session, String line) {
        CommandOutcome outcome = command(session, line);
        assertThat(outcome).as("the outcome of '%s'", line).isInstanceOf(CommandOutcome.Rejected.class);
        return (CommandOutcome.Rejected) outcome;
    }

    public Character character(String player) {
        return kit.ref(Character.class, Names.key(player));
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
