package dev.hearth.game.commands;

import dev.hearth.game.GameSettings;
import dev.hearth.game.text.PlayerText;
import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.Optional;

/**
 * What the commands that speak share: the longest line a player may say, emote or tell at
 * once (the live setting {@code game.say.max_length}, checked at execution, not in parsing,
 * since it can change), and how a line reaches the room.
 */
final class Speaking {
    private Speaking() {
    }

    /** The refusal for text over the limit; empty when it fits. */
    static Optional<CommandOutcome> tooLong(String text, CommandContext context) {
        int limit = context.settings().get(GameSettings.SAY_MAX_LENGTH);
        int length = PlayerText.length(text);
        if (length <= limit) return Optional.empty();
        return Optional.of(CommandOutcome.rejected(ErrorCode.TOO_LONG,
                "That is too much to say at once: " + length + " characters, at most " + limit + "."));
    }

    /**
     * Says {@code text} to the room: {@code toOthers} reaches everyone else there, {@code toSpeaker}
     * the speaker's other sessions and their reply.
     */
    static Future<CommandOutcome> toRoom(String text, CommandContext context, JsonObject toOthers, JsonObject toSpeaker) {
        Optional<CommandOutcome> refused = tooLong(text, context);
        if (refused.isPresent()) return Future.succeededFuture(refused.get());
        Optional<Future<CommandOutcome>> away = InMatch.away(context);
        if (away.isPresent()) return away.get();
        context.room().announce(context.player(), toOthers.encode()).await();
        return Outcomes.done(context.echo(toSpeaker));
    }
}
