package dev.hearth.game.commands;

import dev.hearth.runtime.edge.CommandOutcome;
import io.vertx.core.Future;

import java.util.List;

/**
 * One player command, in the spirit of Evennia: a name, aliases and a usage text that
 * is also its in-game help. Parsing is separate from execution, so a command's syntax
 * can be tested without a world and a command runs only on arguments it understood.
 *
 * @param <A> what {@link #parse} makes of the arguments
 */
public interface Command<A> {

    /** The word a player types, lower case. */
    String name();

    /** Other words for it, lower case. A one-character alias that is not a letter
     *  ({@code '}, {@code ?}) also works glued to its arguments: {@code 'hello}. */
    default List<String> aliases() {
        return List.of();
    }

    /** How to type it, e.g. {@code say <text>}: heads its help and follows its errors. */
    String usage();

    /** What it does, in one line (the list {@code help} shows). */
    String summary();

    /** More help for {@code help <command>}; empty when the summary says it all. */
    default List<String> details() {
        return List.of();
    }

    /**
     * Makes sense of what followed the command word (cleaned of control characters and
     * trimmed; maybe empty). Never touches the world.
     */
    ParseResult<A> parse(String args);

    /** Does it. Runs on the game verticle's event loop; must not block. */
    Future<CommandOutcome> execute(A args, CommandContext context);
}
