package dev.hearth.game.chat;

import dev.hearth.game.GameServices;
import dev.hearth.game.delivery.Audience;
import dev.hearth.game.events.SocialEvents;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.entity.EntityContext;
import dev.hearth.runtime.entity.EntityType;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class ChannelEntity implements Channel {
    private static final Logger log = LoggerFactory.getLogger(ChannelEntity.class);
    /** How many recent lines a channel keeps, and shows to a player who joins. */
    public static final int HISTORY_LINES = 20;

    /** @param history the last {@value #HISTORY_LINES} lines, oldest first */
    public record State(Audience members, List<ChatLine> history) {
        public State {
            members = members == null ? Audience.none() : members;
            history = history == null ? List.of() : List.copyOf(history);
        }

        State withMembers(Audience next) {
            return new State(next, history);
        }

        State withLine(ChatLine line) {
            List<ChatLine> next = new ArrayList<>(history);
            next.add(line);
            if (next.size() > HISTORY_LINES) next.subList(0, next.size() - HISTORY_LINES).clear();
            return new State(members, next);
        }
    }

    public static EntityType<Channel, State> type(GameServices services) {
        return EntityType.of(Channel.class, State.class, self -> new ChannelEntity(self, services))
                .initialState(() -> new State(Audience.none(), List.of()));
    }

    private final EntityContext<State> self;
    private final GameServices services;

    private ChannelEntity(EntityContext<State> self, GameServices services) {
        this.self = self;
        this.services = services;
    }

    @Override
    public Future<List<ChatLine>> join(String player, List<SessionRef> sessions) {
        State state = self.state();
        if (state.members().contains(player)) {
            present(player, sessions);
        } else {
            self.setState(state.withMembers(state.members().with(player, sessions)));
            log.info("Player {} joined channel {}", player, self.key());
        }
        return Future.succeededFuture(state.history());
    }

    @Override
    public Future<Boolean> leave(String player) {
        State state = self.state();
        if (!state.members().contains(player)) return Future.succeededFuture(false);
        self.setState(state.withMembers(state.members().without(player)));
        log.info("Player {} left channel {}", player, self.key());
        return Future.succeededFuture(true);
    }

    @Override
    public Future<Optional<ChatLine>> say(SessionRef from, String text) {
        State state = self.state();
        if (!state.members().contains(from.player())) return Future.succeededFuture(Optional.empty());
        ChatLine line = new ChatLine(from.player(), text, services.clock().instant());
        self.setState(state.withLine(line));
        List<SessionRef> others = state.members().sessionsExcept(from, services.liveSessions());
        services.fanOut().push(others, SocialEvents.chat(self.key(), line));
        log.debug("Player {} said on channel {} to {} sessions", from.player(), self.key(), others.size());
        return Future.succeededFuture(Optional.of(line));
    }

    @Override
    public Future<Void> present(String player, List<SessionRef> sessions) {
        State state = self.state();
        Audience next = state.members().refreshed(player, sessions);
        if (next != state.members()) self.setState(state.withMembers(next));
        return Future.succeededFuture();
    }

    @Override
    public Future<ChannelInfo> info() {
        Audience members = self.state().members();
        return Future.succeededFuture(new ChannelInfo(self.key(), members.size(), members.online(services.liveSessions())));
    }
}
