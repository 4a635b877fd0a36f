package dev.hearth.game.sessions;

import dev.hearth.game.delivery.FanOut;
import dev.hearth.game.events.GameEvents;
import dev.hearth.game.world.Presence;
import dev.hearth.game.world.Room;
import dev.hearth.game.world.World;
import dev.hearth.runtime.edge.SessionRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Players coming into the world and going out of it, and what the room sees. A player
 * connected twice is one character: the room sees them arrive with their first session
 * and leave with their last.
 */
public final class SessionLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SessionLifecycle.class);

    private final World world;
    private final FanOut fanOut;

    public SessionLifecycle(World world, FanOut fanOut) {
        this.world = world;
        this.fanOut = fanOut;
    }

    /**
     * A session has registered: it sees the room (pushed, since the player has no
     * command waiting for a reply) and the room sees the player arrive.
     */
    public void enter(SessionRef session) {
        Presence.Joined joined = join(session);
        Room room = world.rooms().find(joined.roomId()).orElseThrow();
        fanOut.push(List.of(session), GameEvents.room(room, world.presence().playersIn(room.id())));
    }

    /**
     * Makes sure a session that sends a command is in the world. After a game node
     * restarts, connected players are unknown to it; their next command brings them
     * back quietly instead of failing.
     */
    public void ensurePresent(SessionRef session) {
        if (!world.presence().contains(session)) {
            log.info("Player {} sent a command from session {} the world did not know; joining it", session.player(), session.session());
            join(session);
        }
    }

    /** A connection closed. Unknown sessions are ignored: a leave may repeat, or follow a restart. */
    public void leave(SessionRef session) {
        world.presence().part(session).ifPresentOrElse(parted -> {
            log.info("Player {} left {} (session {}, gateway {}{})", parted.player(), parted.roomId(),
                    session.session(), session.gatewayNode(), parted.departure() ? "" : "; other sessions remain");
            if (parted.departure()) {
                fanOut.push(world.presence().sessionsIn(parted.roomId()), GameEvents.left(parted.player()));
            }
        }, () -> log.debug("Leave for unknown session {} of player {}; nothing to do", session.session(), session.player()));
    }

    private Presence.Joined join(SessionRef session) {
        Presence.Joined joined = world.presence().join(session, world.rooms().starting().id());
        if (joined.newSession()) {
            log.info("Player {} entered {} (session {}, gateway {}{})", joined.player(), joined.roomId(),
                    session.session(), session.gatewayNode(), joined.newArrival() ? "" : "; already connected");
        }
        if (joined.newArrival()) {
            List<SessionRef> others = world.presence().sessionsIn(joined.roomId()).stream()
                    .filter(s -> !s.player().equals(joined.player()))
                    .toList();
            fanOut.push(others, GameEvents.arrived(joined.player()));
        }
        return joined;
    }
}
