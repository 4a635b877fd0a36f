package dev.hearth.game.match;

import dev.hearth.game.GameServices;
import dev.hearth.game.character.Character;
import dev.hearth.game.delivery.Audience;
import dev.hearth.game.delivery.FanOut;
import dev.hearth.game.events.SocialEvents;
import dev.hearth.game.leaderboard.Leaderboard;
import dev.hearth.game.leaderboard.MatchResult;
import dev.hearth.game.text.Names;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.entity.EntityContext;
import dev.hearth.runtime.entity.EntityType;
import dev.hearth.runtime.entity.Remindable;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A match. Its end of time is a durable reminder, so a match whose node dies still ends,
 * on another node. Ending records the scores on the leaderboard before the match says it
 * has ended, and the leaderboard keeps a match's first record only: a match that ends
 * again (its commit failed, the reminder came twice) counts once.
 */
public final class MatchEntity implements Match, Remindable {
    private static final Logger log = LoggerFactory.getLogger(MatchEntity.class);
    static final String TIME_UP = "time-up";
    /** A reminder this close to the end of time counts as on time (clocks differ a little). */
    private static final Duration SLACK = Duration.ofMillis(250);

    /**
     * @param barrels  barrel id -> shots it still takes, for those standing, in order
     * @param kills    every player who took part -> barrels they broke
     * @param endsAt   when time runs out; null until it starts
     * @param endedAt  null until it ends
     */
    public record State(String lobby, Audience players, Map<String, Integer> barrels, Map<String, Integer> kills,
                        Instant endsAt, Instant endedAt, MatchView.Ending endedBy) {
        public State {
            players = players == null ? Audience.none() : players;
            barrels = barrels == null ? Map.of() : ordered(barrels);
            kills = kills == null ? Map.of() : ordered(kills);
        }

        MatchView.Phase phase() {
            if (endedAt != null) return MatchView.Phase.ENDED;
            return endsAt != null ? MatchView.Phase.PLAYING : MatchView.Phase.STARTING;
        }

        State withPlayers(Audience next) {
            return new State(lobby, next, barrels, kills, endsAt, endedAt, endedBy);
        }

        State shot(String barrel, String shooter) {
            Map<String, Integer> standing = new LinkedHashMap<>(barrels);
            int left = standing.get(barrel) - 1;
            Map<String, Integer> scored = kills;
            if (left > 0) {
                standing.put(barrel, left);
            } else {
                standing.remove(barrel);
                scored = new LinkedHashMap<>(kills);
                scored.merge(shooter, 1, Integer::sum);
            }
            return new State(lobby, players, standing, scored, endsAt, endedAt, endedBy);
        }

        State ended(Instant at, MatchView.Ending why) {
            return new State(lobby, players, barrels, kills, endsAt, at, why);
        }

        private static Map<String, Integer> ordered(Map<String, Integer> from) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(from));
        }
    }

    public static EntityType<Match, State> type(GameServices services) {
        return EntityType.of(Match.class, State.class, self -> new MatchEntity(self, services))
                .initialState(() -> new State(null, Audience.none(), Map.of(), Map.of(), null, null, null))
                .virtualThreads();
    }

    private final EntityContext<State> self;
    private final GameServices services;
    private final FanOut fanOut;
    private final Leaderboard leaderboard;
    private final InstantSource clock;

    private MatchEntity(EntityContext<State> self, GameServices services) {
        this.self = self;
        this.services = services;
        this.fanOut = services.fanOut();
        this.leaderboard = services.leaderboard();
        this.clock = services.clock();
    }

    @Override
    public Future<MatchView> start(MatchSetup setup) {
        if (self.state().phase() != MatchView.Phase.STARTING) return Future.succeededFuture(view(self.state()));
        Map<String, Integer> barrels = new LinkedHashMap<>();
        for (int i = 1; i <= setup.barrels(); i++) barrels.put(String.valueOf(i), setup.hitsPerBarrel());
        Map<String, Integer> kills = new LinkedHashMap<>();
        setup.players().players().forEach(p -> kills.put(p, 0));
        State started = new State(setup.lobby(), setup.players(), barrels, kills, clock.instant().plus(setup.length()), null, null);
        self.setState(started);
        self.reminders().set(TIME_UP, setup.length()).await();
        MatchView view = view(started);
        List<SessionRef> everyone = started.players().sessions(services.liveSessions());
        fanOut.push(everyone, SocialEvents.system("The match begins! " + setup.barrels() + " barrels stand in the range; "
                + (setup.hitsPerBarrel() == 1 ? "one shot breaks one" : setup.hitsPerBarrel() + " shots break one")
                + ". Type 'shoot <barrel>', e.g. 'shoot 1'. You have " + setup.length().toSeconds() + " seconds."));
        fanOut.push(everyone, SocialEvents.matchRoom(view));
        fanOut.push(everyone, SocialEvents.match(view));
        log.info("Match {} of lobby {} started: {} players, {} barrels", self.key(), setup.lobby(),
                setup.players().size(), setup.barrels());
        return Future.succeededFuture(view);
    }

    @Override
    public Future<Shot> shoot(SessionRef from, String barrel) {
        State state = self.state();
        if (state.phase() != MatchView.Phase.PLAYING) return shot(Shot.Outcome.NOT_ON, barrel, 0, state);
        if (!state.players().contains(from.player())) return shot(Shot.Outcome.NOT_PLAYING, barrel, 0, state);
        Integer hits = state.barrels().get(barrel);
        if (hits == null) return shot(Shot.Outcome.NO_SUCH_BARREL, barrel, 0, state);

        State after = state.shot(barrel, from.player());
        boolean broke = hits == 1;
        self.setState(after);
        List<SessionRef> others = after.players().sessionsExcept(from, services.liveSessions());
        if (broke) fanOut.push(others, SocialEvents.system(from.player() + " breaks barrel " + barrel + "!"));
        if (after.barrels().isEmpty()) {
            after = end(after, MatchView.Ending.BARRELS);
        } else {
            fanOut.push(others, SocialEvents.match(view(after)));
        }
        return shot(broke ? Shot.Outcome.BROKE : Shot.Outcome.HIT, barrel, hits - 1, after);
    }

    @Override
    public Future<MatchView> leave(String player) {
        State state = self.state();
        if (!state.players().contains(player)) return Future.succeededFuture(view(state));
        State left = state.withPlayers(state.players().without(player));
        self.setState(left);
        log.info("Player {} left match {} ({} players remain)", player, self.key(), left.players().size());
        if (left.phase() == MatchView.Phase.PLAYING) {
            fanOut.push(left.players().sessions(services.liveSessions()), SocialEvents.system(player + " has left the match."));
            if (left.players().size() == 0) left = end(left, MatchView.Ending.ABANDONED);
        }
        return Future.succeededFuture(view(left));
    }

    @Override
    public Future<Void> present(String player, List<SessionRef> sessions) {
        State state = self.state();
        Audience next = state.players().refreshed(player, sessions);
        if (next != state.players()) self.setState(state.withPlayers(next));
        return Future.succeededFuture();
    }

    @Override
    public Future<MatchView> view() {
        return Future.succeededFuture(view(self.state()));
    }

    @Override
    public Future<Void> onReminder(String name) {
        State state = self.state();
        // At least once: a reminder for a match that already ended does nothing.
        if (!TIME_UP.equals(name) || state.phase() != MatchView.Phase.PLAYING) return Future.succeededFuture();
        Duration left = Duration.between(clock.instant(), state.endsAt());
        if (left.compareTo(SLACK) > 0) {
            self.reminders().set(TIME_UP, left).await();
        } else {
            end(state, MatchView.Ending.TIME);
        }
        return Future.succeededFuture();
    }

    /**
     * Ends the match in this turn: the scores go to the leaderboard first (durable, once per
     * match), then the match is ended, its lobby and every player's character told (transfers,
     * sent once the end is committed, with the scores as the leaderboard kept them), the
     * players shown the result and everyone the new leaderboard.
     */
    private State end(State state, MatchView.Ending why) {
        MatchResult kept = leaderboard.record(new MatchResult(self.key(), state.kills(), clock.instant())).await();
        State ended = state.ended(kept.endedAt(), why);
        self.setState(ended);
        self.transfer(self.entities().refOf(Lobby.class, state.lobby()), lobby -> lobby.matchEnded(self.key()));
        // Each player's score grows exactly once, whenever their character is reachable.
        kept.kills().forEach((player, kills) -> self.transfer(self.entities().refOf(Character.class, Names.key(player)),
                character -> character.matchOver(self.key(), state.lobby(), kills)));
        List<SessionRef> everyone = ended.players().sessions(services.liveSessions());
        fanOut.push(everyone, SocialEvents.system(result(ended)));
        fanOut.push(everyone, SocialEvents.match(view(ended)));
        fanOut.broadcast(SocialEvents.leaderboard(leaderboard.top(services.settings().get(MatchSettings.LEADERBOARD_SIZE)).await()));
        log.info("Match {} of lobby {} ended ({}): {}", self.key(), state.lobby(), why, ended.kills());
        return ended;
    }

    private static String result(State ended) {
        String why = switch (ended.endedBy()) {
            case BARRELS -> "The last barrel is down: the match is over.";
            case TIME -> "Time is up: the match is over.";
            case ABANDONED -> "Everyone left: the match is over.";
        };
        Map.Entry<String, Integer> best = ended.kills().entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElse(null);
        if (best == null || best.getValue() == 0) return why + " Nobody broke a barrel.";
        long tied = ended.kills().values().stream().filter(k -> k.equals(best.getValue())).count();
        String kills = best.getValue() + (best.getValue() == 1 ? " barrel" : " barrels");
        return tied > 1 ? why + " A tie at " + kills + " each." : why + " " + best.getKey() + " wins with " + kills + ".";
    }

    private Future<Shot> shot(Shot.Outcome outcome, String barrel, int hitsLeft, State state) {
        return Future.succeededFuture(new Shot(outcome, barrel, hitsLeft, view(state)));
    }

    private MatchView view(State state) {
        return new MatchView(self.key(), state.lobby(), state.phase(), state.players().players(), List.copyOf(state.barrels().keySet()),
                state.endsAt(), state.kills(), state.endedBy());
    }
}
