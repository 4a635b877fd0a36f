package dev.hearth.game.commands;

import dev.hearth.game.text.NearMisses;
import dev.hearth.game.text.PlayerText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The commands players can type, found by name or alias regardless of case, with
 * near-miss suggestions for typos. Immutable; built once at start.
 */
public final class CommandRegistry {
    private final List<Command<?>> commands;
    private final Map<String, Command<?>> byWord = new LinkedHashMap<>();

    /** @throws IllegalArgumentException when two commands claim the same word */
    public CommandRegistry(List<? extends Command<?>> commands) {
        this.commands = List.copyOf(commands);
        for (Command<?> command : this.commands) {
            claim(command.name(), command);
            for (String alias : command.aliases()) claim(alias, command);
        }
    }

    /** The commands in the order they were given (the order {@code help} lists them). */
    public List<Command<?>> all() {
        return commands;
    }

    /** A registry with these commands added after this one's, for games that extend this one. */
    public CommandRegistry with(List<? extends Command<?>> more) {
        List<Command<?>> all = new ArrayList<>(commands);
        all.addAll(more);
        return new CommandRegistry(all);
    }

    public Optional<Command<?>> find(String word) {
        return Optional.ofNullable(byWord.get(normalize(word)));
    }

    /**
     * Reads a line as typed (cleaned, split, its command found), the one way both the
     * dispatcher and the game verticle read it. Empty for a line with nothing in it once cleaned.
     */
    public Optional<TypedLine> read(String rawLine) {
        String line = PlayerText.clean(rawLine);
        if (line.isEmpty()) return Optional.empty();
        CommandLine split = CommandLine.split(line);
        return Optional.of(new TypedLine(split.word(), split.args(), find(split.word())));
    }

    /**
     * The words the player probably meant, closest first: one typo away, or two for longer
     * words. Each command is suggested once, by its word that came closest ("take" for
     * "tkae", "north" for "nrth"; its name when a name and an alias are equally close).
     */
    public List<String> suggest(String word) {
        return NearMisses.rank(word, commands, command -> {
            List<String> words = new ArrayList<>(List.of(command.name()));
            words.addAll(command.aliases());
            return words;
        }).stream().map(NearMisses.Match::word).toList();
    }

    /**
     * The message for a word that names no command: the opening, near misses if any,
     * and where to look. The word is shortened so a pasted paragraph is not echoed back.
     */
    public String unknown(String opening, String word) {
        return unknown(opening, word, suggest(word));
    }

    /** As {@link #unknown(String, String)}, with the suggestions given. */
    public String unknown(String opening, String word, List<String> suggestions) {
        String sentence = opening.replace("{}", "'" + NearMisses.abbreviate(word) + "'");
        return NearMisses.withSuggestions(sentence, suggestions) + " Type 'help' for a list.";
    }

    private void claim(String word, Command<?> command) {
        Command<?> previous = byWord.putIfAbsent(normalize(word), command);
        if (previous != null) {
            throw new IllegalArgumentException("'" + word + "' is claimed by both " + previous.name() + " and " + command.name());
        }
    }

    private static String normalize(String word) {
        return word.strip().toLowerCase(Locale.ROOT);
    }
}
