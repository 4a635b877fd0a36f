package dev.hearth.game.match;

import dev.hearth.runtime.settings.Setting;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The live settings of the barrel game. Entities read them when they act (a lobby when a
 * player joins or a countdown starts, a match when it starts), so a changed row reaches
 * every node without a restart; a match under way keeps the rules it started with.
 */
public final class MatchSettings {
    private MatchSettings() {
    }

    public static final Setting<List<String>> LOBBY_NAMES = new Setting<>(
            "lobby.names", "comma-separated names (a-z, 0-9, _), 1 to 20 of them", List.of("arena", "yard"),
            "The lobbies players can join, in the order they are listed.", MatchSettings::parseNames);

    public static final Setting<Integer> MAX_PLAYERS = Setting.integer(
            "lobby.max_players", 4, 2, 32,
            "Most players one lobby (and so one match) holds.");

    public static final Setting<Integer> COUNTDOWN_SECONDS = Setting.integer(
            "lobby.countdown_seconds", 10, 1, 600,
            "Seconds from the second player joining a lobby to its match starting.");

    public static final Setting<Integer> MATCH_SECONDS = Setting.integer(
            "match.length_seconds", 90, 1, 3600,
            "Longest a match lasts; it ends sooner when every barrel is down.");

    public static final Setting<Integer> BARRELS = Setting.integer(
            "match.barrels", 12, 1, 100,
            "Barrels in a match's range.");

    public static final Setting<Integer> BARREL_HITS = Setting.integer(
            "match.barrel_hits", 2, 1, 10,
            "Shots it takes to break a barrel; the player who breaks it scores the kill.");

    public static final Setting<Integer> LEADERBOARD_SIZE = Setting.integer(
            "leaderboard.size", 10, 1, 100,
            "Players shown on each leaderboard (all time, last 24 hours).");

    public static Setting<?>[] all() {
        return new Setting<?>[] {LOBBY_NAMES, MAX_PLAYERS, COUNTDOWN_SECONDS, MATCH_SECONDS, BARRELS, BARREL_HITS, LEADERBOARD_SIZE};
    }

    private static final int MAX_LOBBIES = 20;

    /** "arena, Yard" -> [arena, yard]; an operator's typo is refused with what is wrong. */
    static List<String> parseNames(String text) {
        Set<String> names = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) continue;
            if (!name.matches("[a-z][a-z0-9_]{0,23}")) {
                throw new IllegalArgumentException("'" + name + "' is not a lobby name: a letter, then up to 23 letters, digits or _");
            }
            if (!names.add(name)) throw new IllegalArgumentException("'" + name + "' is listed twice");
        }
        if (names.isEmpty()) throw new IllegalArgumentException("no lobby named");
        if (names.size() > MAX_LOBBIES) throw new IllegalArgumentException(names.size() + " lobbies, at most " + MAX_LOBBIES);
        return List.copyOf(new ArrayList<>(names));
    }
}
