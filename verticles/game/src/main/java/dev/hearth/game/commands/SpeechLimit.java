package dev.hearth.game.commands;

import dev.hearth.game.GameSettings;
import dev.hearth.game.text.PlayerText;
import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.ErrorCode;

import java.util.Optional;

/**
 * The longest line a player may say, emote or tell at once: the live setting
 * {@code game.say.max_length}, checked at execution, not in parsing, since it can change.
 */
final class SpeechLimit {
    private SpeechLimit() {
    }

    /** The refusal for text over the limit; empty when it fits. */
    static Optional<CommandOutcome> exceededBy(String text, CommandContext context) {
        int limit = context.settings().get(GameSettings.SAY_MAX_LENGTH);
        int length = PlayerText.length(text);
        if (length <= limit) return Optional.empty();
        return Optional.of(CommandOutcome.rejected(ErrorCode.TOO_LONG,
                "That is too much to say at once: " + length + " characters, at most " + limit + "."));
    }
}
