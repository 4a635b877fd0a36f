package dev.hearth.game.sessions;

import dev.hearth.game.delivery.FanOut;
import dev.hearth.game.events.GameEvents;
import dev.hearth.game.world.Presence;
import dev.hearth.game.world.Room;
import dev.hearth.game.world.World;
import dev.hearth.runtime.edge.SessionRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
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
        showRoom(session, join(session));
    }

    /**
     * Makes sure a session that sends a command is in the world. After a game node
     * restarts, connected players are unknown to it; their next command brings them
     * back quietly instead of failing, and shows them the room before the command runs:
     * their client has never been told where they are on this world.
     */
    public void ensurePresent(SessionRef session) {
        if (!world.presence().contains(session)) {
            log.info("Player {} sent a command from session {} the world did not know; joining it", session.player(), session.session());
            showRoom(session, join(session));
        }
    }

    /** A connection closed. Unknown sessions are ignored: a leave may repeat, or follow a restart. */
    public void leave(SessionRef session) {
        world.presence().part(session).ifPresentOrElse(parted -> {
            logParted(session, parted);
            if (parted.departure()) {
                fanOut.push(world.presence().sessionsIn(parted.roomId()), GameEvents.left(parted.player()));
            }
        }, () -> log.debug("Leave for unknown session {} of player {}; nothing to do", session.session(), session.player()));
    }

    /**
     * A gateway node has left the cluster, and every session it held with it: each leaves
     * as if its connection had closed. A player still connected through another gateway
     * stays. Harmless when the gateway held nothing, so the news may repeat.
     */
    public void gatewayLeft(String gatewayNode) {
        List<SessionRef> gone = world.presence().sessionsOn(gatewayNode);
        List<Presence.Parted> departures = new ArrayList<>();
        for (SessionRef session : gone) {
            world.presence().part(session).ifPresent(parted -> {
                logParted(session, parted);
                if (parted.departure()) departures.add(parted);
            });
        }
        // Told only once all are parted, so nothing is pushed to the gateway that is gone.
        for (Presence.Parted parted : departures) {
            fanOut.push(world.presence().sessionsIn(parted.roomId()), GameEvents.left(parted.player()));
        }
        log.info("Gateway {} left the cluster: {} sessions closed, {} players left the world",
                gatewayNode, gone.size(), departures.size());
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

    /** Pushed, since the player has no command waiting for a reply that could carry it. */
    private void showRoom(SessionRef session, Presence.Joined joined) {
        Room room = world.rooms().find(joined.roomId()).orElseThrow();
        fanOut.push(List.of(session), GameEvents.room(room, world.presence().playersIn(room.id())));
    }

    private static void logParted(SessionRef session, Presence.Parted parted) {
        log.info("Player {} left {} (session {}, gateway {}{})", parted.player(), parted.roomId(),
                session.session(), session.gatewayNode(), parted.departure() ? "" : "; other sessions remain");
    }
}
