package dev.hearth.game.sessions;

import dev.hearth.game.text.Names;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.entity.EntityContext;
import dev.hearth.runtime.entity.EntityType;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class GatewayRosterEntity implements GatewayRoster {
    private static final Logger log = LoggerFactory.getLogger(GatewayRosterEntity.class);

    /** @param sessions in the order they were added */
    public record State(List<SessionRef> sessions) {
        public State {
            sessions = sessions == null ? List.of() : List.copyOf(sessions);
        }
    }

    public static final EntityType<GatewayRoster, State> TYPE =
            EntityType.of(GatewayRoster.class, State.class, GatewayRosterEntity::new).initialState(() -> new State(List.of()));

    private final EntityContext<State> self;

    public GatewayRosterEntity(EntityContext<State> self) {
        this.self = self;
    }

    @Override
    public Future<Boolean> add(SessionRef session) {
        Optional<SessionRef> holder = byAddress(session.session());
        if (holder.isPresent()) {
            if (holder.get().player().equals(session.player())) return Future.succeededFuture(true);
            log.warn("Gateway {}: session {} of player {} is claimed by player {}; refused",
                    self.key(), session.session(), holder.get().player(), session.player());
            return Future.succeededFuture(false);
        }
        List<SessionRef> next = new ArrayList<>(self.state().sessions());
        next.add(session);
        self.setState(new State(next));
        return Future.succeededFuture(true);
    }

    @Override
    public Future<Void> remove(SessionRef session) {
        // Trust only what is stored: a leave naming the wrong player must not disconnect someone else.
        byAddress(session.session()).filter(known -> known.player().equals(session.player())).ifPresent(known ->
                self.setState(new State(self.state().sessions().stream().filter(s -> !s.equals(known)).toList())));
        return Future.succeededFuture();
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
