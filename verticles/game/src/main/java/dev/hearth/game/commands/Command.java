package dev.hearth.game.commands;

import dev.hearth.runtime.edge.CommandOutcome;
import io.vertx.core.Future;

import java.util.List;

/**
 * One player command, in the spirit of Evennia: a name, aliases and a usage text that
 * is also its in-game help. Parsing is separate from execution, so a command's syntax
 * can be tested without a world and a command runs only on arguments it understood.
 * A new command is a class implementing this and one line in {@link GameCommands}.
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

    /**
     * As {@link #parse(String)}, knowing which of its words was typed: for commands whose
     * aliases mean something ({@code n} is {@code go north}).
     */
    default ParseResult<A> parse(String word, String args) {
        return parse(args);
    }

    /**
     * Whether a line that is only {@code word}, which names no command, is this command
     * with that word as its arguments: {@code stairs} when the room has an exit so named.
     */
    default boolean claims(String word, CommandContext context) {
        return false;
    }

    /** Words of the world near a mistyped {@code word} that {@link #claims} would take, for suggestions. */
    default List<String> nearMisses(String word, CommandContext context) {
        return List.of();
    }

    /**
     * Does it, inside the character's turn (see {@link CommandContext}). Expected refusals
     * are outcomes ({@link CommandOutcome#rejected}); an exception is a bug and is logged.
     */
    Future<CommandOutcome> execute(A args, CommandContext context);
}
