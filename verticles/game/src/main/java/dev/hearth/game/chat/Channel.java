package dev.hearth.game.chat;

import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.entity.Interleaved;
import io.vertx.core.Future;

import java.util.List;
import java.util.Optional;

/**
 * A chat channel, keyed by its name ({@code ooc}): the members online now and the last
 * lines said on it. Who is a member is each character's to know (its {@code channels});
 * the character tells the channel when it joins, leaves, connects or disconnects, and the
 * channel keeps only the sessions of members who are connected, and a count of members.
 * Members hear what is said while they are connected; a member who joins again or
 * reconnects sees the recent history.
 */
public interface Channel {

    /**
     * The player becomes a member (counted once per call: the character calls it only when
     * it was not one), heard through these sessions if any is live.
     * @return the recent history, oldest first, for the player to see on joining
     */
    Future<List<ChatLine>> join(String player, List<SessionRef> sessions);

    /**
     * A member connected: these are their sessions now.
     * @return the recent history, oldest first, for the new session to see
     */
    Future<List<ChatLine>> connected(String player, List<SessionRef> sessions);

    /** The player is no longer a member. @return whether they were online here */
    Future<Boolean> leave(String player);

    /**
     * Says a line to every member online: pushed to all their sessions but {@code from},
     * which sees it in its command's reply. Empty when the speaker is not online here.
     */
    Future<Optional<ChatLine>> say(SessionRef from, String text);

    /** A member's sessions now; with none live, the channel forgets them until they connect again. */
    Future<Void> present(String player, List<SessionRef> sessions);

    /** Answers between the steps of a long call: the channel list must not wait for a busy channel. */
    @Interleaved
    Future<ChannelInfo> info();
}
