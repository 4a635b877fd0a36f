package dev.hearth.game;

import dev.hearth.game.match.MatchSettings;
import dev.hearth.runtime.settings.Setting;

import java.util.stream.Stream;

/** The live settings the game reads. The node registers {@link #all()} at start. */
public final class GameSettings {
    private GameSettings() {
    }

    /** Longest {@code say}, in characters; long enough for a paragraph, short enough to keep a room readable. */
    public static final Setting<Integer> SAY_MAX_LENGTH = Setting.integer(
            "game.say.max_length", 500, 1, 4000,
            "Longest text a player may say in one line, in characters.");

    public static Setting<?>[] all() {
        return Stream.concat(Stream.of(SAY_MAX_LENGTH), Stream.of(MatchSettings.all())).toArray(Setting<?>[]::new);
    }
}
