package dev.hearth.game.match;

import dev.hearth.game.GameServices;
import dev.hearth.game.delivery.FanOut;
import dev.hearth.game.events.SocialEvents;
import dev.hearth.runtime.entity.EntityContext;
import dev.hearth.runtime.entity.EntityType;
import dev.hearth.runtime.entity.Timers;
import dev.hearth.runtime.settings.LiveSettings;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The board of lobbies. Lobbies report every change as a transfer, so the board hears of
 * each one exactly once, after it is committed, in no particular order: versions put
 * them back in order. Broadcasts are spaced at least {@link #BROADCAST_GAP} apart; a
 * change inside the gap goes out, with whatever else changed, when the gap ends.
 */
public final class LobbyBoardEntity implements LobbyBoard {
    /** At most two {@code lobbies} broadcasts a second, however many lobbies change. */
    static final Duration BROADCAST_GAP = Duration.ofMillis(500);

    /** @param lobbies the latest view of each lobby that has ever changed, by name */
    public record State(Map<String, LobbyView> lobbies) {
        public State {
            lobbies = lobbies == null ? Map.of() : Map.copyOf(lobbies);
        }
    }

    public static EntityType<LobbyBoard, State> type(GameServices services) {
        return EntityType.of(LobbyBoard.class, State.class, self -> new LobbyBoardEntity(self, services.fanOut(), services.settings()))
                .initialState(() -> new State(Map.of()));
    }

    private final EntityContext<State> self;
    private final FanOut fanOut;
    private final LiveSettings settings;
    /** In memory only: a new activation may broadcast at once, which is harmless. */
    private long lastBroadcastNanos;
    private boolean broadcastYet;
    private Timers.Timer pending;

    private LobbyBoardEntity(EntityContext<State> self, FanOut fanOut, LiveSettings settings) {
        this.self = self;
        this.fanOut = fanOut;
        this.settings = settings;
    }

    @Override
    public Future<Void> report(LobbyView lobby) {
        LobbyView held = self.state().lobbies().get(lobby.name());
        if (held == null || lobby.version() > held.version()) {
            Map<String, LobbyView> next = new LinkedHashMap<>(self.state().lobbies());
            next.put(lobby.name(), lobby);
            self.setState(new State(next));
            broadcastSoon();
        }
        return Future.succeededFuture();
    }

    private List<LobbyView> current() {
        int max = settings.get(MatchSettings.MAX_PLAYERS);
        Map<String, LobbyView> held = self.state().lobbies();
        return settings.get(MatchSettings.LOBBY_NAMES).stream()
                .map(name -> held.containsKey(name) ? held.get(name).withMax(max) : LobbyView.empty(name, max))
                .toList();
    }

    private void broadcastSoon() {
        if (pending != null) return; // the change goes out with the broadcast already planned
        long sinceLast = System.nanoTime() - lastBroadcastNanos;
        if (!broadcastYet || sinceLast >= BROADCAST_GAP.toNanos()) {
            broadcast();
        } else {
            pending = self.timers().once(Duration.ofNanos(BROADCAST_GAP.toNanos() - sinceLast), () -> {
                pending = null;
                broadcast();
            });
        }
    }

    private void broadcast() {
        broadcastYet = true;
        lastBroadcastNanos = System.nanoTime();
        fanOut.broadcast(SocialEvents.lobbies(current()));
    }
}
