package dev.hearth.game.chat;

import dev.hearth.game.GameServices;
import dev.hearth.game.delivery.Audience;
import dev.hearth.game.events.SocialEvents;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.entity.EntityContext;
import dev.hearth.runtime.entity.EntityType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Holds who is online in the channel, not everyone who ever joined: the characters' own
 * {@code channels} lists say who the members are, and tell the channel when a member's
 * sessions change. So its state, rewritten on every line and every coming and going, is
 * as big as the channel's online crowd and its history, however many players have joined
 * it since the world began.
 */
public final class ChannelEntity implements Channel {
    private static final Logger log = LoggerFactory.getLogger(ChannelEntity.class);
    /** How many recent lines a channel keeps, and shows to a player who joins. */
    public static final int HISTORY_LINES = 20;
    static final Duration WRITE_BEHIND = Duration.ofSeconds(1);
    /** Looking for ghosts visits every member: not at every login of a storm, but at most this often. */
    static final Duration GHOST_CHECK_EVERY = Duration.ofSeconds(30);

    /**
     * @param online  the members connected now, with their sessions; a member without any is not here
     * @param members how many players are members, online or not (for the channel list)
     * @param history the last {@value #HISTORY_LINES} lines, oldest first
     */
    public record State(Audience online, int members, List<ChatLine> history) {
        public State {
            online = online == null ? Audience.none() : online;
            members = Math.max(0, members);
            history = history == null ? List.of() : List.copyOf(history);
        }

        State withOnline(Audience next) {
            return new State(next, members, history);
        }

        State withMembers(int next) {
            return new State(online, next, history);
        }

        State withLine(ChatLine line) {
            List<ChatLine> next = new ArrayList<>(history);
            next.add(line);
            if (next.size() > HISTORY_LINES) next.subList(0, next.size() - HISTORY_LINES).clear();
            return new State(online, members, next);
        }
    }

    public static EntityType<Channel, State> type(GameServices services) {
        return EntityType.of(Channel.class, State.class, self -> new ChannelEntity(self, services))
                .initialState(() -> new State(Audience.none(), 0, List.of()))
                // Every player online is in the public channels, so each login changes them: saved at
                // every change, a channel of 15,000 online wrote its whole audience (megabytes of JSON)
                // per login. Written behind, a burst of logins is one save a second. A crash loses at
                // most that second: who came online (they are placed again at their next connect) and
                // its lines (shown live already). Members' own memberships live, durably, in their characters.
                .writeBehind(WRITE_BEHIND)
                // v1 kept every member ever, {"members": Audience, "history": [...]}
                .schema(2, ChannelEntity::fromEveryMemberEver);
    }

    /** v1 to v2: the members with sessions stay online, the others are counted. */
    static JsonObject fromEveryMemberEver(JsonObject v1) {
        JsonObject everyone = Optional.ofNullable(v1.getJsonObject("members"))
                .map(m -> m.getJsonObject("sessionsByPlayer")).orElse(new JsonObject());
        JsonObject online = new JsonObject();
        everyone.forEach(e -> {
            if (e.getValue() instanceof JsonArray sessions && !sessions.isEmpty()) online.put(e.getKey(), sessions);
        });
        return new JsonObject()
                .put("online", new JsonObject().put("sessionsByPlayer", online))
                .put("members", everyone.size())
                .put("history", v1.getValue("history", new JsonArray()));
    }

    private final EntityContext<State> self;
    private final GameServices services;
    /** When this activation last looked for ghosts (not state: a new activation looks at once). */
    private Instant lastGhostCheck;

    private ChannelEntity(EntityContext<State> self, GameServices services) {
        this.self = self;
        this.services = services;
    }

    @Override
    public Future<List<ChatLine>> join(String player, List<SessionRef> sessions) {
        State state = self.state();
        self.setState(state.withMembers(state.members() + 1).withOnline(placed(state.online(), player, sessions)));
        log.info("Player {} joined channel {}", player, self.key());
        return Future.succeededFuture(state.history());
    }

    @Override
    public Future<List<ChatLine>> connected(String player, List<SessionRef> sessions) {
        State state = self.state();
        // Members whose every session is on a gateway that is gone (every node restarted) are dropped here,
        // the first time after activation and then at most every GHOST_CHECK_EVERY.
        Audience online = state.online();
        Instant now = services.clock().instant();
        if (lastGhostCheck == null || !now.isBefore(lastGhostCheck.plus(GHOST_CHECK_EVERY))) {
            lastGhostCheck = now;
            online = withoutGhosts(online, services.liveSessions());
        }
        Audience next = placed(online, player, sessions);
        if (!next.equals(state.online())) self.setState(state.withOnline(next));
        return Future.succeededFuture(state.history());
    }

    @Override
    public Future<Boolean> leave(String player) {
        State state = self.state();
        self.setState(state.withMembers(state.members() - 1).withOnline(state.online().without(player)));
        log.info("Player {} left channel {}", player, self.key());
        return Future.succeededFuture(state.online().contains(player));
    }

    @Override
    public Future<Optional<ChatLine>> say(SessionRef from, String text) {
        State state = self.state();
        if (!state.online().contains(from.player())) return Future.succeededFuture(Optional.empty());
        ChatLine line = new ChatLine(from.player(), text, services.clock().instant());
        self.setState(state.withLine(line));
        List<SessionRef> others = state.online().sessionsExcept(from, services.liveSessions());
        services.fanOut().push(others, SocialEvents.chat(self.key(), line));
        log.debug("Player {} said on channel {} to {} sessions", from.player(), self.key(), others.size());
        return Future.succeededFuture(Optional.of(line));
    }

    @Override
    public Future<Void> present(String player, List<SessionRef> sessions) {
        State state = self.state();
        Audience next = placed(state.online(), player, sessions);
        if (!next.equals(state.online())) self.setState(state.withOnline(next));
        return Future.succeededFuture();
    }

    @Override
    public Future<ChannelInfo> info() {
        State state = self.state();
        return Future.succeededFuture(new ChannelInfo(self.key(), state.members(), state.online().online(services.liveSessions())));
    }

    /** With the player's sessions now; without the player when none of them is live. */
    private Audience placed(Audience online, String player, List<SessionRef> sessions) {
        if (sessions.stream().noneMatch(services.liveSessions())) return online.without(player);
        return online.contains(player) ? online.refreshed(player, sessions) : online.with(player, sessions);
    }

    private static Audience withoutGhosts(Audience online, Predicate<SessionRef> live) {
        Audience next = online;
        for (String player : online.players()) {
            if (online.sessionsByPlayer().get(player).stream().noneMatch(live)) next = next.without(player);
        }
        return next;
    }
}
