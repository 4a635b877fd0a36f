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
     * Whether this command, on these arguments, must apply once: be sent to the character with
     * the client's command id, so that a retry after {@code unavailable} (which does not say
     * whether the first attempt ran) answers the first attempt's result instead of running
     * again. That costs a lookup of the id before the call and a durable save with the id
     * after it, which the reply waits for, even when nothing changed.
     *
     * <p>True unless running it twice does no harm: a command that changes no state (it only
     * reads and shows) is run again on a retry and shows the world as it is then; speech is
     * said again, so a retry may show a line twice, which a chat can live with. A command
     * whose line may change the character, the world or what a player carries (moving, items,
     * joining) keeps the default. What a plain call does change anyway (a session the world
     * did not know is connected first) is committed before the reply, as any call's change is.
     *
     * @param args what followed the command word, as {@link #parse} gets it
     */
    default boolean appliesOnce(String args) {
        return true;
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
