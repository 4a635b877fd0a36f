package dev.hearth.game.match;

import dev.hearth.game.GameServices;
import dev.hearth.game.delivery.Audience;
import dev.hearth.game.events.SocialEvents;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.entity.EntityContext;
import dev.hearth.runtime.entity.EntityType;
import dev.hearth.runtime.entity.Remindable;
import dev.hearth.runtime.settings.LiveSettings;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/**
 * A lobby. Its countdown is a durable reminder, so a lobby whose node dies mid-countdown
 * still starts its match, on another node; the match id comes from the lobby's committed
 * count of matches, so a countdown that fires twice starts the same match twice, which
 * the match answers as already started.
 */
public final class LobbyEntity implements Lobby, Remindable {
    private static final Logger log = LoggerFactory.getLogger(LobbyEntity.class);
    static final String COUNTDOWN = "countdown";
    /** Players needed for a countdown to start and for a match to begin. */
    public static final int MIN_PLAYERS = 2;

    /**
     * @param startsAt      when the countdown ends; null when there is none
     * @param match         the id of the match on now; null between matches
     * @param matchesPlayed how many matches this lobby has started (the next id is name-(n+1))
     * @param version       grows with every change (see {@link LobbyView#version()})
     */
    public record State(Audience players, Instant startsAt, String match, int matchesPlayed, long version) {
        public State {
            players = players == null ? Audience.none() : players;
        }

        State withPlayers(Audience next) {
            return new State(next, startsAt, match, matchesPlayed, version);
        }

        State counting(Instant at) {
            return new State(players, at, match, matchesPlayed, version);
        }

        State playing(String matchId) {
            return new State(players, null, matchId, matchesPlayed + 1, version);
        }

        State emptied() {
            return new State(Audience.none(), null, null, matchesPlayed, version);
        }

        State next() {
            return new State(players, startsAt, match, matchesPlayed, version + 1);
        }

        LobbyView.Phase phase() {
            if (match != null) return LobbyView.Phase.PLAYING;
            return startsAt != null ? LobbyView.Phase.COUNTDOWN : LobbyView.Phase.WAITING;
        }
    }

    public static EntityType<Lobby, State> type(GameServices services) {
        return EntityType.of(Lobby.class, State.class, self -> new LobbyEntity(self, services))
                .initialState(() -> new State(Audience.none(), null, null, 0, 0))
                .virtualThreads();
    }

    private final EntityContext<State> self;
    private final GameServices services;
    private final LiveSettings settings;
    private final InstantSource clock;

    private LobbyEntity(EntityContext<State> self, GameServices services) {
        this.self = self;
        this.services = services;
        this.settings = services.settings();
        this.clock = services.clock();
    }

    @Override
    public Future<LobbyJoin> join(String player, List<SessionRef> sessions) {
        State state = self.state();
        if (state.players().contains(player)) {
            present(player, sessions);
            return Future.succeededFuture(new LobbyJoin(LobbyJoin.Outcome.ALREADY_IN, view(self.state())));
        }
        if (state.match() != null) return Future.succeededFuture(new LobbyJoin(LobbyJoin.Outcome.PLAYING, view(state)));
        int max = settings.get(MatchSettings.MAX_PLAYERS);
        if (state.players().size() >= max) return Future.succeededFuture(new LobbyJoin(LobbyJoin.Outcome.FULL, view(state)));

        tell(state.players(), player + " joins the " + self.key() + " lobby ("
                + (state.players().size() + 1) + "/" + max + ").");
        State joined = state.withPlayers(state.players().with(player, sessions));
        // The one joining learns of the countdown from their reply (LobbyJoin.lobby().startsAt()).
        if (joined.players().size() >= MIN_PLAYERS && joined.startsAt() == null) joined = startCountdown(joined, state.players());
        change(joined);
        log.info("Player {} joined lobby {} ({} players)", player, self.key(), joined.players().size());
        return Future.succeededFuture(new LobbyJoin(LobbyJoin.Outcome.JOINED, view(self.state())));
    }

    @Override
    public Future<LobbyView> leave(String player) {
        State state = self.state();
        if (!state.players().contains(player)) return Future.succeededFuture(view(state));
        State left = state.withPlayers(state.players().without(player));
        if (state.match() != null) self.ref(Match.class, state.match()).leave(player).await();
        tell(left.players(), player + " leaves the " + self.key() + " lobby.");
        if (left.startsAt() != null && left.players().size() < MIN_PLAYERS) {
            // The reminder stays: it finds no countdown and does nothing. Cancelling it here
            // would be a write of its own, kept even if this turn failed, and would leave the
            // countdown with no reminder to end it.
            left = left.counting(null);
            tell(left.players(), "Not enough players left: the countdown stops.");
        }
        change(left);
        log.info("Player {} left lobby {} ({} players)", player, self.key(), left.players().size());
        return Future.succeededFuture(view(self.state()));
    }

    @Override
    public Future<Boolean> present(String player, List<SessionRef> sessions) {
        State state = self.state();
        if (!state.players().contains(player)) return Future.succeededFuture(false);
        if (state.match() == null && sessions.stream().noneMatch(services.liveSessions())) {
            log.info("Player {} went offline in lobby {}; taken out", player, self.key());
            leave(player);
            return Future.succeededFuture(false);
        }
        Audience next = state.players().refreshed(player, sessions);
        if (next == state.players()) return Future.succeededFuture(true);
        // Sessions are not occupancy: no new version, nothing for the board.
        self.setState(state.withPlayers(next));
        if (state.match() != null) self.ref(Match.class, state.match()).present(player, sessions).await();
        return Future.succeededFuture(true);
    }

    @Override
    public Future<LobbyView> view() {
        return Future.succeededFuture(view(self.state()));
    }

    @Override
    public Future<Void> matchEnded(String matchId) {
        State state = self.state();
        if (matchId.equals(state.match())) {
            change(state.emptied());
            log.info("Match {} of lobby {} ended; the lobby is open again", matchId, self.key());
        }
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> onReminder(String name) {
        State state = self.state();
        // At least once: a reminder for a countdown that stopped, or one that already started its match, does nothing.
        if (!COUNTDOWN.equals(name) || state.startsAt() == null || state.match() != null) return Future.succeededFuture();
        if (!Reminding.dueOrSetAgain(self.reminders(), COUNTDOWN, state.startsAt(), clock)) return Future.succeededFuture();
        // Only those who are there play: a player whose every session is on a gateway gone
        // from the cluster (every node restarted, a gateway died unannounced) is taken out.
        Audience there = state.players();
        for (String player : state.players().players()) {
            if (state.players().sessionsByPlayer().get(player).stream().noneMatch(services.liveSessions())) {
                log.info("Player {} has no live session; taken out of lobby {} as its countdown ends", player, self.key());
                there = there.without(player);
            }
        }
        State ready = state.withPlayers(there);
        if (there.size() < MIN_PLAYERS) {
            if (there.size() < state.players().size()) tell(there, "Not enough players are here: the countdown stops.");
            change(ready.counting(null));
            return Future.succeededFuture();
        }
        String matchId = self.key() + "-" + (state.matchesPlayed() + 1);
        MatchSetup setup = new MatchSetup(self.key(), there, settings.get(MatchSettings.BARRELS),
                settings.get(MatchSettings.BARREL_HITS), Duration.ofSeconds(settings.get(MatchSettings.MATCH_SECONDS)));
        // The lobby names its match and starts it in one commit: the match is started by a
        // transfer, sent once the lobby's change lands, so a lobby that failed to say it plays
        // has started nothing (the reminder comes again and starts the same match id), and a
        // lobby that says it plays has a match that will start. The match tells its players it
        // began only then, so a player who shoots at once finds the lobby naming it.
        change(ready.playing(matchId));
        self.transfer(self.entities().refOf(Match.class, matchId), match -> match.start(setup));
        log.info("Lobby {} starts match {} with {}", self.key(), matchId, there.players());
        return Future.succeededFuture();
    }

    private State startCountdown(State state, Audience toTell) {
        Duration countdown = Duration.ofSeconds(settings.get(MatchSettings.COUNTDOWN_SECONDS));
        self.reminders().set(COUNTDOWN, countdown).await();
        tell(toTell, "The match in " + self.key() + " starts in " + countdown.toSeconds() + " seconds. Type 'leave' to back out.");
        return state.counting(clock.instant().plus(countdown));
    }

    /** Saves a change of occupancy or phase and tells the board, once the change is committed. */
    private void change(State next) {
        State versioned = next.next();
        self.setState(versioned);
        LobbyView view = view(versioned);
        self.transfer(self.entities().refOf(LobbyBoard.class, LobbyBoard.KEY), board -> board.report(view));
    }

    private LobbyView view(State state) {
        return new LobbyView(self.key(), state.players().players(), settings.get(MatchSettings.MAX_PLAYERS), state.phase(),
                state.startsAt(), state.match(), state.version());
    }

    private void tell(Audience players, String text) {
        services.fanOut().push(players.sessions(services.liveSessions()), SocialEvents.system(text));
    }
}
