package dev.hearth.game.commands;

/** What a command made of its arguments: something to execute, or why it cannot. */
public sealed interface ParseResult<A> {

    record Parsed<A>(A args) implements ParseResult<A> {
    }

    /** @param problem what is wrong, for the player; the command's usage is added to it */
    record Invalid<A>(String problem) implements ParseResult<A> {
    }

    static <A> ParseResult<A> parsed(A args) {
        return new Parsed<>(args);
    }

    static <A> ParseResult<A> invalid(String problem) {
        return new Invalid<>(problem);
    }

    /** For commands that take nothing: anything after the command word is a mistake. */
    static ParseResult<NoArgs> none(String args, String problem) {
        return args.isEmpty() ? parsed(NoArgs.INSTANCE) : invalid(problem);
    }
}
