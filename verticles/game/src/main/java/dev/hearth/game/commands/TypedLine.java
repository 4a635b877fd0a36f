package dev.hearth.game.commands;

import java.util.Optional;

/**
 * A typed line as {@link CommandRegistry#read} reads it: cleaned of control characters and
 * trimmed, split into the command word and its arguments ({@link CommandLine}), and the
 * command the word names. Read the same way by the dispatcher that runs the line and by the
 * game verticle that decides how to send it to the character.
 *
 * @param word  the command word as typed (case kept, for messages)
 * @param args  the rest, trimmed; maybe empty
 * @param named the command the word names; empty when none does (an unknown word, or a
 *              word some command may {@linkplain Command#claims claim}, like an exit's name)
 */
public record TypedLine(String word, String args, Optional<Command<?>> named) {

    /**
     * Whether the line must apply once ({@link Command#appliesOnce}). A word that names no
     * command does: it may be claimed by a command that changes things ({@code go}, for an
     * exit typed bare).
     */
    public boolean appliesOnce() {
        return named.map(command -> command.appliesOnce(args)).orElse(true);
    }
}
