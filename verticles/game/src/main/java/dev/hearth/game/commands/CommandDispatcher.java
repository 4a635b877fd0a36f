package dev.hearth.game.commands;

import dev.hearth.game.text.PlayerText;
import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.ErrorCode;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a typed line into an outcome: clean it, split off the command word, find the
 * command, parse its arguments, run it. Every way this can go wrong ends as a
 * {@link CommandOutcome}, so a bad line or a bug in one command never reaches the
 * gateway as a failure.
 */
public final class CommandDispatcher {
    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);

    private final CommandRegistry commands;

    public CommandDispatcher(CommandRegistry commands) {
        this.commands = commands;
    }

    public CommandRegistry commands() {
        return commands;
    }

    /** @param context must carry this dispatcher's registry as its {@code commands} */
    public Future<CommandOutcome> dispatch(String rawLine, CommandContext context) {
        String line = PlayerText.clean(rawLine);
        if (line.isEmpty()) {
            return Future.succeededFuture(CommandOutcome.rejected(ErrorCode.BAD_ARGUMENTS,
                    "Type a command, or 'help' for a list."));
        }
        CommandLine typed = CommandLine.split(line);
        return commands.find(typed.word())
                .map(command -> run(command, typed.args(), context))
                .orElseGet(() -> {
                    log.debug("Player {} typed unknown command '{}' ({})", context.player(), typed.word(), context.commandId());
                    return Future.succeededFuture(CommandOutcome.rejected(ErrorCode.UNKNOWN_COMMAND,
                            commands.unknown("Unknown command {}.", typed.word())));
                });
    }

    private <A> Future<CommandOutcome> run(Command<A> command, String args, CommandContext context) {
        Future<CommandOutcome> outcome;
        try {
            outcome = switch (command.parse(args)) {
                case ParseResult.Parsed<A> parsed -> command.execute(parsed.args(), context);
                case ParseResult.Invalid<A> invalid -> Future.succeededFuture(CommandOutcome.rejected(
                        ErrorCode.BAD_ARGUMENTS, invalid.problem() + " Usage: " + command.usage()));
            };
        } catch (RuntimeException e) {
            outcome = Future.failedFuture(e);
        }
        return outcome.recover(failure -> {
            // A bug, not the player's fault: log it with the ids a report will quote.
            log.error("Command '{}' of player {} failed ({})", command.name(), context.player(), context.commandId(), failure);
            return Future.succeededFuture(CommandOutcome.rejected(ErrorCode.INTERNAL,
                    "Something went wrong on our side; it has been logged (command " + context.commandId() + ")."));
        });
    }
}
