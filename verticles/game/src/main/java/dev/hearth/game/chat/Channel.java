package dev.hearth.game.chat;

import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.entity.Interleaved;
import io.vertx.core.Future;

import java.util.List;
import java.util.Optional;

/**
 * A chat channel, keyed by its name ({@code ooc}): its members and the last lines said on
 * it. Members hear what is said while they are connected; a member who joins again or
 * reconnects sees the recent history.
 */
public interface Channel {

    /**
     * Makes the player a member (or refreshes their sessions if they are one already).
     * @return the recent history, oldest first, for the player to see on joining
     */
    Future<List<ChatLine>> join(String player, List<SessionRef> sessions);

    /** @return whether the player was a member */
    Future<Boolean> leave(String player);

    /**
     * Says a line to every member: pushed to all their sessions but {@code from}, which
     * sees it in its command's reply. Empty when the speaker is not a member.
     */
    Future<Optional<ChatLine>> say(SessionRef from, String text);

    /** The member's sessions now (none: they went offline). Nothing for a non-member. */
    Future<Void> present(String player, List<SessionRef> sessions);

    /** Answers between the steps of a long call: the channel list must not wait for a busy channel. */
    @Interleaved
    Future<ChannelInfo> info();
}
