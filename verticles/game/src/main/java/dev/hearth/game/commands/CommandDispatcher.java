package dev.hearth.game.commands;

import dev.hearth.game.text.NearMisses;
import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.ErrorCode;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a typed line into an outcome: clean it, split off the command word, find the
 * command (or one that claims a bare word, like an exit's name), parse its arguments,
 * run it. A line that cannot be done ends as a {@link CommandOutcome} (a rejection); a
 * command that fails (part of the world did not answer, a bug) fails the future, so that
 * the character's call fails and changes nothing, and the edge says so to the player.
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

    public Future<CommandOutcome> dispatch(String rawLine, CommandContext context) {
        Optional<TypedLine> read = commands.read(rawLine);
        if (read.isEmpty()) {
            return Future.succeededFuture(CommandOutcome.rejected(ErrorCode.BAD_ARGUMENTS,
                    "Type a command, or 'help' for a list."));
        }
        TypedLine typed = read.get();
        if (typed.named().isPresent()) return run(typed.named().get(), typed.word(), typed.args(), context);
        if (typed.args().isEmpty()) {
            for (Command<?> command : commands.all()) {
                if (claimsSafely(command, typed.word(), context)) return run(command, command.name(), typed.word(), context);
            }
        }
        log.debug("Player {} typed unknown command '{}' ({})", context.player(), typed.word(), context.commandId());
        return Future.succeededFuture(CommandOutcome.rejected(ErrorCode.UNKNOWN_COMMAND,
                commands.unknown("Unknown command {}.", typed.word(), suggestions(typed, context))));
    }

    /** Commands first, then words of the world (exits) for a line of one word. */
    private List<String> suggestions(TypedLine typed, CommandContext context) {
        Set<String> all = new LinkedHashSet<>(commands.suggest(typed.word()));
        if (typed.args().isEmpty()) {
            for (Command<?> command : commands.all()) all.addAll(nearMissesSafely(command, typed.word(), context));
        }
        List<String> list = new ArrayList<>(all);
        return list.subList(0, Math.min(NearMisses.MAX_SUGGESTIONS, list.size()));
    }

    private <A> Future<CommandOutcome> run(Command<A> command, String word, String args, CommandContext context) {
        Future<CommandOutcome> outcome;
        try {
            outcome = switch (command.parse(word.toLowerCase(java.util.Locale.ROOT), args)) {
                case ParseResult.Parsed<A> parsed -> command.execute(parsed.args(), context);
                case ParseResult.Invalid<A> invalid -> Future.succeededFuture(CommandOutcome.rejected(
                        ErrorCode.BAD_ARGUMENTS, invalid.problem() + " Usage: " + command.usage()));
            };
        } catch (RuntimeException e) {
            outcome = Future.failedFuture(e);
        }
        // A failure is not turned into an outcome here: it fails the character's call, so that
        // what the command changed and sent is discarded (a failed call changes nothing), and
        // the edge answers it (GameVerticle: unavailable or internal).
        return outcome.onFailure(failure -> log.debug("Command '{}' of player {} failed ({}): {}", command.name(),
                context.player(), context.commandId(), failure.toString()));
    }

    private static boolean claimsSafely(Command<?> command, String word, CommandContext context) {
        try {
            return command.claims(word, context);
        } catch (RuntimeException e) {
            log.error("Command '{}' failed to tell whether it claims '{}' ({})", command.name(), word, context.commandId(), e);
            return false;
        }
    }

    private static List<String> nearMissesSafely(Command<?> command, String word, CommandContext context) {
        try {
            return command.nearMisses(word, context);
        } catch (RuntimeException e) {
            log.error("Command '{}' failed to suggest for '{}' ({})", command.name(), word, context.commandId(), e);
            return List.of();
        }
    }
}
