package dev.hearth.game.sessions;

import dev.hearth.game.text.Names;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.entity.EntityContext;
import dev.hearth.runtime.entity.EntityType;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Written behind: a roster is a cache of who is connected where, rebuilt as players come
 * and go, and every connection goes through it, so a reconnect storm on a big gateway
 * should not be one synchronous rewrite of the whole list per player. A crash loses at
 * most the last {@link #WRITE_BEHIND} of comings and goings; the characters still know
 * their sessions, and a lost addition comes back with the session's next command.
 */
public final class GatewayRosterEntity implements GatewayRoster {
    private static final Logger log = LoggerFactory.getLogger(GatewayRosterEntity.class);
    /** How many departed session addresses a roster remembers, to refuse an enter that comes after its leave. */
    public static final int DEPARTED_KEPT = 1000;
    /**
     * A roster lists every session of its gateway (15,000 of them are two megabytes of JSON),
     * so each save is large: once a second at most, however many players come and go.
     */
    static final Duration WRITE_BEHIND = Duration.ofSeconds(1);

    /**
     * @param sessions in the order they were added
     * @param departed addresses of sessions that have left (or whose leave came first), newest
     *                 last, at most {@value #DEPARTED_KEPT}: addresses are UUIDs, never reused
     * @param gone     the gateway has left the cluster: nothing is added any more
     */
    public record State(List<SessionRef> sessions, List<String> departed, boolean gone) {
        public State {
            sessions = sessions == null ? List.of() : List.copyOf(sessions);
            departed = departed == null ? List.of() : List.copyOf(departed);
        }

        State withSessions(List<SessionRef> next) {
            return new State(next, departed, gone);
        }

        State withDeparted(String address) {
            List<String> next = new ArrayList<>(departed);
            next.add(address);
            if (next.size() > DEPARTED_KEPT) next.subList(0, next.size() - DEPARTED_KEPT).clear();
            return new State(sessions, next, gone);
        }
    }

    public static final EntityType<GatewayRoster, State> TYPE =
            EntityType.of(GatewayRoster.class, State.class, GatewayRosterEntity::new)
                    .initialState(() -> new State(List.of(), List.of(), false))
                    .writeBehind(WRITE_BEHIND);

    private final EntityContext<State> self;

    public GatewayRosterEntity(EntityContext<State> self) {
        this.self = self;
    }

    @Override
    public Future<Boolean> add(SessionRef session) {
        State state = self.state();
        Optional<SessionRef> holder = byAddress(session.session());
        if (holder.isPresent()) {
            if (holder.get().player().equals(session.player())) return Future.succeededFuture(true);
            log.warn("Gateway {}: session {} of player {} is claimed by player {}; refused",
                    self.key(), session.session(), holder.get().player(), session.player());
            return Future.succeededFuture(false);
        }
        if (state.gone()) {
            log.info("Gateway {} has left the cluster: session {} of player {} refused", self.key(), session.session(), session.player());
            return Future.succeededFuture(false);
        }
        if (state.departed().contains(session.session())) {
            // Its leave came first (another game node, a retry): entering now would leave a ghost.
            log.info("Gateway {}: session {} of player {} has already left; refused", self.key(), session.session(), session.player());
            return Future.succeededFuture(false);
        }
        List<SessionRef> next = new ArrayList<>(state.sessions());
        next.add(session);
        self.setState(state.withSessions(next));
        return Future.succeededFuture(true);
    }

    @Override
    public Future<Void> remove(SessionRef session) {
        State state = self.state();
        if (state.gone()) return Future.succeededFuture();
        Optional<SessionRef> known = byAddress(session.session());
        if (known.isPresent()) {
            // Trust only what is stored: a leave naming the wrong player must not disconnect someone else.
            if (!known.get().player().equals(session.player())) return Future.succeededFuture();
            self.setState(state.withSessions(state.sessions().stream().filter(s -> !s.equals(known.get())).toList())
                    .withDeparted(session.session()));
        } else if (!state.departed().contains(session.session())) {
            log.debug("Gateway {}: leave of session {} before its enter; the enter will be refused", self.key(), session.session());
            self.setState(state.withDeparted(session.session()));
        }
        return Future.succeededFuture();
    }

    @Override
    public Future<List<SessionRef>> departed() {
        State state = self.state();
        if (state.gone()) return Future.succeededFuture(List.of());
        self.setState(new State(List.of(), List.of(), true));
        log.info("Gateway {} has left the cluster: its {} sessions handed over for disconnection", self.key(), state.sessions().size());
        return Future.succeededFuture(state.sessions());
    }

    @Override
    public Future<List<SessionRef>> sessions() {
        return Future.succeededFuture(self.state().sessions());
    }

    @Override
    public Future<List<SessionRef>> sessionsOf(String player) {
        return Future.succeededFuture(self.state().sessions().stream().filter(s -> Names.same(s.player(), player)).toList());
    }

    @Override
    public Future<List<String>> players() {
        return Future.succeededFuture(self.state().sessions().stream().map(SessionRef::player).distinct().toList());
    }

    private Optional<SessionRef> byAddress(String address) {
        return self.state().sessions().stream().filter(s -> s.session().equals(address)).findFirst();
    }
}
