package dev.hearth.game.commands;

/** The parsed arguments of a command that takes none. */
public enum NoArgs {
    INSTANCE
}
