package dev.hearth.game;

import dev.hearth.game.chat.ChannelCatalog;
import dev.hearth.game.commands.CommandRegistry;
import dev.hearth.game.commands.GameCommands;
import dev.hearth.game.delivery.FanOut;
import dev.hearth.game.leaderboard.InMemoryLeaderboard;
import dev.hearth.game.leaderboard.Leaderboard;
import dev.hearth.game.npc.NpcCast;
import dev.hearth.game.world.RoomCatalog;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.settings.LiveSettings;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * What the game's entities need from the node they run on, captured by their factories
 * ({@link GameEntities#all}): made once per node at start, the same for every entity.
 *
 * @param fanOut       pushes events to sessions through their gateways
 * @param rooms        every room's static part, loaded from the rooms table
 * @param npcs         the non-player characters, loaded from the npcs table
 * @param commands     what players can type
 * @param liveGateways the cluster node ids of the gateways in the cluster now; a session on
 *                     any other gateway is gone (its node left, or every node restarted)
 * @param random       for what the world decides by chance (where the cat wanders)
 * @param npcPace      how often a non-player character stirs
 * @param channels     the chat channels there are, loaded from the channels table
 * @param leaderboard  where finished matches' scores are kept
 * @param clock        the time matches, lobbies and chat lines are stamped with
 */
public record GameServices(FanOut fanOut, LiveSettings settings, RoomCatalog rooms, NpcCast npcs,
                           CommandRegistry commands, Supplier<Set<String>> liveGateways, RandomGenerator random,
                           Duration npcPace, ChannelCatalog channels, Leaderboard leaderboard, InstantSource clock) {

    public static final Duration DEFAULT_NPC_PACE = Duration.ofSeconds(15);

    public GameServices {
        Objects.requireNonNull(fanOut, "fanOut");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(rooms, "rooms");
        Objects.requireNonNull(npcs, "npcs");
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(liveGateways, "liveGateways");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(npcPace, "npcPace");
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(leaderboard, "leaderboard");
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * The services with the game's commands, no NPCs, a fresh random source and the default
     * pace, no chat channels, a leaderboard in memory (set a {@code PgLeaderboard} to keep
     * scores) and the system clock.
     */
    public static Builder builder(FanOut fanOut, LiveSettings settings, RoomCatalog rooms, Supplier<Set<String>> liveGateways) {
        return new Builder(fanOut, settings, rooms, liveGateways);
    }

    /**
     * Which sessions are on a gateway still in the cluster, as of now: read once per call
     * that needs it, not once per session.
     */
    public Predicate<SessionRef> liveSessions() {
        Set<String> live = Set.copyOf(liveGateways.get());
        return session -> live.contains(session.gatewayNode());
    }

    public static final class Builder {
        private final FanOut fanOut;
        private final LiveSettings settings;
        private final RoomCatalog rooms;
        private final Supplier<Set<String>> liveGateways;
        private NpcCast npcs = NpcCast.none();
        private CommandRegistry commands = GameCommands.registry();
        private RandomGenerator random = new SplittableRandom();
        private Duration npcPace = DEFAULT_NPC_PACE;
        private ChannelCatalog channels = ChannelCatalog.of();
        private InstantSource clock = InstantSource.system();
        private Leaderboard leaderboard;

        private Builder(FanOut fanOut, LiveSettings settings, RoomCatalog rooms, Supplier<Set<String>> liveGateways) {
            this.fanOut = fanOut;
            this.settings = settings;
            this.rooms = rooms;
            this.liveGateways = liveGateways;
        }

        public Builder npcs(NpcCast cast) {
            this.npcs = cast;
            return this;
        }

        public Builder commands(CommandRegistry registry) {
            this.commands = registry;
            return this;
        }

        public Builder random(RandomGenerator source) {
            this.random = source;
            return this;
        }

        public Builder npcPace(Duration pace) {
            if (pace.isNegative() || pace.isZero()) throw new IllegalArgumentException("npcPace must be positive");
            this.npcPace = pace;
            return this;
        }

        public Builder channels(ChannelCatalog catalog) {
            this.channels = catalog;
            return this;
        }

        public Builder leaderboard(Leaderboard board) {
            this.leaderboard = board;
            return this;
        }

        public Builder clock(InstantSource source) {
            this.clock = source;
            return this;
        }

        public GameServices build() {
            return new GameServices(fanOut, settings, rooms, npcs, commands, liveGateways, random, npcPace, channels,
                    leaderboard != null ? leaderboard : new InMemoryLeaderboard(clock), clock);
        }
    }
}
