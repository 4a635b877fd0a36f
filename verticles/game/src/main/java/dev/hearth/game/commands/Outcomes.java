package dev.hearth.game.commands;

import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** The outcomes commands answer most, as the futures {@link Command#execute} returns. */
final class Outcomes {
    private Outcomes() {
    }

    static Future<CommandOutcome> done(JsonObject... events) {
        return Future.succeededFuture(CommandOutcome.done(events));
    }

    /** The command was understood but cannot be done: what the player is told why. */
    static Future<CommandOutcome> refused(String message) {
        return Future.succeededFuture(CommandOutcome.rejected(ErrorCode.BAD_ARGUMENTS, message));
    }
}
