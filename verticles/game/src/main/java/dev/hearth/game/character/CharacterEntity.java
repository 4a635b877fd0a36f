package dev.hearth.game.character;

import dev.hearth.game.GameServices;
import dev.hearth.game.commands.CommandContext;
import dev.hearth.game.commands.CommandDispatcher;
import dev.hearth.game.events.GameEvents;
import dev.hearth.game.events.SocialEvents;
import dev.hearth.game.match.Lobby;
import dev.hearth.game.match.LobbyView;
import dev.hearth.game.sessions.GatewayRoster;
import dev.hearth.game.text.Names;
import dev.hearth.game.world.Item;
import dev.hearth.game.world.Occupant;
import dev.hearth.game.world.Room;
import dev.hearth.game.world.RoomPlan;
import dev.hearth.game.world.RoomView;
import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.ErrorCode;
import dev.hearth.runtime.edge.PlayerCommand;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.entity.EntityContext;
import dev.hearth.runtime.entity.EntityType;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Runs on virtual threads: its commands await rooms and rosters in straight lines. */
public final class CharacterEntity implements Character {
    private static final Logger log = LoggerFactory.getLogger(CharacterEntity.class);

    private final EntityContext<CharacterState> self;
    private final GameServices services;
    private final CommandDispatcher dispatcher;

    public CharacterEntity(EntityContext<CharacterState> self, GameServices services) {
        this.self = self;
        this.services = services;
        this.dispatcher = new CommandDispatcher(services.commands());
    }

    public static EntityType<Character, CharacterState> type(GameServices services) {
        return EntityType.of(Character.class, CharacterState.class, self -> new CharacterEntity(self, services))
                .initialState(CharacterState::fresh)
                .virtualThreads();
    }

    @Override
    public Future<Boolean> connect(SessionRef session) {
        if (!Names.key(session.player()).equals(self.key())) {
            log.warn("Character {} was sent session {} of player {}; refused", self.key(), session.session(), session.player());
            return Future.succeededFuture(false);
        }
        if (!roster(session).add(session).await()) return Future.succeededFuture(false);
        Predicate<SessionRef> live = services.liveSessions();
        CharacterState state = self.state();
        boolean known = state.connectedThrough(session);
        List<SessionRef> sessions = new ArrayList<>(state.liveSessions(live));
        // Kept even if this node's view of the cluster has not caught up with its gateway yet.
        if (!sessions.contains(session)) sessions.add(session);
        // A leave that never came must not make every reload one more session here, in the room and channels.
        sessions = CharacterState.newest(sessions);
        // A room the builders have since removed puts them back at the start.
        RoomPlan room = services.rooms().find(state.room()).orElse(services.rooms().starting());
        RoomView view = room(room.id()).enter(Occupant.player(session.player(), sessions), null).await();
        CharacterState next = state.withName(session.player()).withSessions(sessions).withRoom(room.id());
        // A new player starts in the public channels (ooc, newbie).
        if (state.name() == null) next = next.withChannels(services.channels().joinedAtStart());
        self.setState(next);
        if (!known) {
            log.info("Player {} entered {} (session {}, gateway {}{})", session.player(), room.id(), session.session(),
                    session.gatewayNode(), sessions.size() > 1 ? "; already connected" : "");
        }
        services.fanOut().push(List.of(session), GameEvents.room(view));
        self.setState(Memberships.connected(self, services, next, session, state.name() == null));
        return Future.succeededFuture(true);
    }

    @Override
    public Future<Void> disconnect(SessionRef session) {
        roster(session).remove(session).await();
        CharacterState state = self.state();
        if (!state.connectedThrough(session)) {
            log.debug("Leave for unknown session {} of player {}; nothing to do", session.session(), session.player());
            return Future.succeededFuture();
        }
        List<SessionRef> remaining = state.liveSessions(services.liveSessions()).stream().filter(s -> !s.equals(session)).toList();
        Occupant me = Occupant.player(state.name(), remaining);
        if (remaining.isEmpty()) room(state.room()).leave(me, null).await();
        else room(state.room()).enter(me, null).await();
        self.setState(state.withSessions(remaining));
        self.setState(Memberships.disconnected(self, services, self.state()));
        log.info("Player {} left {} (session {}, gateway {}{})", state.name(), state.room(), session.session(),
                session.gatewayNode(), remaining.isEmpty() ? "" : "; other sessions remain");
        return Future.succeededFuture();
    }

    @Override
    public Future<String> command(PlayerCommand command) {
        SessionRef from = command.from();
        if (!self.state().connectedThrough(from)) {
            log.info("Player {} sent a command from session {} the world did not know; connecting it", from.player(), from.session());
            if (!connect(from).await()) {
                return Future.succeededFuture(CommandOutcome.rejected(ErrorCode.BAD_REQUEST,
                        "Your session could not be placed in the world.").toJson().encode());
            }
        }
        CommandOutcome outcome = dispatcher.dispatch(command.line(),
                new CommandContext(command.commandId(), from, self, services)).await();
        return Future.succeededFuture(outcome.toJson().encode());
    }

    @Override
    public Future<Void> receive(Item item, String from) {
        return take(item, from == null ? "picked up" : "given by " + from);
    }

    @Override
    public Future<Void> putBack(Item item) {
        return take(item, "given back");
    }

    @Override
    public Future<Void> matchOver(String matchId, String lobby, int kills) {
        CharacterState state = self.state();
        // Transfers come in no particular order: a player may have joined the lobby again
        // since the lobby heard of this end. Out only if the lobby is still on this match, or
        // no longer has them (a failure to ask fails this delivery, which is tried again).
        boolean stillIn = false;
        if (lobby.equals(state.lobby())) {
            LobbyView now = self.ref(Lobby.class, lobby).view().await();
            stillIn = matchId.equals(now.match()) || !now.players().contains(state.name());
        }
        CharacterState next = state.withScore(state.score() + kills);
        if (stillIn) next = next.withLobby(null);
        self.setState(next);
        log.info("Player {} scored {} in match {}; score now {}", state.name(), kills, matchId, next.score());
        List<SessionRef> live = next.liveSessions(services.liveSessions());
        services.fanOut().push(live, SocialEvents.score(next.score()));
        // Out of the barrel range: their client is shown the room they never really left.
        if (stillIn && next.room() != null) services.fanOut().push(live, GameEvents.room(room(next.room()).view().await()));
        return Future.succeededFuture();
    }

    private Future<Void> take(Item item, String how) {
        CharacterState state = self.state();
        if (state.item(item.id()).isPresent()) {
            // Transfers arrive once; a second copy would be a duplicate, so it is not kept.
            log.warn("Character {} already has item {}; not adding it again ({})", self.key(), item.id(), how);
            return Future.succeededFuture();
        }
        CharacterState next = state.withItem(item);
        self.setState(next);
        log.debug("Character {} has item {} ({})", self.key(), item.id(), how);
        services.fanOut().push(next.liveSessions(services.liveSessions()), GameEvents.inventory(next.inventory()));
        return Future.succeededFuture();
    }

    private Room room(String id) {
        return self.ref(Room.class, id);
    }

    private GatewayRoster roster(SessionRef session) {
        return self.ref(GatewayRoster.class, session.gatewayNode());
    }
}
