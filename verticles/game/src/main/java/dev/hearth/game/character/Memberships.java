package dev.hearth.game.character;

import dev.hearth.game.GameServices;
import dev.hearth.game.chat.Channel;
import dev.hearth.game.chat.ChatLine;
import dev.hearth.game.events.SocialEvents;
import dev.hearth.game.match.Lobby;
import dev.hearth.game.match.Playing;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.entity.EntityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Keeps a character's channels and lobby told where the player can be reached: they push
 * to a player's sessions directly, not through the character, so that a chat line to a
 * thousand members is not a thousand calls. Called in the character's turn; a channel or
 * lobby that does not answer is logged and skipped, never a reason to refuse a connection.
 */
final class Memberships {
    private static final Logger log = LoggerFactory.getLogger(Memberships.class);

    private Memberships() {
    }

    /**
     * A session has connected: it is shown each channel's recent lines, as on joining.
     * @param firstTime a new player: their channels (those everyone starts in) count them as a new member
     * @return the state with the lobby forgotten if the lobby no longer has them
     */
    static CharacterState connected(EntityContext<CharacterState> self, GameServices services, CharacterState state,
                                    SessionRef session, boolean firstTime) {
        List<SessionRef> live = state.liveSessions(services.liveSessions());
        for (String name : state.channels()) {
            try {
                Channel channel = self.ref(Channel.class, name);
                List<ChatLine> history = (firstTime ? channel.join(state.name(), live) : channel.connected(state.name(), live)).await();
                services.fanOut().push(List.of(session), SocialEvents.channelHistory(name, history));
            } catch (RuntimeException e) {
                log.warn("Channel {} was not told that player {} connected: {}", name, state.name(), e.toString());
            }
        }
        CharacterState now = lobby(self, state, live);
        // Back in the middle of a match (a reload): shown the barrel range, not the room they wait in.
        try {
            Playing.match(self.entities(), now.lobby(), now.name()).ifPresent(match -> {
                services.fanOut().push(List.of(session), SocialEvents.matchRoom(match));
                services.fanOut().push(List.of(session), SocialEvents.match(match));
            });
        } catch (RuntimeException e) {
            log.warn("Player {} could not be shown their match in lobby {}: {}", now.name(), now.lobby(), e.toString());
        }
        return now;
    }

    /**
     * A session has gone: what is left of them (maybe nothing) is what their channels and
     * lobby reach. A lobby they are only waiting in lets them go with their last session.
     * @return the state with the lobby forgotten if the lobby no longer has them
     */
    static CharacterState disconnected(EntityContext<CharacterState> self, GameServices services, CharacterState state) {
        List<SessionRef> live = state.liveSessions(services.liveSessions());
        for (String name : state.channels()) {
            try {
                self.ref(Channel.class, name).present(state.name(), live).await();
            } catch (RuntimeException e) {
                log.warn("Channel {} was not told that player {} disconnected: {}", name, state.name(), e.toString());
            }
        }
        return lobby(self, state, live);
    }

    private static CharacterState lobby(EntityContext<CharacterState> self, CharacterState state, List<SessionRef> live) {
        if (state.lobby() == null) return state;
        try {
            boolean stillIn = self.ref(Lobby.class, state.lobby()).present(state.name(), live).await();
            return stillIn ? state : state.withLobby(null);
        } catch (RuntimeException e) {
            log.warn("Lobby {} was not told where player {} is now: {}", state.lobby(), state.name(), e.toString());
            return state;
        }
    }
}
