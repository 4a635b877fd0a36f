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

import java.time.Instant;
import java.time.InstantSource;
import java.util.Collections;
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

        /** Ended with the kills as the leaderboard kept them (a first record stands), in this state's order. */
        State ended(Instant at, MatchView.Ending why, Map<String, Integer> kept) {
            Map<String, Integer> scored = new LinkedHashMap<>();
            kills.keySet().forEach(player -> scored.put(player, kept.getOrDefault(player, 0)));
            kept.forEach(scored::putIfAbsent);
            return new State(lobby, players, barrels, scored, endsAt, at, why);
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
        State now = self.state();
        if (now.phase() == MatchView.Phase.ENDED && setup.lobby().equals(now.lobby())) {
            // Its lobby starts it again, so the lobby missed its end (it forgot it was playing
            // it, in a turn that failed): it is told again, or it would wait for it forever.
            log.info("Match {} is over already; lobby {} is told again", self.key(), now.lobby());
            self.transfer(self.entities().refOf(Lobby.class, now.lobby()), lobby -> lobby.matchEnded(self.key()));
        }
        if (now.phase() != MatchView.Phase.STARTING) return Future.succeededFuture(view(now));
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
        if (state.phase() != MatchView.Phase.PLAYING) return missed(Shot.Outcome.NOT_ON, barrel, state);
        if (!state.players().contains(from.player())) return missed(Shot.Outcome.NOT_PLAYING, barrel, state);
        Integer hits = state.barrels().get(barrel);
        if (hits == null) return missed(Shot.Outcome.NO_SUCH_BARREL, barrel, state);

        State after = state.shot(barrel, from.player());
        boolean broke = hits == 1;
        self.setState(after);
        // The shooter's call tells the others, once this reply (which waits for the commit) is
        // in: a shot whose turn fails has told nobody anything.
        if (after.barrels().isEmpty()) after = end(after, MatchView.Ending.BARRELS, false);
        return Future.succeededFuture(new Shot(broke ? Shot.Outcome.BROKE : Shot.Outcome.HIT, barrel, hits - 1, view(after),
                after.players().sessionsExcept(from, services.liveSessions())));
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
            if (left.players().size() == 0) left = end(left, MatchView.Ending.ABANDONED, true);
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
        if (Reminding.dueOrSetAgain(self.reminders(), TIME_UP, state.endsAt(), clock)) end(state, MatchView.Ending.TIME, true);
        return Future.succeededFuture();
    }

    /**
     * Ends the match in this turn: the scores go to the leaderboard first (durable, once per
     * match), then the match is ended with the scores as the leaderboard kept them (a turn
     * that failed after recording, then a retry, ends as that first record says), its lobby
     * and every player's character told (transfers, sent once the end is committed). The
     * players are shown the result from those kept scores ({@code announce}; a shot's caller
     * shows it instead, once the shot is committed), and everyone the new leaderboard once
     * it is read: after the turn, at best, since the record stands whatever this turn does.
     */
    private State end(State state, MatchView.Ending why, boolean announce) {
        MatchResult kept = leaderboard.record(new MatchResult(self.key(), state.kills(), clock.instant())).await();
        State ended = state.ended(kept.endedAt(), why, kept.kills());
        self.setState(ended);
        self.transfer(self.entities().refOf(Lobby.class, state.lobby()), lobby -> lobby.matchEnded(self.key()));
        // Each player's score grows exactly once, whenever their character is reachable.
        ended.kills().forEach((player, kills) -> self.transfer(self.entities().refOf(Character.class, Names.key(player)),
                character -> character.matchOver(self.key(), state.lobby(), kills)));
        MatchView view = view(ended);
        if (announce) {
            List<SessionRef> everyone = ended.players().sessions(services.liveSessions());
            fanOut.push(everyone, SocialEvents.system(view.result()));
            fanOut.push(everyone, SocialEvents.match(view));
        }
        String matchId = self.key();
        leaderboard.top(services.settings().get(MatchSettings.LEADERBOARD_SIZE)).onComplete(
                top -> fanOut.broadcast(SocialEvents.leaderboard(top)),
                failure -> log.warn("The leaderboard after match {} could not be read; not shown: {}", matchId, failure.toString()));
        log.info("Match {} of lobby {} ended ({}): {}", self.key(), state.lobby(), why, ended.kills());
        return ended;
    }

    private Future<Shot> missed(Shot.Outcome outcome, String barrel, State state) {
        return Future.succeededFuture(new Shot(outcome, barrel, 0, view(state), List.of()));
    }

    private MatchView view(State state) {
        return new MatchView(self.key(), state.lobby(), state.phase(), state.players().players(), List.copyOf(state.barrels().keySet()),
                state.endsAt(), state.kills(), state.endedBy());
    }
}
