package dev.hearth.game.events;

import dev.hearth.game.chat.ChatLine;
import dev.hearth.game.leaderboard.Standings;
import dev.hearth.game.match.LobbyView;
import dev.hearth.game.match.MatchView;
import dev.hearth.game.text.Names;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The events of channels, lobbies, matches and the leaderboard, shaped as in
 * docs/protocol.md. Times are epoch milliseconds.
 */
public final class SocialEvents {
    private SocialEvents() {
    }

    /** One line in a channel list: {@code joined} is whether the viewer is a member. */
    public record ChannelEntry(String name, String description, boolean joined, int members, int online) {
    }

    public static JsonObject chat(String channel, ChatLine line) {
        return event("chat").put("channel", channel).put("from", line.from()).put("text", line.text())
                .put("at", line.at().toEpochMilli());
    }

    public static JsonObject channels(List<ChannelEntry> channels) {
        JsonArray list = new JsonArray();
        for (ChannelEntry c : channels) {
            list.add(new JsonObject().put("name", c.name()).put("description", c.description()).put("joined", c.joined())
                    .put("members", c.members()).put("online", c.online()));
        }
        return event("channels").put("channels", list);
    }

    /** The recent lines of a channel, oldest first, shown on joining it. */
    public static JsonObject channelHistory(String channel, List<ChatLine> lines) {
        JsonArray list = new JsonArray();
        for (ChatLine line : lines) {
            list.add(new JsonObject().put("from", line.from()).put("text", line.text()).put("at", line.at().toEpochMilli()));
        }
        return event("channel_history").put("channel", channel).put("lines", list);
    }

    public static JsonObject lobbies(List<LobbyView> lobbies) {
        JsonArray list = new JsonArray();
        for (LobbyView lobby : lobbies) {
            JsonObject view = new JsonObject().put("name", lobby.name())
                    .put("players", new JsonArray(List.copyOf(lobby.players())))
                    .put("max", lobby.max())
                    .put("state", lobby.state().wire());
            if (lobby.startsAt() != null) view.put("startsAt", lobby.startsAt().toEpochMilli());
            list.add(view);
        }
        return event("lobbies").put("lobbies", list);
    }

    public static JsonObject match(MatchView match) {
        JsonObject view = new JsonObject()
                .put("id", match.id())
                .put("lobby", match.lobby())
                .put("room", match.room())
                .put("state", match.state().wire())
                .put("players", new JsonArray(List.copyOf(match.players())))
                .put("barrels", match.standing().size())
                .put("standing", new JsonArray(List.copyOf(match.standing())))
                .put("endsAt", match.endsAt() == null ? null : match.endsAt().toEpochMilli())
                // Sorted, so every player's client lists the scores alike.
                .put("scores", new JsonObject(new TreeMap<String, Object>(match.scores())));
        if (match.endedBy() != null) view.put("endedBy", match.endedBy().name().toLowerCase(Locale.ROOT));
        return event("match").put("match", view);
    }

    public static JsonObject leaderboard(Standings standings) {
        return event("leaderboard").put("allTime", ranks(standings.allTime())).put("last24h", ranks(standings.last24h()));
    }

    public static JsonObject score(long score) {
        return event("score").put("score", score);
    }

    /** A line of narrative from the game (a countdown, a match's result), styled as the system speaking. */
    public static JsonObject system(String text) {
        return GameEvents.text(text, GameEvents.TextStyle.SYSTEM);
    }

    /**
     * The match's own room, as a {@code room} event: no exits (players leave with
     * {@code leave}), the players in it, the barrels standing as its items ({@code id} is
     * what {@code shoot} takes). It is on no map: {@code map} is null.
     */
    public static JsonObject matchRoom(MatchView match) {
        JsonArray barrels = new JsonArray();
        for (String barrel : match.standing()) barrels.add(new JsonObject().put("id", barrel).put("name", "barrel " + barrel));
        JsonObject room = new JsonObject()
                .put("id", match.room())
                .put("name", RANGE_NAME)
                .put("description", RANGE_DESCRIPTION)
                .put("exits", new JsonArray())
                .put("occupants", new JsonArray(match.players().stream().sorted(Names.ORDER).toList()))
                .put("npcs", new JsonArray())
                .put("items", barrels)
                .putNull("map");
        return event("room").put("room", room);
    }

    public static final String RANGE_NAME = "The Barrel Range";
    public static final String RANGE_DESCRIPTION = "A long yard walled with sandbags, where rows of oak barrels stand "
            + "on trestles, each chalked with a number. Spent shot crunches underfoot and the air smells of "
            + "powder and spilled cider. Somewhere a bell is waiting to ring the end.";

    private static JsonArray ranks(List<Standings.Rank> ranks) {
        JsonArray list = new JsonArray();
        for (Standings.Rank rank : ranks) list.add(new JsonObject().put("name", rank.name()).put("kills", rank.kills()));
        return list;
    }

    private static JsonObject event(String type) {
        return new JsonObject().put("type", type);
    }
}
